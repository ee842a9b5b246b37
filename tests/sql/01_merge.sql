-- Silver merge: duplicates collapse, the newest observed_at wins whatever the
-- arrival order, late observations correct the gains after them, counter
-- regressions are recorded, missing counters are carried, re-merging changes
-- nothing, hashtags and mentions explode without duplicates, comments and
-- profiles merge newest-wins, profile history keeps changes only.
begin;
\ir lib/helpers.sql
select plan(22);

-- batch 1: an observation, its exact duplicate (another Kafka offset), a later one
select from test.post('x', 'p1', '2026-01-05 10:00:30+00', 1, 0, 0, null, 100,
                 '{#Café,#CAFÉ,#news}', 'first text', p_kafka_offset => 1);
select from test.post('x', 'p1', '2026-01-05 10:00:30+00', 1, 0, 0, null, 100,
                 '{#Café,#CAFÉ,#news}', 'first text', p_kafka_offset => 2);
select from test.post('x', 'p1', '2026-01-05 10:02:10+00', 5, 1, null, null, 300,
                 '{#Café,#CAFÉ,#news}', 'first text', p_kafka_offset => 3, p_mentions => '{@Bob,bob}');
select from test.merge('m1');

select is((select count(*) from silver.post_observations), 2::bigint,
          'an exact duplicate observation collapses');
select is((select count(*) from silver.post_hashtags where post_id = 'p1'), 2::bigint,
          'a hashtag written twice in two spellings counts once');
select is((select display_hashtag from silver.post_hashtags where post_id = 'p1' and hashtag = 'café'), 'Café',
          'the exploded hashtag keeps the spelling of its first occurrence');
select is((select count(*) from silver.post_mentions where post_id = 'p1'), 1::bigint,
          'mentions are exploded once per account, without @');

-- batch 2: a late observation between the two, and a newer one whose likes went down
select from test.post('x', 'p1', '2026-01-05 10:01:10+00', 3, 0, 2, null, 200,
                 '{#Café,#news}', 'first text', p_kafka_offset => 4);
select from test.post('x', 'p1', '2026-01-05 10:03:10+00', 4, 1, null, null, 400,
                 '{#news}', 'edited text', p_kafka_offset => 5);
select from test.merge('m2');

select results_eq(
    $$select observed_at, likes_carried, likes_gained, comments_carried, comments_gained,
             impressions_gained, previous_observed_at
      from silver.post_observations where post_id = 'p1' order by observed_at$$,
    $$values ('2026-01-05 10:00:30+00'::timestamptz, 1::bigint, 1::bigint, 0::bigint, 0::bigint, 100::bigint, null::timestamptz),
             ('2026-01-05 10:01:10+00', 3, 2, 2, 2, 100, '2026-01-05 10:00:30+00'),
             ('2026-01-05 10:02:10+00', 5, 2, 2, 0, 100, '2026-01-05 10:01:10+00'),
             ('2026-01-05 10:03:10+00', 4, -1, 2, 0, 100, '2026-01-05 10:02:10+00')$$,
    'a late observation is slotted in and the gains after it are corrected; a missing counter is carried');

select results_eq(
    $$select likes, shares, comments, impressions, text, first_seen_at, last_observed_at
      from silver.posts where post_id = 'p1'$$,
    $$values (4::bigint, 1::bigint, 2::bigint, 400::bigint, 'edited text'::text,
              '2026-01-05 10:00:30+00'::timestamptz, '2026-01-05 10:03:10+00'::timestamptz)$$,
    'the newest observation wins for counters and content; first_seen_at is the earliest');

select results_eq(
    $$select counter, previous_value, value, change from silver.counter_regressions where post_id = 'p1'$$,
    $$values ('likes'::text, 5::bigint, 4::bigint, -1::bigint)$$,
    'a counter that goes backwards is recorded, not hidden');

select is((select count(*) from silver.post_hashtags where post_id = 'p1'), 1::bigint,
          'hashtags follow the newest content');

-- an older observation arriving last changes neither content nor current counters
select from test.post('x', 'p1', '2026-01-05 10:01:50+00', 4, 1, 2, null, 350,
                 '{#old}', 'old text', p_kafka_offset => 6);
select from test.merge('m3');
select results_eq(
    $$select likes, text from silver.posts where post_id = 'p1'$$,
    $$values (4::bigint, 'edited text'::text)$$,
    'an older observation arriving late does not override newer content or counters');
select results_eq(
    $$select likes_gained from silver.post_observations where post_id = 'p1' order by observed_at$$,
    $$values (1::bigint), (2::bigint), (1::bigint), (1::bigint), (-1::bigint)$$,
    'the late observation splits the gain of the one after it');

-- the same observed_at with other counters: the copy later in Kafka wins, an earlier one does not
select from test.post('x', 'p1', '2026-01-05 10:03:10+00', 9, 1, null, null, 400,
                 '{#news}', 'edited text', p_kafka_offset => 4);
select from test.merge('m4');
select is((select likes from silver.posts where post_id = 'p1'), 4::bigint,
          'a conflicting copy earlier in Kafka loses');
