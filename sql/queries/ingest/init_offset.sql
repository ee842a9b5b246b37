-- Records where a partition starts for a consumer group that has never read
-- it; leaves an existing row alone.
insert into smelt.ingest_offsets (consumer_group, topic, kafka_partition, next_offset)
values ($1, $2, $3::integer, $4::bigint)
on conflict (consumer_group, topic, kafka_partition) do nothing;
