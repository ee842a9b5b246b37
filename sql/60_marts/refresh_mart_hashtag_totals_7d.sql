-- smelt.refresh_mart_hashtag_totals_7d(apply_deltas) -> mart rows changed
-- gold.mart_hashtag_totals_7d: posts per hashtag over the trending window
-- and the 7 days before it (the base of gold.mart_trending_hashtags_7d).
-- grain: one row per hashtag with posts in those 14 days; key: hashtag
-- upstreams: gold.mart_hashtag_daily (its changes of this refresh via
--   pg_temp.tmp_mart_hashtag_daily), gold.mart_freshness
-- window: the 7 UTC days ending with the day of
--   mart_hashtag_sentiment_hourly's complete_through (that day counts up to
--   the newest data); the previous window is the 7 days before it.
-- refresh: incremental while the window stays: the daily mart's deltas of
-- this refresh that fall in the 14 days move the totals (apply_deltas, the
-- gold step, through smelt.apply_mart_deltas); rows that fall to zero are
-- deleted. When the rows hold
-- another window than the published one (complete_through entered a new UTC
-- day: at most once a day), the table is rebuilt from gold.mart_hashtag_daily
-- over the 14 days instead. smelt.refresh_gold calls it as a step (deltas)
-- and again with apply_deltas = false after publishing, so a new day's
-- window is rebuilt in the same transaction that publishes it.
-- metrics (docs/data-dictionary.md):
--   posts_7d           posts created in the window carrying the hashtag
--   posts_previous_7d  the same over the previous 7 days
-- Leaves pg_temp.tmp_mart_hashtag_totals_7d (the hashtags the deltas moved).
create or replace function smelt.refresh_mart_hashtag_totals_7d(p_apply_deltas boolean default true)
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_last_day date;
    v_held     date;
    v_rows     bigint := 0;
begin
    select (f.complete_through at time zone 'UTC')::date into v_last_day
    from gold.mart_freshness as f
    where f.mart = 'mart_hashtag_sentiment_hourly';
    select t.window_end into v_held from gold.mart_hashtag_totals_7d as t limit 1;

    if v_held is distinct from v_last_day then
        delete from gold.mart_hashtag_totals_7d;
        insert into gold.mart_hashtag_totals_7d (hashtag, window_start, window_end, posts_7d, posts_previous_7d)
        select
            d.hashtag,
            v_last_day - 6,
            v_last_day,
            coalesce(sum(d.posts) filter (where d.day >= v_last_day - 6), 0),
            coalesce(sum(d.posts) filter (where d.day < v_last_day - 6), 0)
        from gold.mart_hashtag_daily as d
        where d.day >= v_last_day - 13 and d.day <= v_last_day
        group by d.hashtag
        having sum(d.posts) > 0
        order by d.hashtag;
        get diagnostics v_rows = row_count;
        return v_rows;
    end if;

    if not p_apply_deltas or to_regclass('pg_temp.tmp_mart_hashtag_daily') is null then
        return 0;
    end if;

    drop table if exists pg_temp.tmp_mart_hashtag_totals_7d;
    create temp table tmp_mart_hashtag_totals_7d on commit drop as
    with deltas as (
        select
            d.hashtag,
            v_last_day - 6 as window_start,
            v_last_day as window_end,
            coalesce(sum(d.posts) filter (where d.day >= v_last_day - 6), 0)::bigint as posts_7d,
            coalesce(sum(d.posts) filter (where d.day < v_last_day - 6), 0)::bigint as posts_previous_7d
        from pg_temp.tmp_mart_hashtag_daily as d
        where d.day >= v_last_day - 13 and d.day <= v_last_day
        group by d.hashtag
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_hashtag_totals_7d', 'pg_temp.tmp_mart_hashtag_totals_7d',
                                      '{hashtag}', '{}', '{window_start,window_end}');

    return v_rows;
end;
$$;
