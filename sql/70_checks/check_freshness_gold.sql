-- check: freshness_gold
-- severity: warn; runs on: refresh
-- guards: Gold's complete_through is not older than smelt.settings
--   freshness_warn_minutes plus one bucket (a stalled or blocked refresh,
--   or an idle source).
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'freshness_gold',
    'warn',
    'pipeline',
    'refresh',
    'Gold''s complete_through is not older than smelt.settings freshness_warn_minutes plus one bucket (a stalled or blocked refresh, or an idle source).',
    $check$
select f.mart, f.complete_through, f.refreshed_at
from gold.mart_freshness as f
where f.complete_through is null
   or f.complete_through < smelt.as_of() - make_interval(mins => smelt.setting('freshness_warn_minutes')::integer)
                                 - case f.grain when 'hour' then interval '1 hour'
                                                when 'day' then interval '1 day'
                                                else interval '1 minute' end
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