select from test.post('x', 'p1', '2026-01-05 10:03:10+00', 6, 1, null, null, 400,
                 '{#news}', 'edited text', p_kafka_offset => 9);
select from test.merge('m5');
select is((select likes from silver.posts where post_id = 'p1'), 6::bigint,
          'a conflicting copy later in Kafka wins');
select is((select likes_gained from silver.post_observations
            where post_id = 'p1' and observed_at = '2026-01-05 10:03:10+00'), 1::bigint,
          'and its gain is recomputed');

-- re-merging rows already merged changes nothing and marks nothing dirty
delete from smelt.dirty_posts;
select from test.post('x', 'p1', '2026-01-05 10:00:30+00', 1, 0, 0, null, 100,
                 '{#Café,#CAFÉ,#news}', 'first text', p_kafka_offset => 1);
select from test.post('x', 'p1', '2026-01-05 10:03:10+00', 6, 1, null, null, 400,
                 '{#news}', 'edited text', p_kafka_offset => 9);
select from test.merge('m6');
select is((select count(*) from smelt.dirty_posts), 0::bigint, 're-merging known rows marks nothing');
select is((select count(*) from silver.post_observations where post_id = 'p1'), 5::bigint,
          're-merging known rows adds nothing');

-- comments: newest observation wins whatever the arrival order
select from test.comment('x', 'c1', 'p1', 'u2', '2026-01-05 10:05:00+00', '2026-01-05 10:07:00+00', p_language => 'fr');
select from test.merge('m7');
select from test.comment('x', 'c1', 'p1', 'u2', '2026-01-05 10:05:00+00', '2026-01-05 10:06:00+00', p_language => 'de');
select from test.merge('m8');
select results_eq(
    $$select language, first_seen_at, last_observed_at from silver.comments where comment_id = 'c1'$$,
    $$values ('fr'::text, '2026-01-05 10:06:00+00'::timestamptz, '2026-01-05 10:07:00+00'::timestamptz)$$,
    'a comment keeps its newest observation; first_seen_at is the earliest');
-- three observations of one comment in one merge, the earliest staged last
select from test.comment('x', 'c2', 'p1', 'u2', '2026-01-05 10:05:00+00', '2026-01-05 10:09:00+00', p_language => 'es');
select from test.comment('x', 'c2', 'p1', 'u2', '2026-01-05 10:05:00+00', '2026-01-05 10:11:00+00', p_language => 'pt');
select from test.comment('x', 'c2', 'p1', 'u2', '2026-01-05 10:05:00+00', '2026-01-05 10:08:00+00', p_language => 'it');
select from test.merge('m8b');
select results_eq(
    $$select language, first_seen_at, last_observed_at from silver.comments where comment_id = 'c2'$$,
    $$values ('pt'::text, '2026-01-05 10:08:00+00'::timestamptz, '2026-01-05 10:11:00+00'::timestamptz)$$,
    'of one merge''s observations of a comment the newest wins; first_seen_at is the earliest of them');

-- profiles: latest wins; history keeps only changes
select from test.profile('x', 'u1', '2026-01-05 10:00:00+00', 100);
select from test.profile('x', 'u1', '2026-01-05 10:10:00+00', 100);
select from test.profile('x', 'u1', '2026-01-05 10:20:00+00', 150);
select from test.merge('m9');
select from test.profile('x', 'u1', '2026-01-05 10:15:00+00', 120);
select from test.merge('m10');
select results_eq(
    $$select followers, first_seen_at, last_observed_at from silver.users where user_id = 'u1'$$,
    $$values (150::bigint, '2026-01-05 10:00:00+00'::timestamptz, '2026-01-05 10:20:00+00'::timestamptz)$$,
    'the newest profile wins whatever the arrival order; first_seen_at is the earliest');
select results_eq(
    $$select observed_at, followers from silver.user_history where user_id = 'u1' order by observed_at$$,
    $$values ('2026-01-05 10:00:00+00'::timestamptz, 100::bigint),
             ('2026-01-05 10:15:00+00', 120),
             ('2026-01-05 10:20:00+00', 150)$$,
    'profile history keeps the observations that changed the profile');

-- rows without a key are skipped, and said so
select from test.post('x', null, '2026-01-05 10:00:00+00', 1);
select from test.merge('m11');
select is((select error from smelt.refresh_runs where run_id = 'm11' and model = 'silver.posts'),
          'skipped 1 staged posts without source, post_id, created_at or observed_at',
          'staged rows without a key are skipped and reported');
select is((select count(*) from pg_temp.stg_posts), 0::bigint, 'the merge consumes the staging rows');

-- every step of a merge is recorded
select set_eq(
    $$select model from smelt.refresh_runs where run_id = 'm1'$$,
    array['silver.post_observations', 'silver.posts', 'silver.post_hashtags', 'silver.campaign_posts',
          'silver.comments', 'smelt.dirty_marks', 'silver.users', 'smelt.dirty_users'],
    'each merge step is recorded in smelt.refresh_runs');

select * from finish();
rollback;
