-- Retention: silver and gold older than the configured days go, whole
-- partitions at a time; bronze is untouched; a gold window that still needs
-- data (the 7-day trending window and the 7 days before it, counted back
-- from complete_through) keeps it; too short a retention is refused.
begin;
\ir lib/helpers.sql
select plan(11);

-- an old post (500 days ago) and a recent one (yesterday), merged live
select from test.post('x', 'OLD', now() - interval '500 days', 5, 1, 0, null, 50, '{#old}');
select from test.post('x', 'NEW', now() - interval '1 day', 7, 0, 1, null, 70, '{#new}');
select from test.merge_live('m1', '{1}');
select is(test.refresh('g1'), 'ok', 'both posts are published');

select smelt.utc_day(now() - interval '500 days') as old_day \gset
select (date_trunc('month', (now() - interval '400 days') at time zone 'UTC') at time zone 'UTC') as cutoff \gset

-- while complete_through is older than the data, retention keeps it
update gold.mart_freshness set complete_through = now() - interval '520 days' where mart = 'mart_hashtag_daily';
select is(smelt.apply_retention(400), 0, 'nothing is dropped that a gold window still needs');
select is((select count(*) from gold.mart_hashtag_daily where hashtag = 'old'), 1::bigint, 'the old mart rows stay');

-- once complete_through is current, data older than 400 days goes by partition
select from test.refresh('g2');
update gold.mart_freshness set complete_through = now() - interval '1 day';
select is(smelt.apply_retention(400), 2,
          'the old month of post observations and engagement minutes is dropped by partition');
select is((select retention_cutoff from smelt.refresh_state), :'cutoff'::timestamptz,
          'the cutoff is the start of the month 400 days back');
select results_eq($$select post_id from silver.posts order by 1$$, $$values ('NEW'::text)$$,
                  'old posts leave silver');
select results_eq($$select post_id from gold.dim_post order by 1$$, $$values ('NEW'::text)$$,
                  'and gold');
select is_empty(format($$select * from gold.mart_hashtag_daily where day < %L$$, :'cutoff'::date),
                'mart rows before the cutoff are deleted');
select is((select posts from gold.mart_hashtag_daily where hashtag = 'new'), 1::bigint, 'recent mart rows stay');
select is_empty('select * from smelt.dirty_posts', 'retention leaves no dirty marks');

select throws_ok('select smelt.apply_retention(10)', '22023', null,
                 'a retention shorter than the gold windows is refused');

select * from finish();
rollback;
