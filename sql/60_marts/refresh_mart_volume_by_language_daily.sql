-- smelt.refresh_mart_volume_by_language_daily() -> mart rows changed
-- gold.mart_volume_by_language_daily: post and comment volume by language per day.
-- grain: one row per (UTC day of created_at, platform, language) with posts
--   or comments; key: (day, platform, language)
-- upstreams: gold.fct_posts, gold.fct_comments (via pg_temp.tmp_post_delta,
--   tmp_comment_delta)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- rows that fall to zero are deleted.
-- metrics: posts, comments = created that day; language is the platform's
-- or the detected language, 'und' when unknown.
create or replace function smelt.refresh_mart_volume_by_language_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_volume_by_language_daily;
    create temp table tmp_mart_volume_by_language_daily on commit drop as
    with changes as (
        select smelt.utc_day(created_at) as day, platform, language, sign as posts, 0 as comments
        from pg_temp.tmp_post_delta
        union all
        select smelt.utc_day(created_at), platform, language, 0, sign
        from pg_temp.tmp_comment_delta
    ),

    deltas as (
        select day, platform, coalesce(nullif(language, ''), 'und') as language,
               sum(posts)::bigint as posts, sum(comments)::bigint as comments
        from changes
        group by 1, 2, 3
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_volume_by_language_daily',
                                      'pg_temp.tmp_mart_volume_by_language_daily',
                                      '{day,platform,language}');

    return v_rows;
end;
$$;
