-- Names an ingest connection in pg_stat_activity ($1), so operators can tell
-- workers apart (smelt-ingest/<host>/<pid>).
select set_config('application_name', $1, false);
