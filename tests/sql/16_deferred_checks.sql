-- Deferred checks: a refresh run with p_defer_checks publishes without the
-- checks marked can_defer and notes what they would have read in
-- smelt.unchecked_posts; smelt.check_deferred checks all of it at once
-- (each post from the earliest observation no check has read), skips the
-- posts dirty now, and on a failure of severity error closes the gate:
-- every refresh is blocked until a later run, or a passing smelt check,
-- opens it again.
begin;
\ir lib/helpers.sql
select plan(25);

select is((select array_agg(check_name order by check_name) from smelt.checks where can_defer),
          array['gold_engagement_minute_matches_silver', 'gold_fct_engagement_minute_dimensions',
                'silver_observation_gains_consistent', 'silver_posts_match_newest_observation'],
          'the checks that re-read each changed post''s observations can be deferred');

select from test.post('x', 'P1', '2026-02-01 10:00:30+00', 1, 0, 0, null, 10, '{#one}');
select from test.post('x', 'P2', '2026-02-01 10:01:30+00', 2, 0, 0, null, 20, '{#two}');
select from test.comment('x', 'C1', 'P1', 'u2', '2026-02-01 10:00:40+00');
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1', true), 'ok', 'a refresh that defers the checks publishes');
select results_eq(
    $$select post_id, changed & 3 = 3, from_at, check_from from smelt.unchecked_posts order by post_id$$,
    $$values ('P1'::text, true, '2026-02-01 10:00:30+00'::timestamptz, '2026-02-01 10:00:30+00'::timestamptz),
             ('P2', true, '2026-02-01 10:01:30+00', '2026-02-01 10:01:30+00')$$,
    'and notes each post it published, with the changes the deferred checks look at');
select is(test.refresh('g1b'), 'ok', 'a refresh with nothing claimed publishes');
select is((select count(*) from smelt.unchecked_posts), 2::bigint, 'and notes nothing');

-- a later change of P1: its note keeps the earliest observation not checked
select from test.post('x', 'P1', '2026-02-01 10:05:30+00', 5, 0, 0, null, 50, '{#one}');
select from test.merge_live('m2', '{2}');
select is(test.refresh('g2', true), 'ok', 'a second deferring refresh publishes');
select results_eq(
    $$select from_at, check_from from smelt.unchecked_posts where post_id = 'P1'$$,
    $$values ('2026-02-01 10:00:30+00'::timestamptz, '2026-02-01 10:00:30+00'::timestamptz)$$,
    'the note of a post rebuilt again keeps its earliest unchecked observation');

-- gold goes wrong where only a deferrable check looks
update gold.fct_engagement_minute as f set observations = f.observations + 1
  from gold.dim_post as d
 where d.post_key = f.post_key and d.post_id = 'P1' and f.minute = '2026-02-01 10:00+00';
select results_eq(
    $$select check_name, failing_rows from smelt.check_deferred('c1') where failing_rows > 0$$,
    $$values ('gold_engagement_minute_matches_silver'::text, 1::bigint)$$,
    'the deferred checks find the minute gold got wrong, from the earliest unchecked observation');
select results_eq(
    $$select count(*), count(*) filter (where status = 'fail' and blocked_publish and scope = 'deferred')
        from smelt.check_results where run_id = 'c1'$$,
    $$values (4::bigint, 1::bigint)$$,
    'every deferred check is recorded, the failure as blocking');
select is((select deferred_failures from smelt.refresh_state), 'gold_engagement_minute_matches_silver',
          'the failure closes the gate');
select is((select count(*) from smelt.unchecked_posts), 2::bigint, 'and the notes stay');

select from test.post('x', 'P3', '2026-02-01 10:02:30+00', 3, 0, 0, null, 30, '{#three}');
select from test.merge_live('m3', '{3}');
select test.gold_fingerprint() as gold_before \gset
select is(test.refresh('g3', true), 'blocked', 'a refresh is blocked while the gate is closed');
select is(test.refresh('g3b'), 'blocked', 'one that runs every check too');
select ok((select error from smelt.refresh_runs where run_id = 'g3' and model = 'gold')
          like '%deferred checks failed: gold_engagement_minute_matches_silver%', 'naming the failed check');
select is(test.gold_fingerprint(), :'gold_before', 'gold stays as it was');
select set_eq($$select post_id from smelt.dirty_posts$$, array['P3'], 'the new post''s mark stays');

-- fixed: the next run passes, opens the gate and drops the notes it checked
update gold.fct_engagement_minute as f set observations = f.observations - 1
  from gold.dim_post as d
 where d.post_key = f.post_key and d.post_id = 'P1' and f.minute = '2026-02-01 10:00+00';
select is((select count(*) from smelt.check_deferred('c2') where failing_rows > 0), 0::bigint,
          'once gold is right the deferred checks pass');
select is((select deferred_failures from smelt.refresh_state), null, 'the gate opens');
select is((select count(*) from smelt.unchecked_posts), 0::bigint, 'the checked notes go');
select is(test.refresh('g4', true), 'ok', 'and refreshes publish again');

-- a post dirty when the checks run is left for later
select from test.post('x', 'P3', '2026-02-01 10:07:30+00', 7, 0, 0, null, 70, '{#three}');
select from test.merge_live('m5', '{5}');
select is((select count(*) from smelt.check_deferred('c3') where failing_rows > 0), 0::bigint,
          'the deferred checks pass');
select results_eq(
    $$select post_id, check_from from smelt.unchecked_posts$$,
    $$values ('P3'::text, '2026-02-01 10:02:30+00'::timestamptz)$$,
    'a post dirty while they ran keeps its note');

-- a full smelt check that passes opens a closed gate too
update smelt.refresh_state set deferred_failures = 'gold_engagement_minute_matches_silver';
select is((select count(*) from smelt.run_checks('full1') where failing_rows > 0 and severity = 'error'),
          0::bigint, 'smelt check passes');
select is((select deferred_failures from smelt.refresh_state), null, 'and opens the gate');

-- a check cannot be deferred unless every scope it reads has a deferred form
update smelt.checks set can_defer = true where check_name = 'gold_fct_comments_dimensions';
select ok((select sample -> 0 ->> 'error' from smelt.check_deferred('c4')
            where check_name = 'gold_fct_comments_dimensions') like '%scope_comments() has no deferred scope%',
          'a check deferred by mistake fails, saying why');

select * from finish();
rollback;
