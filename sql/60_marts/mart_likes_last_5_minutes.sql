-- gold.mart_likes_last_5_minutes: likes gained per platform in the last five
-- complete minutes.
-- grain: one row per platform; key: platform
-- upstreams: gold.mart_engagement_minute, gold.mart_freshness, gold.dim_platform
-- refresh: a view, current with every published refresh. The window is the
-- five minutes ending at mart_engagement_minute's complete_through
-- ([complete_through - 5 min, complete_through)), so it never shows a
-- partial minute. likes_gained as defined for mart_engagement_minute.
create or replace view gold.mart_likes_last_5_minutes as
with freshness as (
    select complete_through
    from gold.mart_freshness
    where mart = 'mart_engagement_minute'
),

time_window as (
    select
        complete_through - interval '5 minutes' as window_start,
        complete_through as window_end
    from freshness
),

likes as (
    select m.platform, sum(m.likes_gained) as likes_gained
    from gold.mart_engagement_minute as m
    cross join time_window as w
    where m.minute >= w.window_start and m.minute < w.window_end
    group by m.platform
),

final as (
    select
        p.platform,
        w.window_start,
        w.window_end,
        coalesce(l.likes_gained, 0)::bigint as likes_gained
    from gold.dim_platform as p
    cross join time_window as w
    left join likes as l on l.platform = p.platform
)

select * from final;
