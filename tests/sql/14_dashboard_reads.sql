-- What the dashboard reads besides the marts themselves: the trending
-- totals (gold.mart_hashtag_totals_7d) kept by deltas while the window
-- stays and rebuilt when complete_through enters a new day, always equal to
-- gold.mart_hashtag_daily summed over the window; the checks that guard
-- them and the hourly engagement; and the engagement API's grain by range
-- (sql/queries/api/engagement_minute.sql: minutes up to a day, hours from
-- gold.mart_hourly_activity beyond, equal to the minutes summed by hour).
begin;
\ir lib/helpers.sql
select plan(22);

set local timezone = 'America/New_York';

-- The totals recomputed from the daily mart, as the trending view did
-- before they were kept by the refresh.
create function pg_temp.totals_from_daily()
returns table (hashtag text, window_start date, window_end date, posts_7d bigint, posts_previous_7d bigint)
language sql
as $$
    select d.hashtag, w.last_day - 6, w.last_day,
           coalesce(sum(d.posts) filter (where d.day >= w.last_day - 6), 0)::bigint,
           coalesce(sum(d.posts) filter (where d.day < w.last_day - 6), 0)::bigint
    from gold.mart_hashtag_daily as d
    cross join (select (complete_through at time zone 'UTC')::date as last_day
                from gold.mart_freshness where mart = 'mart_hashtag_sentiment_hourly') as w
    where d.day >= w.last_day - 13 and d.day <= w.last_day
    group by d.hashtag, w.last_day
$$;

-- window 2026-01-04 .. 2026-01-10 (watermark 2026-01-10 12:00:30), previous
-- 2025-12-28 .. 2026-01-03; #old (2025-12-20) is in neither
select from test.post('x', 'P1', '2026-01-10 10:00:30+00', 2, 0, 0, null, 100, '{#alpha}',
                 p_created_at => '2026-01-10 10:00+00');
select from test.post('x', 'P2', '2026-01-10 10:01:30+00', 1, 0, 0, null, 50, '{#beta}',
                 p_created_at => '2026-01-02 09:00+00');
select from test.post('tiktok', 'P3', '2026-01-10 11:59:40+00', 5, 1, 1, 400, null, '{#gamma,#alpha}',
                 p_created_at => '2026-01-05 08:00+00');
select from test.post('x', 'P4', '2026-01-10 12:00:30+00', 0, 0, 0, null, 10, '{#old}',
                 p_created_at => '2025-12-20 08:00+00');
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1'), 'ok', 'the first refresh publishes');

select results_eq(
    $$select hashtag, window_start, window_end, posts_7d, posts_previous_7d
      from gold.mart_hashtag_totals_7d order by hashtag$$,
    $$values ('alpha'::text, '2026-01-04'::date, '2026-01-10'::date, 2::bigint, 0::bigint),
             ('beta', '2026-01-04', '2026-01-10', 0, 1),
             ('gamma', '2026-01-04', '2026-01-10', 1, 0)$$,
    'totals: posts per hashtag in the window and the 7 days before, nothing older');
select results_eq(
    $$select trend_rank, hashtag, posts_7d, posts_previous_7d, growth_pct, window_start, window_end
      from gold.mart_trending_hashtags_7d order by trend_rank$$,
    $$values (1::bigint, 'alpha'::text, 2::bigint, 0::bigint, null::numeric, '2026-01-04'::date, '2026-01-10'::date),
             (2, 'gamma', 1, 0, null, '2026-01-04', '2026-01-10')$$,
    'the trending view ranks the hashtags with posts in the window');

-- more posts in the same window: the totals move by this refresh's deltas
select from test.post('x', 'P5', '2026-01-10 12:01:30+00', 1, 0, 0, null, 10, '{#beta,#gamma}',
                 p_created_at => '2026-01-09 07:00+00');
select from test.post('x', 'P6', '2026-01-10 12:02:30+00', 1, 0, 0, null, 10, '{#beta}',
                 p_created_at => '2025-12-29 07:00+00');
