-- Moves the stored offsets of a batch's partitions ($3) forward to $5, but
-- each only from the value this worker last saw ($4): if another worker moved
-- one meanwhile, fewer rows than partitions are updated and the caller rolls
-- back (fencing against a stale owner). $6, $7: Kafka timestamp and hash of
-- the message at offset $5 - 1, per partition.
update smelt.ingest_offsets as o
   set next_offset       = u.next_offset,
       last_timestamp_ms = u.last_timestamp_ms,
       last_message_hash = u.last_message_hash,
       updated_at        = now()
  from unnest($3::integer[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])
       as u (kafka_partition, expected, next_offset, last_timestamp_ms, last_message_hash)
 where o.consumer_group = $1
   and o.topic = $2
   and o.kafka_partition = u.kafka_partition
   and o.next_offset = u.expected;
