-- Bulk-loads a batch's valid messages (batch_id comes from the column default
-- set by smelt.begin_ingest_batch).
copy bronze.events (topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,
                    source, kind, observed_at, raw)
from stdin;
