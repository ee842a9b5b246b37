-- A refresh running next to merges never loses a change: it cannot see a
-- merge that has not committed (and picks it up next time); a merge that
-- marks a key the running refresh has claimed does not wait for it, and its
-- mark outlives the refresh; a merge that marks a key the refresh has
-- already released waits only for its commit and leaves a fresh mark. Two
-- more sessions (dblink) play the refresher and a merger.
-- Runs without a wrapping transaction because commit order is the point.
\ir lib/helpers.sql
create extension if not exists dblink;
select plan(22);

select format('host=%s port=%s dbname=%s user=%s',
              split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'),
              current_database(), current_user) as conn \gset
select from dblink_connect('refresher', :'conn');
select from dblink_connect('merger', :'conn');
select from dblink_connect('merger2', :'conn');
select from dblink_connect('locker', :'conn');

-- Starts a refresh on the refresher connection and returns once it waits at
-- its last step, on a lock the given connection takes first and holds until
-- it rolls back: after the claim and every fact, before the release.
create function pg_temp.hold_refresh(p_locker text, p_run_id text)
returns void
language plpgsql
as $$
declare
    v_pid integer;
begin
    perform dblink_exec(p_locker, 'begin');
    perform dblink_exec(p_locker, 'lock table gold.mart_volume_by_language_daily in access exclusive mode');
    select r::integer into v_pid from dblink('refresher', 'select pg_backend_pid()::text') as t (r text);
    perform dblink_send_query('refresher', format('select test.refresh(%L)', p_run_id));
    for i in 1 .. 1200 loop
        exit when exists (select from pg_stat_activity where pid = v_pid and wait_event_type = 'Lock');
        perform pg_sleep(0.05);
    end loop;
end;
$$;

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

-- a merge that marks a key the refresh released, before the refresh commits,
-- waits for that commit, and its mark survives
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
select is(dblink_is_busy('merger'), 1, 'the merge waits for the commit of a refresh that released its key');
select from dblink_exec('refresher', 'commit');
select from dblink_get_result('merger') as t (r text);
select from dblink_get_result('merger') as t (r text);
select is((select count(*) from smelt.dirty_posts where post_id = 'P1'), 1::bigint,
          'its dirty mark is there once the refresh committed');
select from test.refresh('g7');
select is((select likes from gold.fct_posts as f join gold.dim_post as d using (post_key) where d.post_id = 'P1'),
          9::bigint, 'and the next refresh publishes its change');

-- a merge that marks a key while a refresh has it claimed does not wait, and
-- the refresh releases only the marks nobody wrote again since its claim
begin;
select from test.post('x', 'P1', '2026-05-01 10:04:30+00', 11, 0, 0, null, 110, '{#a}');
select from test.post('x', 'P2', '2026-05-01 10:04:30+00', 12, 0, 0, null, 120, '{#b}');
select from test.merge_live('m8', '{8}');
commit;
-- hold the refresh at its last step, after its claim and P1's minutes
select from pg_temp.hold_refresh('locker', 'r9');
-- were the merge to wait for the refresh, its statement timeout would end it
select from dblink_exec('merger2', $$set statement_timeout = '20s'$$);
select lives_ok($$select dblink_exec('merger2', $m$
    begin;
    select test.post('x', 'P1', '2026-05-01 10:05:30+00', 13, 0, 0, null, 130, '{#a}');
    select test.merge_live('m9', '{9}');
    commit;$m$)$$, 'a merge marks a claimed key without waiting for the refresh');
select from dblink_exec('locker', 'rollback');
select is((select r from dblink_get_result('refresher') as t (r text)), 'ok', 'the refresh publishes');
select from dblink_get_result('refresher') as t (r text);
select is((select rows from smelt.refresh_runs where run_id = 'r9' and model = 'gold.release'), 1::bigint,
          'and releases one mark');
select set_eq($$select post_id from smelt.dirty_posts$$, array['P1'],
              'the mark the merge wrote after the claim is kept');
-- the refresh rebuilt P1 from 10:04:30 on; the next one rebuilds it from the
-- merge's own change, and checks it from 10:04:30 (its mark moved, so the
-- refresh that rebuilt that range did not check it)
begin;
select from smelt.gold_claim();
select results_eq($$select from_at, check_from from pg_temp.gold_claimed_minutes where post_id = 'P1'$$,
                  $$values ('2026-05-01 10:05:30+00'::timestamptz, '2026-05-01 10:04:30+00'::timestamptz)$$,
                  'the kept mark is rebuilt from the merge''s change and checked from the first unchecked one');
rollback;
select is(test.refresh('g10'), 'ok', 'the next refresh publishes');
select is((select likes from gold.fct_posts as f join gold.dim_post as d using (post_key) where d.post_id = 'P1'),
          13::bigint, 'the merge''s change');

-- a merge that commits while a refresh reads silver leaves that refresh a
-- key half built; the check comparing gold with silver skips the key (its
-- mark moved) instead of blocking the publish, and the next refresh builds it
begin;
select from test.post('x', 'P1', '2026-05-01 10:06:30+00', 15, 0, 0, null, 150, '{#a}');
select from test.merge_live('m11', '{11}');
commit;
-- hold the refresh at its last step, after it built P1's engagement minutes
select from pg_temp.hold_refresh('merger2', 'g12');
begin;
select from test.post('x', 'P1', '2026-05-01 10:07:30+00', 17, 0, 0, null, 170, '{#a}');
select from test.merge_live('m13', '{13}');
commit;
select from dblink_exec('merger2', 'rollback');
select is((select r from dblink_get_result('refresher') as t (r text)), 'ok',
          'the refresh that read P1 while it moved publishes');
select from dblink_get_result('refresher') as t (r text);
select set_eq($$select post_id from smelt.dirty_posts$$, array['P1'], 'P1 stays marked');
select is(test.refresh('g14'), 'ok', 'the next refresh publishes');
select is((select likes from gold.fct_posts as f join gold.dim_post as d using (post_key) where d.post_id = 'P1'),
          17::bigint, 'P1 as silver has it');
select is((select sum(observations) from gold.fct_engagement_minute as f join gold.dim_post as d using (post_key)
            where d.post_id = 'P1'),
          (select count(*) from silver.post_observations where post_id = 'P1'), 'minute by minute');

-- a mark keeps one change per writing transaction, and stops tracking them
-- (NULL: rebuilt from minutes_from) past 32
select is(smelt.mark_changes_add(array[row('7', '2026-05-01 10:02:00+00')]::smelt.mark_change[],
                                 array[row('7', '2026-05-01 10:01:00+00')]::smelt.mark_change[]),
          array[row('7', '2026-05-01 10:01:00+00')]::smelt.mark_change[],
          'a transaction that marks a post twice keeps one change, the earlier');
select is(smelt.mark_changes_add((select array_agg(row(i::text::xid8, '2026-05-01 10:00:00+00')::smelt.mark_change)
                                  from generate_series(1, 32) as i),
                                 array[row('33', '2026-05-01 10:00:00+00')]::smelt.mark_change[]),
          null, 'the 33rd transaction stops the tracking');
select is(smelt.mark_changes_add(null, array[row('34', '2026-05-01 10:00:00+00')]::smelt.mark_change[]),
          null, 'which a later writer does not restart');

select from dblink_disconnect('refresher');
select from dblink_disconnect('merger');
select from dblink_disconnect('merger2');
select from dblink_disconnect('locker');
select * from finish();
