-- A post's hashtags in gold: gold.dim_post keeps them in the order the post
-- first uses each, gold.fct_posts sorted, both without repeats and without
-- a hashtag that normalizes to nothing ('#'), and gold.bridge_post_hashtag
-- holds one row per distinct hashtag. Posts with none, one, only an empty
-- one, an empty one and a real one, repeats in other case, and posts whose
-- hashtags change in a later observation.
begin;
\ir lib/helpers.sql
select plan(6);

-- each post's hashtags in dim_post (first-use order) and fct_posts (sorted)
create temp view post_hashtags as
select p.post_id, p.hashtags as in_order, f.hashtags as sorted
from gold.dim_post as p join gold.fct_posts as f using (post_key) order by p.post_id;
-- each post's hashtags in the bridge, sorted
create temp view bridged_hashtags as
select p.post_id, array_agg(h.hashtag order by h.hashtag) as hashtags
from gold.bridge_post_hashtag as b
join gold.dim_post as p using (post_key)
join gold.dim_hashtag as h using (hashtag_key)
group by p.post_id order by p.post_id;

select from test.post('x', 'H0', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{}');
select from test.post('x', 'H1', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#Solo}');
select from test.post('x', 'H2', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#}');
select from test.post('x', 'H3', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10,
                      '{#Zebra,#apple,#,#ZEBRA,#mango,#Apple}');
select from test.post('x', 'H4', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#b,#a}');
select from test.post('x', 'H5', '2026-01-05 10:00:30+00', 1, 0, 0, null, 10, '{#,#only}');
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1'), 'ok', 'the refresh publishes');

select results_eq(
    'select * from post_hashtags',
    $$values ('H0'::text, '{}'::text[], '{}'::text[]),
             ('H1', '{solo}', '{solo}'),
             ('H2', '{}', '{}'),
             ('H3', '{zebra,apple,mango}', '{apple,mango,zebra}'),
             ('H4', '{b,a}', '{a,b}'),
             ('H5', '{only}', '{only}')$$,
    'dim_post: distinct hashtags in first-use order; fct_posts: the same sorted; empty names left out');

select results_eq(
    'select * from bridged_hashtags',
    $$values ('H1'::text, '{solo}'::text[]), ('H3', '{apple,mango,zebra}'), ('H4', '{a,b}'), ('H5', '{only}')$$,
    'the bridge holds each distinct hashtag of a post once');

-- edited captions: H1 gains a repeat and a second hashtag, H3 loses all but
-- one, H4 repeats its hashtags in another order, H0 gets one
select from test.post('x', 'H0', '2026-01-05 10:01:30+00', 2, 0, 0, null, 20, '{#New}', p_batch_id => 2);
select from test.post('x', 'H1', '2026-01-05 10:01:30+00', 2, 0, 0, null, 20, '{#Solo,#two,#solo}', p_batch_id => 2);
select from test.post('x', 'H3', '2026-01-05 10:01:30+00', 2, 0, 0, null, 20, '{#Mango}', p_batch_id => 2);
select from test.post('x', 'H4', '2026-01-05 10:01:30+00', 2, 0, 0, null, 20, '{#a,#b,#A}', p_batch_id => 2);
select from test.merge_live('m2', '{2}');
select is(test.refresh('g2'), 'ok', 'the refresh after the edits publishes');

select results_eq(
    'select * from post_hashtags',
    $$values ('H0'::text, '{new}'::text[], '{new}'::text[]),
             ('H1', '{solo,two}', '{solo,two}'),
             ('H2', '{}', '{}'),
             ('H3', '{mango}', '{mango}'),
             ('H4', '{a,b}', '{a,b}'),
             ('H5', '{only}', '{only}')$$,
    'after the edits: the new hashtags, in first-use order and sorted');

select results_eq(
    'select * from bridged_hashtags',
    $$values ('H0'::text, '{new}'::text[]), ('H1', '{solo,two}'), ('H3', '{mango}'), ('H4', '{a,b}'),
             ('H5', '{only}')$$,
    'the bridge follows the edits');

select * from finish();
rollback;
