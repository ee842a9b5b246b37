-- Engagement per platform per minute with the engagement rate, for the
-- complete minutes of the last $2 minutes before mart_engagement_minute's
-- complete_through (so no partial minute is ever shown).
-- $1 platform (NULL: every platform), $2 minutes. Reads gold only.
with freshness as (
    select f.complete_through
    from gold.mart_freshness as f
    where f.mart = 'mart_engagement_minute'
),

rows as (
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
    where m.minute < f.complete_through
      and m.minute >= f.complete_through - make_interval(mins => $2::integer)
      and ($1::text is null or m.platform = $1::text)
)

select json_build_object(
    'complete_through', (select complete_through from freshness),
    'rows', coalesce((select json_agg(r order by r.minute, r.platform) from rows as r), '[]')
)::text;
