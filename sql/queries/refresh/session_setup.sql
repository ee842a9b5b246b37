-- Names the connection in pg_stat_activity ($1) and shows timestamps in UTC,
-- so the times smelt logs and passes back are unambiguous. Merges and gold
-- refreshes sort and hash tens of thousands of staged rows in session
-- tables: work_mem and temp_buffers (which must be set before the session's
-- first temporary table) keep them in memory instead of spilling to disk.
select set_config('application_name', $1, false), set_config('TimeZone', 'UTC', false),
       set_config('work_mem', '64MB', false), set_config('temp_buffers', '128MB', false);
