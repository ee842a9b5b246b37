-- smelt.utc_minute(ts) -> the start of ts's minute (UTC), whatever the
-- session time zone. Used for every minute bucket.
create or replace function smelt.utc_minute(p_ts timestamptz)
returns timestamptz
language sql
immutable
parallel safe
return date_trunc('minute', p_ts at time zone 'UTC') at time zone 'UTC';
