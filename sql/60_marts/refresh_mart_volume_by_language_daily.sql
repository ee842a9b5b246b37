-- smelt.refresh_mart_volume_by_language_daily() -> mart rows changed
-- gold.mart_volume_by_language_daily: post and comment volume by language per day.
-- grain: one row per (UTC day of created_at, platform, language) with posts
--   or comments; key: (day, platform, language)
-- upstreams: gold.fct_posts, gold.fct_comments (via pg_temp.tmp_post_delta,
--   tmp_comment_delta)
-- refresh: incremental (signed deltas); rows that fall to zero are deleted.
-- metrics: posts, comments = created that day; language is the platform's
-- or the detected language, 'und' when unknown.
create or replace function smelt.refresh_mart_volume_by_language_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows     bigint;
    v_inserted bigint;
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
    ),

    final as (
        select * from deltas where (posts, comments) <> (0, 0)
    )

    select * from final;

    update gold.mart_volume_by_language_daily as m
       set posts = m.posts + d.posts,
           comments = m.comments + d.comments,
           updated_at = now()
      from tmp_mart_volume_by_language_daily as d
     where m.day = d.day and m.platform = d.platform and m.language = d.language;
    get diagnostics v_rows = row_count;

    insert into gold.mart_volume_by_language_daily (day, platform, language, posts, comments)
    select day, platform, language, posts, comments
    from tmp_mart_volume_by_language_daily as d
    where not exists (
        select 1 from gold.mart_volume_by_language_daily as m
        where m.day = d.day and m.platform = d.platform and m.language = d.language)
    order by day, platform, language;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_volume_by_language_daily as m
     using tmp_mart_volume_by_language_daily as s
     where m.day = s.day and m.platform = s.platform and m.language = s.language
       and (m.posts, m.comments) = (0, 0);

    return v_rows;
end;
$$;
