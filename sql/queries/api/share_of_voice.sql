-- Share of voice per brand over the last $1 UTC days up to the day of
-- mart_share_of_voice_daily's complete_through: each brand's posts as a
-- share of all brands' posts in those days, and its share of engagement.
-- Reads gold only.
with freshness as (
    select (f.complete_through at time zone 'UTC')::date as last_day, f.complete_through
    from gold.mart_freshness as f
    where f.mart = 'mart_share_of_voice_daily'
),

brands as (
    select s.brand, sum(s.posts)::bigint as posts, sum(s.engagement_gained)::bigint as engagement_gained
    from gold.mart_share_of_voice_daily as s
    cross join freshness as f
    where s.day > f.last_day - $1::integer
      and s.day <= f.last_day
    group by s.brand
),

rows as (
    select
        b.brand,
        b.posts,
        b.engagement_gained,
        round(100.0 * b.posts / nullif(sum(b.posts) over (), 0), 2) as share_of_voice,
        round(100.0 * b.engagement_gained / nullif(sum(b.engagement_gained) over (), 0), 2) as engagement_share
    from brands as b
)

select json_build_object(
    'complete_through', (select complete_through from freshness),
    'rows', coalesce((select json_agg(r order by r.posts desc, r.brand) from rows as r), '[]')
)::text;
