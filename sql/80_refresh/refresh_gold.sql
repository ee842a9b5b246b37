-- call smelt.refresh_gold(run_id)
-- Brings gold up to date with silver for every key marked dirty since the
-- last published refresh, then runs the quality checks on what changed and
-- publishes only if no check of severity error fails.
-- Steps (each recorded in smelt.refresh_runs as gold.<step>): claim the
-- dirty marks (read with their versions, not locked), snapshot the old gold state of those keys, refresh the
-- dimensions, facts and bridges, build signed deltas, move the helper facts
-- and every mart by the deltas, run the checks (smelt.gate_checks), publish
-- complete_through (smelt.publish_freshness) and move the trending window's
-- totals with it when it entered a new day, then release the claimed marks
-- whose version has not moved (smelt.gold_release).
-- All of it runs in one subtransaction. When a check of severity error
-- fails, it is rolled back (gold stays at its last good state, the dirty
-- marks stay for the next run), the step rows are recorded with status
-- 'blocked' and the failing checks with their offending rows in
-- smelt.check_results. When a step raises, the same happens with status
-- 'failed' and the error. The run's outcome is the row with model 'gold';
-- a blocked or failed run also raises a WARNING. Refreshes are serialized by
-- an advisory lock; merges run meanwhile and never wait for one: a key they
-- mark again during a refresh keeps its new mark for the next.
create or replace procedure smelt.refresh_gold(p_run_id text)
language plpgsql
set client_min_messages = warning
set jit = off
set random_page_cost = 1.1
as $$
declare
    v_steps     text[] := array[
        'gold_claim', 'gold_snapshot',
        'refresh_dim_campaign', 'refresh_dim_user', 'refresh_dim_post', 'refresh_dim_hashtag',
        'refresh_fct_posts', 'refresh_bridge_post_hashtag', 'refresh_bridge_post_campaign',
        'refresh_fct_engagement_minute', 'refresh_fct_comments', 'refresh_dim_date',
        'gold_build_deltas', 'refresh_fct_user_activity_daily', 'refresh_fct_campaign_author_daily',
        'refresh_mart_engagement_minute', 'refresh_mart_hourly_activity',
        'refresh_mart_hashtag_sentiment_hourly', 'refresh_mart_hashtag_daily', 'refresh_mart_hashtag_totals_7d',
        'refresh_mart_campaign_daily', 'refresh_mart_share_of_voice_daily',
        'refresh_mart_daily_active_users', 'refresh_mart_volume_by_region_daily',
        'refresh_mart_volume_by_language_daily'];
    v_step      text;
    v_runs      jsonb := '[]';
    v_checks    jsonb := '[]';
    v_status    text := 'ok';
    v_error     text;
    v_current   text;
    v_started   timestamptz;
    v_run_start timestamptz := clock_timestamp();
    v_rows      bigint;
    v_total     bigint := 0;
    v_failures  bigint;
    v_watermark timestamptz;
begin
    perform pg_advisory_xact_lock(hashtext('smelt.refresh_gold'));
    v_watermark := smelt.event_watermark();

    begin
        foreach v_step in array v_steps loop
            v_current := v_step;
            v_started := clock_timestamp();
            execute format('select smelt.%I()', v_step) into v_rows;
            v_total := v_total + coalesce(v_rows, 0);
            v_runs := v_runs || jsonb_build_object(
                'model', 'gold.' || regexp_replace(v_step, '^(refresh_|gold_)', ''),
                'rows', v_rows, 'started_at', v_started, 'finished_at', clock_timestamp());
        end loop;

        v_current := 'checks';
        v_started := clock_timestamp();
        v_checks := smelt.gate_checks();
        select count(*) into v_failures
        from jsonb_array_elements(v_checks) as c
        where (c ->> 'failing_rows')::bigint > 0 and c ->> 'severity' = 'error';
        v_runs := v_runs || jsonb_build_object(
            'model', 'gold.checks', 'rows', v_failures, 'started_at', v_started,
            'finished_at', clock_timestamp());
        if v_failures > 0 then
            raise exception 'checks failed: %',
                (select string_agg(c ->> 'check_name', ', ' order by c ->> 'check_name')
                   from jsonb_array_elements(v_checks) as c
                  where (c ->> 'failing_rows')::bigint > 0 and c ->> 'severity' = 'error')
                using errcode = 'SM001';
        end if;

        v_current := 'mart_freshness';
        v_started := clock_timestamp();
        v_rows := smelt.publish_freshness(v_watermark);
        -- a new UTC day moves the trending window: rebuild its totals now
        v_rows := v_rows + smelt.refresh_mart_hashtag_totals_7d(false);
        v_runs := v_runs || jsonb_build_object(
            'model', 'gold.mart_freshness', 'rows', v_rows, 'started_at', v_started,
            'finished_at', clock_timestamp());

        v_current := 'gold_release';
        v_started := clock_timestamp();
        v_rows := smelt.gold_release();
        v_runs := v_runs || jsonb_build_object(
            'model', 'gold.release', 'rows', v_rows, 'started_at', v_started,
            'finished_at', clock_timestamp());
    exception
        when sqlstate 'SM001' then
            v_status := 'blocked';
            v_error := sqlerrm;
        when others then
            v_status := 'failed';
            v_error := format('%s: %s (%s)', v_current, sqlerrm, sqlstate);
            v_runs := v_runs || jsonb_build_object(
                'model', 'gold.' || regexp_replace(v_current, '^(refresh_|gold_)', ''),
                'rows', 0, 'started_at', v_started, 'finished_at', clock_timestamp(),
                'failed', true);
    end;

    insert into smelt.refresh_runs (run_id, model, rows, started_at, duration_ms, status, error)
    select
        p_run_id,
        r ->> 'model',
        coalesce((r ->> 'rows')::bigint, 0),
        (r ->> 'started_at')::timestamptz,
        round((extract(epoch from (r ->> 'finished_at')::timestamptz - (r ->> 'started_at')::timestamptz)
               * 1000)::numeric, 3),
        case when v_status = 'ok' then 'ok'
             when (r ->> 'failed')::boolean then 'failed'
             else 'blocked' end,
        case when v_status = 'ok' then null
             when (r ->> 'failed')::boolean then v_error
             else 'rolled back: ' || v_error end
    from jsonb_array_elements(v_runs) with ordinality as e (r, n)
    order by n;

    insert into smelt.check_results (
        run_id, check_name, severity, status, failing_rows, sample, scope, blocked_publish, duration_ms)
    select
        p_run_id, c ->> 'check_name', c ->> 'severity', 'fail', (c ->> 'failing_rows')::bigint,
        c -> 'sample', 'incremental', v_status = 'blocked' and c ->> 'severity' = 'error',
        (c ->> 'duration_ms')::numeric
    from jsonb_array_elements(v_checks) as c
    where (c ->> 'failing_rows')::bigint > 0;

    call smelt.record_run(p_run_id, 'gold', v_total, v_run_start, v_status, v_error);

    if v_status <> 'ok' then
        raise warning 'smelt.refresh_gold % %: %', p_run_id, v_status, v_error;
    end if;
end;
$$;
