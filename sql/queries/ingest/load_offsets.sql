-- The stored next offset of every partition of a topic for a consumer group.
select kafka_partition, next_offset
  from smelt.ingest_offsets
 where consumer_group = $1
   and topic = $2;
