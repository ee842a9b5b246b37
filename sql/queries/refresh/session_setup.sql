-- Names the connection in pg_stat_activity ($1) and shows timestamps in UTC,
-- so the times smelt logs and passes back are unambiguous.
select set_config('application_name', $1, false), set_config('TimeZone', 'UTC', false);
