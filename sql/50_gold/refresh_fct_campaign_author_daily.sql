-- smelt.refresh_fct_campaign_author_daily() -> rows inserted, changed or removed
-- gold.fct_campaign_author_daily
-- grain: one row per (UTC day, campaign, account) with at least one campaign
--   post created that day; key: (day, campaign_key, user_key)
-- upstreams: pg_temp.tmp_post_delta
-- refresh: incremental: the signed deltas move the counts; a row that falls
-- to zero is deleted. Leaves pg_temp.tmp_campaign_author_change for
-- smelt.refresh_mart_campaign_daily.
create or replace function smelt.refresh_fct_campaign_author_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_upserted bigint;
    v_removed  bigint;
begin
    drop table if exists pg_temp.tmp_campaign_author_change;
    create temp table tmp_campaign_author_change on commit drop as
    with contributions as (
        select smelt.utc_day(d.created_at) as day, c.campaign_key, d.user_key, d.sign as posts
        from pg_temp.tmp_post_delta as d
        cross join unnest(d.campaign_ids) as c (campaign_key)
        where d.user_key is not null
    ),

    summed as (
        select day, campaign_key, user_key, sum(posts) as posts
        from contributions
        group by day, campaign_key, user_key
        having sum(posts) <> 0
    ),

    final as (
        select
            s.day,
            s.campaign_key,
            s.user_key,
            coalesce(a.posts, 0) as old_posts,
            coalesce(a.posts, 0) + s.posts as new_posts
        from summed as s
        left join gold.fct_campaign_author_daily as a
            on a.day = s.day and a.campaign_key = s.campaign_key and a.user_key = s.user_key
    )

    select * from final;

    insert into gold.fct_campaign_author_daily as a (day, campaign_key, user_key, posts)
    select day, campaign_key, user_key, new_posts
    from tmp_campaign_author_change
    where new_posts <> 0
    order by day, campaign_key, user_key
    on conflict (day, campaign_key, user_key) do update
        set posts = excluded.posts;
    get diagnostics v_upserted = row_count;

    delete from gold.fct_campaign_author_daily as a
     using tmp_campaign_author_change as c
     where a.day = c.day and a.campaign_key = c.campaign_key and a.user_key = c.user_key
       and c.new_posts = 0;
    get diagnostics v_removed = row_count;

    return v_upserted + v_removed;
end;
$$;