select from test.merge_live('m2', '{2}');
select is(test.refresh('g2'), 'ok', 'the refresh in the same window publishes');
select results_eq(
    $$select hashtag, posts_7d, posts_previous_7d from pg_temp.tmp_mart_hashtag_totals_7d order by hashtag$$,
    $$values ('beta'::text, 1::bigint, 1::bigint), ('gamma', 1, 0)$$,
    'the totals moved by deltas, only for the hashtags that changed');
select results_eq(
    $$select hashtag, window_start, window_end, posts_7d, posts_previous_7d
      from gold.mart_hashtag_totals_7d order by hashtag$$,
    $$select * from pg_temp.totals_from_daily() order by hashtag$$,
    'after deltas the totals equal the daily mart summed over the window');
select results_eq(
    $$select hashtag, posts_7d, posts_previous_7d, growth_pct from gold.mart_trending_hashtags_7d order by trend_rank$$,
    $$values ('alpha'::text, 2::bigint, 0::bigint, null::numeric), ('gamma', 2, 0, null), ('beta', 1, 2, -50.00)$$,
    'ties are ranked by hashtag; growth against the previous 7 days');

-- complete_through enters 2026-01-12: window 2026-01-06 .. 2026-01-12;
-- gamma's post of 2026-01-05 moves to the previous window, beta's of
-- 2025-12-29 leaves the 14 days
select from test.post('x', 'P7', '2026-01-12 03:00:30+00', 1, 0, 0, null, 10, '{#delta}',
                 p_created_at => '2026-01-12 03:00+00');
select from test.merge_live('m3', '{3}');
select is(test.refresh('g3'), 'ok', 'the refresh entering a new day publishes');
select results_eq(
    $$select hashtag, window_start, window_end, posts_7d, posts_previous_7d
      from gold.mart_hashtag_totals_7d order by hashtag$$,
    $$values ('alpha'::text, '2026-01-06'::date, '2026-01-12'::date, 1::bigint, 1::bigint),
             ('beta', '2026-01-06', '2026-01-12', 1, 1),
             ('delta', '2026-01-06', '2026-01-12', 1, 0),
             ('gamma', '2026-01-06', '2026-01-12', 1, 1)$$,
    'a new day rebuilds the totals for the new window');
select results_eq(
    $$select hashtag, window_start, window_end, posts_7d, posts_previous_7d
      from gold.mart_hashtag_totals_7d order by hashtag$$,
    $$select * from pg_temp.totals_from_daily() order by hashtag$$,
    'after the new day the totals equal the daily mart summed over the window');

-- the checks pass on all data
select results_eq(
    $$select check_name, failing_rows from smelt.run_checks('c1')
      where check_name in ('gold_mart_hashtag_totals_7d_reconciles', 'gold_mart_hourly_activity_reconciles')
      order by check_name$$,
    $$values ('gold_mart_hashtag_totals_7d_reconciles'::text, 0::bigint),
             ('gold_mart_hourly_activity_reconciles', 0)$$,
    'both reconciliation checks pass on all data');

-- and find a wrong total, a stale window and a wrong hourly gain
update gold.mart_hashtag_totals_7d set posts_7d = posts_7d + 1 where hashtag = 'alpha';
select is((smelt.evaluate_check('gold_mart_hashtag_totals_7d_reconciles')).failing_rows, 1::bigint,
          'the totals check finds a wrong total');
update gold.mart_hashtag_totals_7d set posts_7d = posts_7d - 1 where hashtag = 'alpha';
update gold.mart_hashtag_totals_7d set window_end = '2026-01-11' where hashtag = 'delta';
select is((smelt.evaluate_check('gold_mart_hashtag_totals_7d_reconciles')).failing_rows, 1::bigint,
          'the totals check finds a row of another window');
update gold.mart_hashtag_totals_7d set window_end = '2026-01-12' where hashtag = 'delta';
delete from gold.mart_hashtag_totals_7d where hashtag = 'gamma';
select is((smelt.evaluate_check('gold_mart_hashtag_totals_7d_reconciles')).failing_rows, 1::bigint,
          'the totals check finds a missing hashtag');
insert into gold.mart_hashtag_totals_7d (hashtag, window_start, window_end, posts_7d, posts_previous_7d)
values ('gamma', '2026-01-06', '2026-01-12', 1, 1);
update gold.mart_hourly_activity set likes_gained = likes_gained + 1
where platform = 'tiktok' and hour = '2026-01-10 11:00+00';
select is((smelt.evaluate_check('gold_mart_hourly_activity_reconciles')).failing_rows, 1::bigint,
          'the hourly check finds an hour whose engagement differs from its minutes');
