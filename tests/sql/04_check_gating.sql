-- Quality gates: a check of severity error that fails keeps a refresh from
-- publishing (gold stays exactly as it was, the dirty marks stay) and is
-- recorded with its offending rows; once the data is fixed the next refresh
-- publishes. A failing step is rolled back the same way. Warnings never block.
begin;
\ir lib/helpers.sql
select plan(17);

select from test.post('x', 'P1', '2026-02-01 10:00:30+00', 1, 0, 0, null, 10, '{#one,#two}');
select from test.post('x', 'P2', '2026-02-01 10:01:30+00', 2, 0, 0, null, 20, '{#two}');
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1'), 'ok', 'a clean refresh publishes');
select test.gold_fingerprint() as gold_before \gset

-- break a check on purpose: a duplicate key injected into silver
insert into silver.post_hashtags
select * from silver.post_hashtags where post_id = 'P1' and hashtag = 'one';
-- and new data arrives meanwhile
select from test.post('x', 'P3', '2026-02-01 10:02:30+00', 3, 0, 0, null, 30, '{#three}');
select from test.comment('x', 'C3', 'P3', 'u2', '2026-02-01 10:02:40+00');
select from test.merge_live('m2', '{2}');

select is(test.refresh('g2'), 'blocked', 'a failing error check blocks the refresh');
select is(test.gold_fingerprint(), :'gold_before', 'gold stays at its last good state, freshness included');
select is((select count(*) from gold.dim_post where post_id = 'P3'), 0::bigint, 'the new post is not published');
select results_eq(
    $$select check_name, severity, failing_rows, blocked_publish from smelt.check_results
      where run_id = 'g2' and severity = 'error'$$,
    $$values ('silver_post_hashtags_key'::text, 'error'::text, 1::bigint, true)$$,
    'the failure is recorded');
select is((select sample -> 0 ->> 'post_id' from smelt.check_results
            where run_id = 'g2' and check_name = 'silver_post_hashtags_key'), 'P1',
          'with the offending rows');
select is((select status from smelt.refresh_runs where run_id = 'g2' and model = 'gold.mart_hourly_activity'),
          'blocked', 'every step of the blocked run is recorded as blocked');
select ok((select error from smelt.refresh_runs where run_id = 'g2' and model = 'gold')
          like '%silver_post_hashtags_key%', 'the run names the failing check');
select set_eq($$select post_id from smelt.dirty_posts$$, array['P1', 'P3'], 'the dirty marks are kept');

-- refreshing again without a fix stays blocked
select is(test.refresh('g3'), 'blocked', 'it stays blocked while the data is broken');

-- fix the data: the next refresh publishes everything that waited
delete from silver.post_hashtags
where ctid = (select max(ctid) from silver.post_hashtags where post_id = 'P1' and hashtag = 'one');
select is(test.refresh('g4'), 'ok', 'once fixed, the next refresh publishes');
select is((select count(*) from gold.dim_post where post_id = 'P3'), 1::bigint, 'the waiting post is published');
select is((select posts from gold.mart_hashtag_daily where hashtag = 'one'), 1::bigint,
          'the duplicate never reached the marts');
select is_empty($$select source, post_id from smelt.dirty_posts
                  union all select source, comment_id from smelt.dirty_comments
                  union all select source, user_id from smelt.dirty_users$$,
                'no dirty marks are left, of posts, comments or users');

-- a step that raises rolls the refresh back too, and is recorded as failed
select test.gold_fingerprint() as gold_fixed \gset
create or replace function smelt.refresh_mart_daily_active_users()
returns bigint language plpgsql as $$ begin raise exception 'disk on fire'; end; $$;
select from test.post('x', 'P4', '2026-02-01 10:03:30+00', 4, 0, 0, null, 40, '{#four}');
select from test.merge_live('m5', '{5}');
select is(test.refresh('g5'), 'failed', 'a step that raises fails the refresh');
select results_eq(
    $$select status, error from smelt.refresh_runs where run_id = 'g5' and model = 'gold.mart_daily_active_users'$$,
    $$values ('failed'::text, 'refresh_mart_daily_active_users: disk on fire (P0001)'::text)$$,
    'the failing step and its error are recorded');
select is(test.gold_fingerprint(), :'gold_fixed', 'and gold is unchanged');

select * from finish();
rollback;
