-- Engagement per platform over the last $2 minutes, with the engagement
-- rate, in a grain a chart can draw:
--   $2 <= 1440 (a day or less): grain 'minute', one row per minute and
--     platform from mart_engagement_minute, the complete minutes before its
--     complete_through (so no partial minute is ever shown);
--   $2 > 1440: grain 'hour', one row per UTC hour and platform from
--     mart_hourly_activity (the same gains summed by hour; the check
--     gold_mart_hourly_activity_reconciles keeps the two equal), the complete
--     hours of the last $2 minutes before its complete_through; at most 720
--     points per platform for 30 days instead of 43,200.
-- rows[].minute is the first minute of the row's bucket. complete_through
-- is the one of the mart the rows come from.
-- $1 platform (NULL: every platform), $2 minutes. Reads gold only.
with params as (
    select case when $2::integer <= 1440 then 'minute' else 'hour' end as grain
),

freshness as (
    select f.complete_through
    from gold.mart_freshness as f
    cross join params as p
    where f.mart = case p.grain when 'minute' then 'mart_engagement_minute' else 'mart_hourly_activity' end
),

minute_rows as (
    select
        m.minute,
        m.platform,
        m.engagement_gained,
        m.likes_gained,
        m.shares_gained,
        m.comments_gained,
        m.views_gained,
        m.reach_gained,
        m.engagement_rate
    from gold.mart_engagement_minute as m
    cross join freshness as f
    where $2::integer <= 1440
      and m.minute < f.complete_through
      and m.minute >= f.complete_through - make_interval(mins => $2::integer)
      and ($1::text is null or m.platform = $1::text)
),

hour_rows as (
    select
        h.hour as minute,
        h.platform,
        h.engagement_gained,
        h.likes_gained,
        h.shares_gained,
        h.comments_gained,
        h.views_gained,
        h.reach_gained,
        h.engagement_rate
    from gold.mart_hourly_activity as h
    cross join freshness as f
    where $2::integer > 1440
      and h.hour < f.complete_through
      and h.hour >= f.complete_through - make_interval(mins => $2::integer)
      and h.observations <> 0
      and ($1::text is null or h.platform = $1::text)
),

rows as (
    select * from minute_rows
    union all
    select * from hour_rows
)

select json_build_object(
    'grain', (select grain from params),
    'complete_through', (select complete_through from freshness),
    'rows', coalesce((select json_agg(r order by r.minute, r.platform) from rows as r), '[]')
)::text;