update gold.mart_hourly_activity set likes_gained = likes_gained - 1
where platform = 'tiktok' and hour = '2026-01-10 11:00+00';

-- a wrong total blocks a refresh that touches its hashtag
update gold.mart_hashtag_totals_7d set posts_previous_7d = posts_previous_7d + 5 where hashtag = 'alpha';
select from test.post('x', 'P8', '2026-01-12 03:01:30+00', 1, 0, 0, null, 10, '{#alpha}',
                 p_created_at => '2026-01-12 03:00+00');
select from test.merge_live('m4', '{4}');
select is(test.refresh('g4'), 'blocked', 'a refresh touching a wrong total is blocked by the check');
update gold.mart_hashtag_totals_7d set posts_previous_7d = posts_previous_7d - 5 where hashtag = 'alpha';
select is(test.refresh('g5'), 'ok', 'once fixed, the next refresh publishes');

-- the engagement API: minutes up to a day, hours beyond (complete hours of
-- gold.mart_hourly_activity, equal to the minutes summed by hour)
\set engagement_sql `cat ../../sql/queries/api/engagement_minute.sql`
prepare engagement(text, integer) as :engagement_sql

create function pg_temp.api(p_platform text, p_minutes integer) returns json
language plpgsql as $$
declare v_body text;
begin
    execute format('execute engagement(%L, %s)', p_platform, p_minutes) into v_body;
    return v_body::json;
end;
$$;

select results_eq(
    $$select b ->> 'grain', (b ->> 'complete_through')::timestamptz
      from (select pg_temp.api(null, 1440) as b) as x$$,
    $$values ('minute'::text, '2026-01-12 03:01+00'::timestamptz)$$,
    'a day or less: grain minute, complete through the minute mart''s complete_through');
select results_eq(
    $$select (r ->> 'minute')::timestamptz, r ->> 'platform', (r ->> 'engagement_gained')::bigint
      from json_array_elements(pg_temp.api(null, 1440) -> 'rows') as r$$,
    $$select minute, platform, engagement_gained from gold.mart_engagement_minute
      where minute < '2026-01-12 03:01+00' and minute >= '2026-01-11 03:01+00' order by minute, platform$$,
    'minute grain: the complete minutes of the range');
select results_eq(
    $$select b ->> 'grain', (b ->> 'complete_through')::timestamptz
      from (select pg_temp.api(null, 10080) as b) as x$$,
    $$values ('hour'::text, '2026-01-12 03:00+00'::timestamptz)$$,
    'over a day: grain hour, complete through the hourly mart''s complete_through');
select results_eq(
    $$select (r ->> 'minute')::timestamptz, r ->> 'platform', (r ->> 'engagement_gained')::bigint,
             (r ->> 'likes_gained')::bigint, (r ->> 'shares_gained')::bigint, (r ->> 'comments_gained')::bigint,
             (r ->> 'views_gained')::bigint, (r ->> 'reach_gained')::bigint, (r ->> 'engagement_rate')::numeric
      from json_array_elements(pg_temp.api(null, 10080) -> 'rows') as r$$,
    $$select smelt.utc_hour(minute), platform, sum(engagement_gained)::bigint, sum(likes_gained)::bigint,
             sum(shares_gained)::bigint, sum(comments_gained)::bigint, sum(views_gained)::bigint,
             sum(reach_gained)::bigint, smelt.engagement_rate(sum(engagement_gained)::bigint, sum(reach_gained)::bigint)
      from gold.mart_engagement_minute
      where minute < '2026-01-12 03:00+00' and minute >= '2026-01-05 03:00+00'
      group by 1, 2 order by 1, 2$$,
    'hour grain: every complete hour with engagement, the minutes summed by hour, the rate of the sums');
select results_eq(
    $$select distinct r ->> 'platform' from json_array_elements(pg_temp.api('tiktok', 43200) -> 'rows') as r$$,
    $$values ('tiktok'::text)$$,
    'hour grain: the platform filter holds');

select * from finish();
rollback;
