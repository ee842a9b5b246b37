-- check: silver_counter_regressions
-- severity: warn; runs on: refresh
-- guards: Reports counters that went backwards between consecutive observations.
--   They are recorded (silver.counter_regressions) and kept in the gains,
--   never hidden.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_counter_regressions',
    'warn',
    'silver',
    'refresh',
    'Reports counters that went backwards between consecutive observations. They are recorded (silver.counter_regressions) and kept in the gains, never hidden.',
    $check$
select r.*
from smelt.scope_post_minutes() as s
join silver.counter_regressions as r
    on r.source = s.source and r.post_id = s.post_id and r.observed_at >= s.from_at
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
