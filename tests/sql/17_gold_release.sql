-- smelt.gold_release under the statistics a churning mark table gets:
-- autovacuum analyzed smelt.dirty_posts just after a refresh emptied it, a
-- live row among many dead ones, and 30,000 posts were marked since, so the
-- planner takes the table for a row or two. The release must still lock
-- its marks once and delete or update them in one pass: with the locking
-- subquery on the inner side of a nested loop, run again per mark, this
-- took minutes (the bound below is 30 s; the release takes well under one).
begin;
\ir lib/helpers.sql
select plan(4);

insert into smelt.dirty_posts (source, post_id, changed)
select 'x', 'gone-' || i, 1 from generate_series(1, 100000) as i;
delete from smelt.dirty_posts where post_id <> 'gone-1';
analyze smelt.dirty_posts;
insert into smelt.dirty_posts (source, post_id, changed, minutes_from, changes)
select 'x', 'p' || i, 2, '2026-01-05 10:00:00+00', null from generate_series(1, 30000) as i;
select from smelt.gold_claim();
-- half of the posts marked again after the claim (a merge's newer version)
update smelt.dirty_posts set version = '1'::xid8 where post_id like 'p%' and right(post_id, 1) in ('0', '2', '4', '6', '8');

set local statement_timeout = '30s';
select lives_ok($$select smelt.gold_release()$$,
                'the release finishes under statistics that undercount the marks');
reset statement_timeout;

select is((select count(*) from smelt.dirty_posts where version <> '1'::xid8), 0::bigint,
          'every mark whose version the claim saw is deleted');
select is((select count(*) from smelt.dirty_posts), 15000::bigint,
          'every mark written again after the claim stays');
select is((select count(*) from smelt.dirty_posts
            where changes = array[row('1'::xid8, '2026-01-05 10:00:00+00'::timestamptz)::smelt.mark_change]),
          15000::bigint,
          'a mark written again without its changes gets one: its version, from its minutes_from');

select * from finish();
rollback;
