-- How many committed ingest batches wait to be merged (counted up to $1).
select count(*) from smelt.pending_batches($1::integer);
