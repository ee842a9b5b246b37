-- smelt.refresh_bridge_post_hashtag() -> bridge rows inserted or removed
-- gold.bridge_post_hashtag
-- grain: one row per (post, hashtag); key: (post_key, hashtag_key)
-- upstreams: pg_temp.tmp_post_new, gold.dim_hashtag
-- refresh: incremental: only claimed posts whose hashtags changed (or that
-- are new to gold) are rewritten, and only their differences.
create or replace function smelt.refresh_bridge_post_hashtag()
returns bigint
language plpgsql
as $$
declare
    v_removed  bigint;
    v_inserted bigint;
begin
    with changed as (
        select n.post_key, n.hashtags
        from pg_temp.tmp_post_new as n
        where n.hashtags_changed
    )

    delete from gold.bridge_post_hashtag as b
     using changed as c
     where b.post_key = c.post_key
       and not exists (
           select 1 from gold.dim_hashtag as h
           where h.hashtag_key = b.hashtag_key and h.hashtag = any (c.hashtags));
    get diagnostics v_removed = row_count;

    with changed as (
        select n.post_key, n.hashtags
        from pg_temp.tmp_post_new as n
        where n.hashtags_changed
    )

    insert into gold.bridge_post_hashtag (post_key, hashtag_key)
    select c.post_key, h.hashtag_key
    from changed as c
    cross join unnest(c.hashtags) as t (hashtag)
    join gold.dim_hashtag as h on h.hashtag = t.hashtag
    order by 1, 2
    on conflict do nothing;
    get diagnostics v_inserted = row_count;

    return v_removed + v_inserted;
end;
$$;
