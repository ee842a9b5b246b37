-- Subscribes the connection to the notifications smelt.begin_ingest_batch
-- sends when an ingest batch commits.
listen smelt_ingest;
