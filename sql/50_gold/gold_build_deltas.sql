-- smelt.gold_build_deltas() -> delta rows
-- Turns the old and new gold state of the claimed keys into signed change
-- rows from which every mart is moved incrementally:
--   pg_temp.tmp_post_delta    one row -1 per old and +1 per new version of a
--                             post whose mart inputs changed
--   pg_temp.tmp_minute_delta  the same per (post, minute)
--   pg_temp.tmp_comment_delta the same per comment
-- A mart adds sign x measure grouped by its key, so unchanged keys cost
-- nothing and a recomputation that finds the same values moves nothing.
-- Rows in buckets older than the retention cutoff are left out (those mart
-- rows are gone and must stay gone).
create or replace function smelt.gold_build_deltas()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_cutoff   timestamptz;
    v_posts    bigint;
    v_minutes  bigint;
    v_comments bigint;
begin
    select retention_cutoff into v_cutoff from smelt.refresh_state;

    drop table if exists pg_temp.tmp_post_delta;
    create temp table tmp_post_delta on commit drop as
    with old_posts as (
        select
            post_key, platform, platform_key, user_key, created_at, language, region,
            sentiment_compound, sentiment_category, hashtags, campaign_ids
        from pg_temp.tmp_post_old
    ),

    new_posts as (
        select
            post_key, platform, platform_key, user_key, created_at, language, region,
            sentiment_compound, sentiment_category, hashtags, campaign_ids
        from pg_temp.tmp_post_new
    ),

    changed as (
        select coalesce(o.post_key, n.post_key) as post_key
        from old_posts as o
        full join new_posts as n on n.post_key = o.post_key
        where o is distinct from n
    ),

    final as (
        select -1 as sign, o.*
        from old_posts as o
        join changed as c on c.post_key = o.post_key
        union all
        select 1 as sign, n.*
        from new_posts as n
        join changed as c on c.post_key = n.post_key
    )

    select * from final where created_at >= v_cutoff;
    get diagnostics v_posts = row_count;

    drop table if exists pg_temp.tmp_minute_delta;
    create temp table tmp_minute_delta on commit drop as
    with old_minutes as (
        select
            post_key, minute, platform, platform_key, observations, likes_gained, shares_gained,
            comments_gained, views_gained, impressions_gained, reach_gained, engagement_gained,
            campaign_ids
        from pg_temp.tmp_minute_old
    ),

    new_minutes as (
        select
            post_key, minute, platform, platform_key, observations, likes_gained, shares_gained,
            comments_gained, views_gained, impressions_gained, reach_gained, engagement_gained,
            campaign_ids
        from pg_temp.tmp_minute_new
    ),

    changed as (
        select coalesce(o.post_key, n.post_key) as post_key, coalesce(o.minute, n.minute) as minute
        from old_minutes as o
        full join new_minutes as n on n.post_key = o.post_key and n.minute = o.minute
        where o is distinct from n
    ),

    final as (
        select -1 as sign, o.*
        from old_minutes as o
        join changed as c on c.post_key = o.post_key and c.minute = o.minute
        union all
        select 1 as sign, n.*
        from new_minutes as n
        join changed as c on c.post_key = n.post_key and c.minute = n.minute
    )

    select * from final where minute >= v_cutoff;
    get diagnostics v_minutes = row_count;

    drop table if exists pg_temp.tmp_comment_delta;
    create temp table tmp_comment_delta on commit drop as
    with old_comments as (
        select platform_key, comment_id, platform, user_key, created_at, language
        from pg_temp.tmp_comment_old
    ),

    new_comments as (
        select platform_key, comment_id, platform, user_key, created_at, language
        from pg_temp.tmp_comment_new
    ),

    changed as (
        select
            coalesce(o.platform_key, n.platform_key) as platform_key,
            coalesce(o.comment_id, n.comment_id) as comment_id
        from old_comments as o
        full join new_comments as n on n.platform_key = o.platform_key and n.comment_id = o.comment_id
        where o is distinct from n
    ),

    final as (
        select -1 as sign, o.*
        from old_comments as o
        join changed as c on c.platform_key = o.platform_key and c.comment_id = o.comment_id
        union all
        select 1 as sign, n.*
        from new_comments as n
        join changed as c on c.platform_key = n.platform_key and c.comment_id = n.comment_id
    )

    select * from final where created_at >= v_cutoff;
    get diagnostics v_comments = row_count;

    analyze tmp_post_delta (post_key, created_at, user_key);
    analyze tmp_minute_delta (post_key, minute);
    analyze tmp_comment_delta (comment_id, created_at);
    return v_posts + v_minutes + v_comments;
end;
$$;
