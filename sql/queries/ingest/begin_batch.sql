-- Opens an ingest batch in the current transaction; returns its batch_id.
select smelt.begin_ingest_batch($1, $2, $3::integer, $4::integer);
