-- Counts one request and its quota units on the platform's quota day
-- (midnight Pacific time, as YouTube's quota resets).
insert into smelt.collect_quota as q (platform, quota_day, requests, units)
values ($1, (now() at time zone 'America/Los_Angeles')::date, 1, $2::bigint)
on conflict (platform, quota_day) do update
set requests = q.requests + 1, units = q.units + excluded.units;
