-- smelt.refresh_fct_posts() -> posts inserted, changed or removed
-- gold.fct_posts
-- grain: one row per post; key: post_key
-- upstreams: pg_temp.tmp_post_new (smelt.refresh_dim_post), pg_temp.tmp_post_old
-- refresh: incremental, claimed posts only. Current counters as in silver;
-- engagement = likes + shares + comments (smelt.engagement). A claimed post
-- that is no longer in silver leaves gold: its fct_posts, bridge and
-- dim_post rows are deleted (its engagement minutes go in
-- smelt.refresh_fct_engagement_minute).
create or replace function smelt.refresh_fct_posts()
returns bigint
language plpgsql
as $$
declare
    v_removed bigint;
    v_rows    bigint;
begin
    with vanished as (
        select o.post_key
        from pg_temp.tmp_post_old as o
        where not exists (select 1 from pg_temp.tmp_post_new as n where n.post_key = o.post_key)
    ),

    hashtags_removed as (
        delete from gold.bridge_post_hashtag as b using vanished as v where b.post_key = v.post_key
    ),

    campaigns_removed as (
        delete from gold.bridge_post_campaign as b using vanished as v where b.post_key = v.post_key
    ),

    facts_removed as (
        delete from gold.fct_posts as f using vanished as v where f.post_key = v.post_key
    )

    delete from gold.dim_post as d using vanished as v where d.post_key = v.post_key;
    get diagnostics v_removed = row_count;

    insert into gold.fct_posts as f (
        post_key, platform_key, user_key, date_key, created_at, language, region,
        sentiment_compound, sentiment_category, likes, shares, comments, views, impressions,
        engagement, hashtags, campaign_ids, first_seen_at, last_observed_at)
    select
        post_key, platform_key, user_key, date_key, created_at, language, region,
        sentiment_compound, sentiment_category, likes, shares, comments, views, impressions,
        smelt.engagement(likes, shares, comments), hashtags, campaign_ids, first_seen_at, last_observed_at
    from pg_temp.tmp_post_new
    order by post_key
    on conflict (post_key) do update
        set platform_key = excluded.platform_key,
            user_key = excluded.user_key,
            date_key = excluded.date_key,
            created_at = excluded.created_at,
            language = excluded.language,
            region = excluded.region,
            sentiment_compound = excluded.sentiment_compound,
            sentiment_category = excluded.sentiment_category,
            likes = excluded.likes,
            shares = excluded.shares,
            comments = excluded.comments,
            views = excluded.views,
            impressions = excluded.impressions,
            engagement = excluded.engagement,
            hashtags = excluded.hashtags,
            campaign_ids = excluded.campaign_ids,
            first_seen_at = excluded.first_seen_at,
            last_observed_at = excluded.last_observed_at
        where (f.platform_key, f.user_key, f.date_key, f.created_at, f.language, f.region,
               f.sentiment_compound, f.sentiment_category, f.likes, f.shares, f.comments, f.views,
               f.impressions, f.engagement, f.hashtags, f.campaign_ids, f.first_seen_at, f.last_observed_at)
              is distinct from
              (excluded.platform_key, excluded.user_key, excluded.date_key, excluded.created_at,
               excluded.language, excluded.region, excluded.sentiment_compound,
               excluded.sentiment_category, excluded.likes, excluded.shares, excluded.comments,
               excluded.views, excluded.impressions, excluded.engagement, excluded.hashtags,
               excluded.campaign_ids, excluded.first_seen_at, excluded.last_observed_at);
    get diagnostics v_rows = row_count;

    return v_removed + v_rows;
end;
$$;
