-- smelt.utc_hour(ts) -> the start of ts's hour (UTC), whatever the session
-- time zone. Used for every hour bucket.
create or replace function smelt.utc_hour(p_ts timestamptz)
returns timestamptz
language sql
immutable
parallel safe
return date_trunc('hour', p_ts at time zone 'UTC') at time zone 'UTC';
