-- smelt.refresh_bridge_post_campaign() -> bridge rows inserted or removed
-- gold.bridge_post_campaign
-- grain: one row per (post, campaign); key: (post_key, campaign_key)
-- upstreams: pg_temp.tmp_post_new (from silver.campaign_posts)
-- refresh: incremental: only claimed posts whose campaigns changed (or that
-- are new to gold) are rewritten, and only their differences.
create or replace function smelt.refresh_bridge_post_campaign()
returns bigint
language plpgsql
as $$
declare
    v_removed  bigint;
    v_inserted bigint;
begin
    with changed as (
        select n.post_key, n.campaign_ids
        from pg_temp.tmp_post_new as n
        where n.campaigns_changed
    )

    delete from gold.bridge_post_campaign as b
     using changed as c
     where b.post_key = c.post_key
       and b.campaign_key <> all (c.campaign_ids);
    get diagnostics v_removed = row_count;

    with changed as (
        select n.post_key, n.campaign_ids
        from pg_temp.tmp_post_new as n
        where n.campaigns_changed
    )

    insert into gold.bridge_post_campaign (post_key, campaign_key)
    select c.post_key, t.campaign_key
    from changed as c
    cross join unnest(c.campaign_ids) as t (campaign_key)
    order by 1, 2
    on conflict do nothing;
    get diagnostics v_inserted = row_count;

    return v_removed + v_inserted;
end;
$$;
