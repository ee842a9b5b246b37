-- Merges the staged rows into silver in the current transaction: run $1;
-- $2 is the bigint[] of ingest batches they came from (live), or NULL
-- (backfill: no batches recorded, no watermarks moved).
call smelt.merge_decoded($1, $2::bigint[]);
