-- Bulk-loads a batch's valid messages, each row naming its partition's ingest
-- batch (from begin_batches).
copy bronze.events (batch_id, topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,
                    source, kind, observed_at, raw)
from stdin;
