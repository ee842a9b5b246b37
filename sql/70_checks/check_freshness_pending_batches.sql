-- check: freshness_pending_batches
-- severity: warn; runs on: refresh
-- guards: No committed ingest batch has waited longer than smelt.settings
--   freshness_warn_minutes to be merged into silver.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'freshness_pending_batches',
    'warn',
    'pipeline',
    'refresh',
    'No committed ingest batch has waited longer than smelt.settings freshness_warn_minutes to be merged into silver.',
    $check$
select b.batch_id, b.first_ingested, b.events
from smelt.ingest_batches as b
where b.batch_id in (select smelt.pending_batches(1000))
  and b.first_ingested < now() - make_interval(mins => smelt.setting('freshness_warn_minutes')::integer)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
