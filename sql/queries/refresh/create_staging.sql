-- The session's decode staging tables (empty at the start of every transaction).
select smelt.create_decode_staging();
