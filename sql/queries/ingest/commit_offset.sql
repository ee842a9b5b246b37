-- Moves one partition's stored offset forward, but only from the value this
-- worker last saw ($4): if another worker moved it meanwhile, no row is
-- updated and the caller rolls back (fencing against a stale owner).
-- $6, $7: Kafka timestamp and hash of the message at offset $5 - 1.
update smelt.ingest_offsets
   set next_offset       = $5::bigint,
       last_timestamp_ms = $6::bigint,
       last_message_hash = $7::bigint,
       updated_at        = now()
 where consumer_group = $1
   and topic = $2
   and kafka_partition = $3::integer
   and next_offset = $4::bigint;
