-- Stored ingest positions of consumer group $1: per topic and partition,
-- the next offset to read and when it last moved (epoch seconds).
select o.topic, o.kafka_partition, o.next_offset, extract(epoch from o.updated_at)::double precision
from smelt.ingest_offsets as o
where o.consumer_group = $1
order by o.topic, o.kafka_partition;
