-- smelt.refresh_fct_user_activity_daily() -> activity rows inserted, changed or removed
-- gold.fct_user_activity_daily
-- grain: one row per (UTC day, account) with at least one post or comment
--   created that day; key: (day, user_key)
-- upstreams: pg_temp.tmp_post_delta, pg_temp.tmp_comment_delta
-- refresh: incremental: the signed deltas move the counts; a row that falls
-- to zero is deleted. Leaves pg_temp.tmp_activity_change (old and new
-- counts per changed row) for smelt.refresh_mart_daily_active_users.
create or replace function smelt.refresh_fct_user_activity_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_upserted bigint;
    v_removed  bigint;
begin
    drop table if exists pg_temp.tmp_activity_change;
    create temp table tmp_activity_change on commit drop as
    with contributions as (
        select smelt.utc_day(created_at) as day, user_key, platform, platform_key,
               sign as posts, 0 as comments
        from pg_temp.tmp_post_delta
        where user_key is not null
        union all
        select smelt.utc_day(created_at), user_key, platform, platform_key, 0, sign
        from pg_temp.tmp_comment_delta
        where user_key is not null
    ),

    summed as (
        select day, user_key, min(platform) as platform, min(platform_key) as platform_key,
               sum(posts) as posts, sum(comments) as comments
        from contributions
        group by day, user_key
        having sum(posts) <> 0 or sum(comments) <> 0
    ),

    final as (
        select
            s.day,
            s.user_key,
            s.platform,
            s.platform_key,
            coalesce(a.posts, 0) as old_posts,
            coalesce(a.comments, 0) as old_comments,
            coalesce(a.posts, 0) + s.posts as new_posts,
            coalesce(a.comments, 0) + s.comments as new_comments
        from summed as s
        left join gold.fct_user_activity_daily as a on a.day = s.day and a.user_key = s.user_key
    )

    select * from final;

    insert into gold.fct_user_activity_daily as a (day, user_key, platform_key, posts, comments)
    select day, user_key, platform_key, new_posts, new_comments
    from tmp_activity_change
    where new_posts <> 0 or new_comments <> 0
    order by day, user_key
    on conflict (day, user_key) do update
        set posts = excluded.posts,
            comments = excluded.comments;
    get diagnostics v_upserted = row_count;

    delete from gold.fct_user_activity_daily as a
     using tmp_activity_change as c
     where a.day = c.day and a.user_key = c.user_key
       and c.new_posts = 0 and c.new_comments = 0;
    get diagnostics v_removed = row_count;

    return v_upserted + v_removed;
end;
$$;
