-- The stored next offset of every partition of a topic for a consumer group,
-- with the fingerprint of the message before it (NULL when none is known).
select kafka_partition, next_offset, last_timestamp_ms, last_message_hash
  from smelt.ingest_offsets
 where consumer_group = $1
   and topic = $2;
