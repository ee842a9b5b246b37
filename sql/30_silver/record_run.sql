-- smelt.record_run(run_id, model, rows, started_at, status, error)
-- Records one model's run in smelt.refresh_runs (duration up to now). The
-- refresh procedures call it; the C++ refresher calls it too, after a
-- rollback, to record a merge that failed.
create or replace procedure smelt.record_run(
    p_run_id text, p_model text, p_rows bigint, p_started_at timestamptz,
    p_status text default 'ok', p_error text default null)
language sql
as $$
    insert into smelt.refresh_runs (run_id, model, rows, started_at, duration_ms, status, error)
    values (p_run_id, p_model, coalesce(p_rows, 0), p_started_at,
            round((extract(epoch from clock_timestamp() - p_started_at) * 1000)::numeric, 3),
            p_status, p_error);
$$;
