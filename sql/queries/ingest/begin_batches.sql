-- Opens the ingest batches of one transaction in one round trip, one per
-- Kafka partition ($3), with smelt.begin_ingest_batch: per partition its
-- events ($4) and rejects ($5), the oldest and newest observed_at of its
-- events ($6, $7) and its oldest Kafka timestamp ($8). Returns each
-- partition's batch id, which the rows copied next carry in batch_id.
select u.kafka_partition,
       smelt.begin_ingest_batch($1, $2, u.events, u.rejects, u.kafka_partition,
                                u.oldest_observed_at, u.newest_observed_at, u.oldest_kafka_timestamp)
  from unnest($3::integer[], $4::integer[], $5::integer[],
              $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
       as u (kafka_partition, events, rejects, oldest_observed_at, newest_observed_at, oldest_kafka_timestamp);
