-- Changes that do not come from a merge still reach gold: a comment that
-- arrives before its post is attached later, an author known only from a
-- post gets its profile, a post corrected or deleted by hand in silver is
-- corrected or removed in gold and the marts, all incrementally.
begin;
\ir lib/helpers.sql
select plan(10);

-- a comment before its post, a post by an author without a profile yet
select from test.comment('x', 'C1', 'P1', 'u2', '2026-04-01 10:05+00');
select from test.merge_live('m1', '{1}');
select from test.refresh('g1');
select is((select post_key from gold.fct_comments where comment_id = 'C1'), null::bigint,
          'a comment whose post is unknown has no post yet');

select from test.post('x', 'P1', '2026-04-01 10:00:30+00', 3, 1, 1, null, 40, '{#spring}',
                      p_created_at => '2026-04-01 10:00+00', p_author_id => 'u1', p_sentiment => 0.5,
                      p_category => 'positive');
select from test.post('x', 'P2', '2026-04-01 10:10:30+00', 2, 0, 0, null, 20, '{#spring}',
                      p_created_at => '2026-04-01 10:10+00', p_author_id => 'u3', p_sentiment => 0.1,
                      p_category => 'neutral');
select from test.merge_live('m2', '{2}');
select is(test.refresh('g2'), 'ok', 'the posts are published');
select is((select f.post_key from gold.fct_comments as f where f.comment_id = 'C1'),
          (select post_key from gold.dim_post where post_id = 'P1'),
          'the comment is attached once its post arrives');
select results_eq($$select username, has_profile from gold.dim_user where user_id = 'u1'$$,
                  $$values ('name_u1'::text, false)$$, 'an author known only from a post has a row');

select from test.profile('x', 'u1', '2026-04-01 10:20+00', 500, p_username => 'alice');
select from test.merge_live('m3', '{3}');
select from test.refresh('g3');
select results_eq($$select username, followers, has_profile from gold.dim_user where user_id = 'u1'$$,
                  $$values ('alice'::text, 500::bigint, true)$$, 'and gets its profile when it arrives');

-- a hand correction of the sentiment in silver reaches the marts
update silver.posts set sentiment_compound = -0.5, sentiment_category = 'negative' where post_id = 'P1';
select is(test.refresh('g4'), 'ok', 'a corrected post is republished');
select results_eq(
    $$select posts, scored_posts, avg_sentiment, positive_posts, neutral_posts, negative_posts
      from gold.mart_hashtag_sentiment_hourly where hashtag = 'spring'$$,
    $$values (2::bigint, 2::bigint, -0.2000::numeric, 0::bigint, 1::bigint, 1::bigint)$$,
    'the hashtag sentiment moves with the correction');

-- a post deleted from silver by hand leaves gold and the marts
delete from silver.post_observations where post_id = 'P2';
delete from silver.post_hashtags where post_id = 'P2';
delete from silver.posts where post_id = 'P2';
select is(test.refresh('g5'), 'ok', 'a deletion is published');
select results_eq(
    $$select (select count(*) from gold.dim_post where post_id = 'P2'),
             (select posts from gold.mart_hashtag_daily where hashtag = 'spring'),
             (select sum(likes_gained) from gold.mart_engagement_minute),
             (select sum(active_users) from gold.mart_daily_active_users)$$,
    $$values (0::bigint, 1::bigint, 3::numeric, 2::numeric)$$,
    'the deleted post no longer counts anywhere');
select is_empty($$select * from smelt.run_checks('c', 'error') where failing_rows > 0$$,
                'every error check passes');

select * from finish();
rollback;
