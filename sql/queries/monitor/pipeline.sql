-- The pipeline's state for Prometheus, one sample per row: metric name,
-- labels (a JSON object) and value. Read by `smelt serve` for /metrics with
-- its monitoring connection (not smelt_bi: it reads smelt's own tables).
-- Runs and checks are read from recent rows only (time-indexed), so a
-- scrape stays cheap however long the run log is.
with latest_checks as (
    select distinct on (r.check_name) r.check_name, r.severity, r.status
    from smelt.check_results as r
    where r.checked_at > now() - interval '1 hour'
    order by r.check_name, r.checked_at desc
),

latest_steps as (
    select distinct on (r.model) r.model, r.duration_ms, r.status, r.started_at
    from smelt.refresh_runs as r
    where r.started_at > now() - interval '15 minutes'
    order by r.model, r.started_at desc
),

freshness as (
    select s.gold_watermark, s.gold_published_at from smelt.refresh_state as s
),

samples as (
    select 'smelt_refresh_runs_15m' as metric,
           jsonb_build_object('model', r.model, 'status', r.status) as labels,
           count(*)::double precision as value
    from smelt.refresh_runs as r
    where r.started_at > now() - interval '15 minutes'
    group by r.model, r.status
    union all
    select 'smelt_refresh_step_duration_seconds', jsonb_build_object('model', l.model),
           l.duration_ms::double precision / 1000
    from latest_steps as l
    union all
    select 'smelt_refresh_gold_status', jsonb_build_object('status', s.status),
           (coalesce((select l.status from latest_steps as l where l.model = 'gold'), '') = s.status)::int
    from (values ('ok'), ('blocked'), ('failed')) as s (status)
    union all
    select 'smelt_refresh_pending_batches', '{}'::jsonb,
           (select count(*) from smelt.pending_batches(100000))::double precision
    union all
    select 'smelt_checks_failing', jsonb_build_object('severity', s.severity),
           (select count(*) from latest_checks as c where c.severity = s.severity and c.status = 'fail')
    from (values ('error'), ('warn')) as s (severity)
    union all
    select 'smelt_mart_complete_through_age_seconds', jsonb_build_object('mart', f.mart),
           extract(epoch from now() - f.complete_through)::double precision
    from gold.mart_freshness as f
    where f.complete_through is not null
    union all
    select 'smelt_gold_published_age_seconds', '{}'::jsonb,
           extract(epoch from now() - f.gold_published_at)::double precision
    from freshness as f
    where f.gold_published_at is not null
    union all
    select 'smelt_ingest_rejects', jsonb_build_object('reason', r.reason), count(*)::double precision
    from bronze.rejects as r
    group by r.reason
)

select s.metric, s.labels::text, s.value from samples as s;
