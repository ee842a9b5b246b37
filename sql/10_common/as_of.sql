-- smelt.as_of() -> the moment event-time freshness and retention are
-- measured against: now(), unless the session pins it with the setting
-- smelt.as_of (SET smelt.as_of = '2026-11-22 12:00+00', or
-- PGOPTIONS='-c smelt.as_of=...'). Pinning it makes checks and retention
-- over historical data (replays, tests) give the same answer on any day.
-- Wall-clock bookkeeping (run logs, batch ages) keeps using now().
create or replace function smelt.as_of()
returns timestamptz
language sql
stable
return coalesce(nullif(current_setting('smelt.as_of', true), '')::timestamptz, now());
