-- call smelt.merge_decoded(run_id, batch_ids)
-- Merges the decode staging tables (pg_temp.stg_posts, stg_comments,
-- stg_users; see smelt.create_decode_staging) into silver, in the caller's
-- transaction, and records what changed as dirty marks for
-- smelt.refresh_gold (smelt.mark_merged_dirty, mark_merged_dirty_users). For
-- live runs (batch_ids not NULL) it then records the batches in
-- smelt.refreshed_batches and advances the pending-batch low-water mark and
-- the per-partition event-time watermarks. Backfills pass NULL: re-merging
-- rows already merged changes nothing and marks nothing. The staging rows
-- are consumed (truncated), so one transaction may stage and merge several
-- times.
-- Merges run side by side in lanes. Posts and their comments are keyed to
-- one Kafka partition, so a merge first locks every partition its staged
-- rows came from (advisory locks on partition modulo 64, ascending, so two
-- merges never wait on each other in a cycle), merges observations, posts,
-- hashtags, campaign matches and comments, and marks those posts and
-- comments dirty, while merges of other partitions do the same. Accounts are
-- shared by every partition: the user merge, their dirty marks and the batch
-- bookkeeping run under one more lock ('smelt.merge_tail'), held to commit.
-- Every merge holds 'smelt.merge_decoded' shared; smelt.backfill_gold and
-- smelt.apply_retention take it exclusively to have silver to themselves.
-- Each step is recorded in smelt.refresh_runs under the table it writes.
create or replace procedure smelt.merge_decoded(p_run_id text, p_batch_ids bigint[])
language plpgsql
set client_min_messages = warning
set jit = off
set random_page_cost = 1.1
as $$
declare
    v_started  timestamptz;
    v_rows     bigint;
    v_skipped  bigint;
    v_suppress text := coalesce(current_setting('smelt.suppress_dirty_marks', true), '');
    v_partition integer;
    v_statistics_target text := current_setting('default_statistics_target');
begin
    perform pg_advisory_xact_lock_shared(hashtext('smelt.merge_decoded'));
    perform smelt.create_decode_staging();
    for v_partition in
        select distinct coalesce(p, 0) % 64
        from (select kafka_partition from pg_temp.stg_posts
              union select kafka_partition from pg_temp.stg_comments) as k (p)
        order by 1
    loop
        perform pg_advisory_xact_lock(hashtext('smelt.merge_partition'), v_partition);
    end loop;
    perform set_config('smelt.suppress_dirty_marks', 'on', true);
    -- The staging tables' statistics steer only the first reads of them
    -- (the tmp_* tables made from them are analyzed again): a sample of
    -- 3,000 rows (statistics target 10) is enough, and on these wide rows
    -- costs about a tenth of the default's 30,000.
    perform set_config('default_statistics_target', '10', true);
    analyze pg_temp.stg_posts (source, post_id, observed_at);
    analyze pg_temp.stg_comments (source, comment_id);
    analyze pg_temp.stg_users (source, user_id);
    perform set_config('default_statistics_target', v_statistics_target, true);

    v_started := clock_timestamp();
    v_rows := smelt.merge_post_observations();
    call smelt.record_run(p_run_id, 'silver.post_observations', v_rows, v_started);

    v_started := clock_timestamp();
    v_rows := smelt.merge_posts();
    select count(*) into v_skipped
    from pg_temp.stg_posts as s
    where s.source is null or s.post_id is null or s.observed_at is null or s.created_at is null;
    call smelt.record_run(p_run_id, 'silver.posts', v_rows, v_started, 'ok',
        case when v_skipped > 0
             then format('skipped %s staged posts without source, post_id, created_at or observed_at', v_skipped)
        end);

    v_started := clock_timestamp();
    v_rows := smelt.merge_post_entities();
    call smelt.record_run(p_run_id, 'silver.post_hashtags', v_rows, v_started);

    v_started := clock_timestamp();
    v_rows := smelt.sync_campaign_posts();
    call smelt.record_run(p_run_id, 'silver.campaign_posts', v_rows, v_started);

    v_started := clock_timestamp();
    v_rows := smelt.merge_comments();
    call smelt.record_run(p_run_id, 'silver.comments', v_rows, v_started);

    v_started := clock_timestamp();
    v_rows := smelt.mark_merged_dirty();
    call smelt.record_run(p_run_id, 'smelt.dirty_marks', v_rows, v_started);

    perform pg_advisory_xact_lock(hashtext('smelt.merge_tail'));
    v_started := clock_timestamp();
    v_rows := smelt.merge_users();
    call smelt.record_run(p_run_id, 'silver.users', v_rows, v_started);

    v_started := clock_timestamp();
    v_rows := smelt.mark_merged_dirty_users();
    call smelt.record_run(p_run_id, 'smelt.dirty_users', v_rows, v_started);
    perform set_config('smelt.suppress_dirty_marks', v_suppress, true);

    if p_batch_ids is not null then
        v_started := clock_timestamp();
        perform smelt.advance_partition_watermarks();
        -- refreshed_at: now, at the end of the merge (not the transaction's
        -- start), so that a gold refresh started later includes the batch
        insert into smelt.refreshed_batches (batch_id, run_id, refreshed_at)
        select distinct b, p_run_id, clock_timestamp() from unnest(p_batch_ids) as b order by 1
        on conflict (batch_id) do nothing;
        get diagnostics v_rows = row_count;
        perform smelt.advance_low_xid();
        call smelt.record_run(p_run_id, 'smelt.refreshed_batches', v_rows, v_started);
    end if;
    truncate pg_temp.stg_posts, pg_temp.stg_comments, pg_temp.stg_users;
end;
$$;
