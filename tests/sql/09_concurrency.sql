-- A refresh running next to merges never loses a change: it cannot see a
-- merge that has not committed (and picks it up next time), and a merge that
-- marks a key the running refresh has claimed waits for it and leaves a
-- fresh mark. Two more sessions (dblink) play the refresher and a merger.
-- Runs without a wrapping transaction because commit order is the point.
\ir lib/helpers.sql
create extension if not exists dblink;
select plan(7);

select format('host=%s port=%s dbname=%s user=%s',
              split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'),
              current_database(), current_user) as conn \gset
select from dblink_connect('refresher', :'conn');
select from dblink_connect('merger', :'conn');

begin;
select from test.post('x', 'P1', '2026-05-01 10:00:30+00', 1, 0, 0, null, 10, '{#a}');
select from test.merge_live('m1', '{1}');
commit;
select is(test.refresh('g1'), 'ok', 'the first post is published');

-- a merge that has not committed is not seen, and not lost
select from dblink_exec('merger', 'begin');
select from dblink('merger', $$select test.post('x', 'P2', '2026-05-01 10:01:30+00', 2, 0, 0, null, 20, '{#b}')::text$$) as t (r text);
select from dblink('merger', $$select test.merge_live('m2', '{2}')::text$$) as t (r text);
select is(test.refresh('g2'), 'ok', 'a refresh next to an open merge publishes');
select is((select count(*) from gold.dim_post where post_id = 'P2'), 0::bigint, 'without the uncommitted post');
select from dblink_exec('merger', 'commit');
select from test.refresh('g3');
select is((select count(*) from gold.dim_post where post_id = 'P2'), 1::bigint, 'which the next refresh publishes');

-- a merge that marks a key while a refresh holds its claim waits, and its mark survives
begin;
select from test.post('x', 'P1', '2026-05-01 10:02:30+00', 5, 0, 0, null, 50, '{#a}');
select from test.merge_live('m4', '{4}');
commit;
select from dblink_exec('refresher', 'begin');
select from dblink('refresher', $$select test.refresh('r5')$$) as t (r text);
select from dblink_send_query('merger', $$
    begin;
    select test.post('x', 'P1', '2026-05-01 10:03:30+00', 9, 0, 0, null, 90, '{#a}');
    select test.merge_live('m6', '{6}');
    commit;$$);
select pg_sleep(0.5);
select is(dblink_is_busy('merger'), 1, 'the merge waits for the refresh holding the claim');
select from dblink_exec('refresher', 'commit');
select from dblink_get_result('merger') as t (r text);
select from dblink_get_result('merger') as t (r text);
select is((select count(*) from smelt.dirty_posts where post_id = 'P1'), 1::bigint,
          'its dirty mark is there once the refresh committed');
select from test.refresh('g7');
select is((select likes from gold.fct_posts as f join gold.dim_post as d using (post_key) where d.post_id = 'P1'),
          9::bigint, 'and the next refresh publishes its change');

select from dblink_disconnect('refresher');
select from dblink_disconnect('merger');
select * from finish();
