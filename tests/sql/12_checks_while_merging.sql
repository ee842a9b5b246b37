-- smelt check is a live health probe: while merges run ahead of gold (silver
-- holds changes whose dirty marks no refresh has claimed yet), every check
-- compares states that belong together and passes. A real disagreement
-- between gold and silver on a key that is not waiting for gold still fails.
begin;
\ir lib/helpers.sql
select plan(4);

select from test.post('x', 'P1', '2026-02-01 10:00:30+00', 1, 0, 0, null, 10, '{#one}');
select from test.post('x', 'P2', '2026-02-01 10:00:40+00', 5, 0, 0, null, 10, '{#two}');
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1'), 'ok', 'a clean refresh publishes');

-- the pipeline goes on: a new observation of P1 and a new post are merged
-- into silver, gold has not been refreshed yet
select from test.post('x', 'P1', '2026-02-01 10:01:30+00', 7, 1, 0, null, 30, '{#one}', p_batch_id => 2);
select from test.post('x', 'P3', '2026-02-01 10:01:40+00', 2, 0, 0, null, 10, '{#three}', p_batch_id => 2);
select from test.merge_live('m2', '{2}');
select ok((select count(*) from smelt.dirty_posts) > 0, 'silver is ahead of gold');

select is_empty(
    $$select check_name, failing_rows from smelt.run_checks('live') where failing_rows > 0 and severity = 'error'$$,
    'no error check fails while gold is behind silver');

-- a real fault on a post that is not waiting for gold is still found
update gold.fct_engagement_minute set likes_gained = likes_gained + 1
 where post_key = (select post_key from gold.dim_post where post_id = 'P2');
select is(
    (select failing_rows from smelt.run_checks('broken', 'error')
      where check_name = 'gold_engagement_minute_matches_silver'),
    1::bigint, 'a gold minute that disagrees with silver is found');

select * from finish();
rollback;
