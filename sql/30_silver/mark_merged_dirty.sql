-- smelt.mark_merged_dirty() -> dirty marks written
-- Step of smelt.merge_decoded, after the comments: records what the merge
-- changed in posts and comments, once per key, for smelt.refresh_gold (the
-- dirty-mark triggers are suppressed during the merge, which marks
-- explicitly and more cheaply):
--   smelt.dirty_posts    changed bits 1 (post row), 2 (observations, with
--                        minutes_from = the earliest changed observed_at),
--                        4 (hashtags or mentions), 8 (campaign matches;
--                        minutes_from = -infinity when membership changed)
--   smelt.dirty_comments comments written
-- It runs under the merge's partition locks only, before smelt.merge_tail:
-- a post and its comments belong to one Kafka partition, so no other merge
-- marks them meanwhile. (Should one ever arrive on two partitions, both
-- merges write their marks in key order and neither holds the tail while
-- it does, so one waits for the other's commit and they cannot deadlock.)
-- Accounts, shared by every partition, are marked under the tail
-- (smelt.mark_merged_dirty_users).
-- A key marked already gets the new version (smelt.gold_release keeps a mark
-- whose version moved after a refresh claimed it), and a post's mark records
-- this transaction's change (smelt.mark_changes).
-- upstreams: pg_temp.tmp_obs_changed, tmp_post_merged, tmp_post_entities,
--   tmp_campaign_changed, tmp_comment_merged
create or replace function smelt.mark_merged_dirty()
returns bigint
language plpgsql
as $$
declare
    v_posts    bigint;
    v_comments bigint;
begin
    if to_regclass('pg_temp.tmp_campaign_changed') is null then
        create temp table tmp_campaign_changed (
            source text not null, post_id text not null, membership_changed boolean not null
        ) on commit drop;
    end if;

    with marks as (
        select source, post_id, 2 as changed, from_at as minutes_from
        from pg_temp.tmp_obs_changed
        union all
        select source, post_id, 1, null::timestamptz
        from pg_temp.tmp_post_merged
        where changed
        union all
        select source, post_id, 4, null::timestamptz
        from pg_temp.tmp_post_entities
        where hashtags_changed or mentions_changed
        union all
        select source, post_id, 8, case when membership_changed then '-infinity'::timestamptz end
        from pg_temp.tmp_campaign_changed
    ),

    final as (
        select source, post_id, bit_or(changed) as changed, min(minutes_from) as minutes_from
        from marks
        group by source, post_id
    )

    insert into smelt.dirty_posts as d (source, post_id, changed, minutes_from, changes)
    select source, post_id, changed, minutes_from, smelt.mark_changes(minutes_from)
    from final
    order by source, post_id
    on conflict (source, post_id) do update
        set changed = d.changed | excluded.changed,
            minutes_from = least(d.minutes_from, excluded.minutes_from),
            changes = smelt.mark_changes_add(d.changes, excluded.changes),
            version = excluded.version;
    get diagnostics v_posts = row_count;

    insert into smelt.dirty_comments (source, comment_id)
    select distinct source, comment_id from pg_temp.tmp_comment_merged
    order by source, comment_id
    on conflict (source, comment_id) do update set version = excluded.version;
    get diagnostics v_comments = row_count;

    return v_posts + v_comments;
end;
$$;
