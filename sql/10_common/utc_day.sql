-- smelt.utc_day(ts) -> ts's calendar day in UTC. Used for every day bucket.
create or replace function smelt.utc_day(p_ts timestamptz)
returns date
language sql
immutable
parallel safe
return (p_ts at time zone 'UTC')::date;
