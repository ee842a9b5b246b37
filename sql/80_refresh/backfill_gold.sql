-- call smelt.backfill_gold(run_id, from, to)
-- Recomputes gold for the event-time range [from, to) with the same steps
-- as the live refresh: re-evaluates the campaign matches of posts created in
-- the range (so a campaign added later counts its historical posts), marks
-- dirty every post created or observed in the range (its engagement minutes
-- from its first observation in the range), every comment created or
-- observed in it and every account whose profile changed in it, then runs
-- smelt.refresh_gold. Idempotent:
-- gold rows that already match silver move nothing. The silver half of a
-- backfill is smelt.merge_decoded(run_id, NULL) over re-decoded bronze rows,
-- called before this. Safe while the daemon runs (merges and refreshes are
-- serialized by their locks).
create or replace procedure smelt.backfill_gold(p_run_id text, p_from timestamptz, p_to timestamptz)
language plpgsql
set client_min_messages = warning
set jit = off
set random_page_cost = 1.1
as $$
declare
    v_started timestamptz;
    v_rows    bigint;
    v_step    bigint;
begin
    if p_from is null or p_to is null or p_to <= p_from then
        raise exception 'backfill range [%, %) is empty', p_from, p_to using errcode = 'invalid_parameter_value';
    end if;
    perform pg_advisory_xact_lock(hashtext('smelt.merge_decoded'));

    v_started := clock_timestamp();
    v_rows := smelt.rematch_campaigns(p_from, p_to);
    call smelt.record_run(p_run_id, 'silver.campaign_posts', v_rows, v_started);

    v_started := clock_timestamp();
    insert into smelt.dirty_posts as d (source, post_id, changed)
    select source, post_id, 15 from silver.posts
    where created_at >= p_from and created_at < p_to
    order by 1, 2
    on conflict (source, post_id) do update
        set changed = d.changed | excluded.changed, version = excluded.version;
    get diagnostics v_rows = row_count;

    insert into smelt.dirty_posts as d (source, post_id, changed, minutes_from, changes)
    select source, post_id, 15, min(observed_at), smelt.mark_changes(min(observed_at))
    from silver.post_observations
    where observed_at >= p_from and observed_at < p_to
    group by source, post_id
    order by 1, 2
    on conflict (source, post_id) do update
        set changed = d.changed | excluded.changed,
            minutes_from = least(d.minutes_from, excluded.minutes_from),
            changes = smelt.mark_changes_add(d.changes, excluded.changes),
            version = excluded.version;
    get diagnostics v_step = row_count;
    v_rows := v_rows + v_step;

    insert into smelt.dirty_comments (source, comment_id)
    select source, comment_id from silver.comments
    where (created_at >= p_from and created_at < p_to)
       or (last_observed_at >= p_from and last_observed_at < p_to)
    order by 1, 2
    on conflict (source, comment_id) do update set version = excluded.version;
    get diagnostics v_step = row_count;
    v_rows := v_rows + v_step;

    insert into smelt.dirty_users (source, user_id)
    select distinct source, user_id from silver.user_history
    where observed_at >= p_from and observed_at < p_to
    order by 1, 2
    on conflict (source, user_id) do update set version = excluded.version;
    get diagnostics v_step = row_count;
    v_rows := v_rows + v_step;
    call smelt.record_run(p_run_id, 'smelt.dirty_marks', v_rows, v_started);

    call smelt.refresh_gold(p_run_id);
end;
$$;
