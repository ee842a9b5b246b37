-- Bulk-loads a batch's rejected messages with their raw bytes and reasons.
copy bronze.rejects (topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,
                     raw, reason, detail)
from stdin;
