-- Unscored posts: a post in a language smelt cannot score, one whose language
-- is unknown and one without text keep NULL sentiment with the reason in
-- silver (sentiment_status), stay NULL in gold, and the sentiment marts
-- count them as unscored instead of averaging them in as neutral.
begin;
\ir lib/helpers.sql
select plan(9);

-- S1 es scored +0.6; S2 ru unsupported; S3 und undetermined; S4 no text; all #launch at 10:00
select from test.post('x', 'S1', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#launch}',
                 p_created_at => '2026-01-05 10:00+00', p_sentiment => 0.6, p_category => 'positive',
                 p_language => 'es');
select from test.post('x', 'S2', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#launch}',
                 p_created_at => '2026-01-05 10:00+00', p_sentiment => null, p_category => null,
                 p_language => 'ru', p_text => 'Это ужасно');
select from test.post('x', 'S3', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#launch}',
                 p_created_at => '2026-01-05 10:00+00', p_sentiment => null, p_category => null,
                 p_language => 'und', p_text => 'lol ok', p_sentiment_status => 'undetermined_language');
select from test.post('instagram', 'S4', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#launch}',
                 p_created_at => '2026-01-05 10:00+00', p_sentiment => null, p_category => null,
                 p_text => null);
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1'), 'ok', 'the refresh publishes');

select results_eq(
    $$select post_id, sentiment_status, sentiment_compound, sentiment_category, sentiment_model
      from silver.posts order by post_id$$,
    $$values ('S1'::text, 'scored'::text, 0.6::double precision, 'positive'::text, 'test-model'::text),
             ('S2', 'unsupported_language', null, null, null),
             ('S3', 'undetermined_language', null, null, null),
             ('S4', 'no_text', null, null, null)$$,
    'silver keeps unscored posts NULL, with the reason');

select is((select count(*) from gold.fct_posts where sentiment_compound is null), 3::bigint,
          'gold keeps them NULL, not 0.0');

select results_eq(
    $$select posts, scored_posts, unscored_posts, avg_sentiment, neutral_posts
      from gold.mart_hashtag_sentiment_hourly where hashtag = 'launch'$$,
    $$values (4::bigint, 1::bigint, 3::bigint, 0.6000::numeric, 0::bigint)$$,
    'mart_hashtag_sentiment_hourly: one scored, three unscored, the average over the scored one only');

select results_eq(
    $$select posts, scored_posts, unscored_posts from gold.mart_hashtag_daily where hashtag = 'launch'$$,
    $$values (4::bigint, 1::bigint, 3::bigint)$$,
    'mart_hashtag_daily counts scored and unscored posts');

select results_eq(
    $$select platform, posts, scored_posts, unscored_posts from gold.mart_hourly_activity order by platform$$,
    $$values ('instagram'::text, 1::bigint, 0::bigint, 1::bigint), ('x', 3, 1, 2)$$,
    'mart_hourly_activity counts scored and unscored posts per platform');

-- the accepted-values check passes, then catches a status that contradicts the scores
select is((select count(*) from silver.posts as p
           where p.sentiment_status not in ('scored', 'no_text', 'unsupported_language', 'undetermined_language')
              or (p.sentiment_status = 'scored') <> (p.sentiment_compound is not null)),
          0::bigint, 'every status agrees with the scores');
update silver.posts set sentiment_status = 'scored' where post_id = 'S2';
select isnt_empty(
    (select query from smelt.checks where check_name = 'silver_posts_accepted_values'),
    'silver_posts_accepted_values flags a post marked scored without a score');
update silver.posts set sentiment_status = 'neutral' where post_id = 'S2';
select isnt_empty(
    (select query from smelt.checks where check_name = 'silver_posts_accepted_values'),
    'silver_posts_accepted_values flags an unknown status');

select * from finish();
rollback;
