-- The identity of the log behind each stored offset: the Kafka timestamp and
-- a 64-bit FNV-1a hash of key and value of the last message a partition's
-- batch stored (offset next_offset - 1). On every assignment ingest reads
-- that message again and refuses to go on (exit 6) when it differs, so a
-- topic deleted and re-created, or a broker replaced, is never skipped even
-- after the new log grew past the stored offsets.
-- NULL for offsets stored before this migration or set by init_offset: those
-- are not checked until the next batch stores them.
alter table smelt.ingest_offsets
    add column last_timestamp_ms bigint,
    add column last_message_hash bigint;
