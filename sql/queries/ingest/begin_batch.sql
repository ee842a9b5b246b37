-- Opens the ingest batch of one Kafka partition ($5) in the current
-- transaction, with the oldest and newest observed_at of its events ($6, $7)
-- and its oldest Kafka timestamp ($8); its id is the default batch_id of the
-- rows copied next.
select smelt.begin_ingest_batch($1, $2, $3::integer, $4::integer, $5::integer,
                                $6::timestamptz, $7::timestamptz, $8::timestamptz);
