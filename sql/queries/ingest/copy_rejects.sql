-- Bulk-loads a batch's rejected messages with their raw bytes and reasons,
-- each row naming its partition's ingest batch (from begin_batches).
copy bronze.rejects (batch_id, topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,
                     raw, reason, detail)
from stdin;
