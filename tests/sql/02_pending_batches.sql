-- smelt.pending_batches: an ingest batch that takes a smaller id but commits
-- after a larger one is still picked up; an aborted batch never blocks the
-- low-water mark; merged batches are never offered again. A second session
-- (dblink) plays the slow ingest worker. Runs without a wrapping
-- transaction because commit order is the point.
\ir lib/helpers.sql
create extension if not exists dblink;
select plan(10);

create temp table slow_worker (batch_id bigint, xid xid8);

select from dblink_connect('slow', format('host=%s port=%s dbname=%s user=%s',
    split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'),
    current_database(), current_user));
select from dblink_exec('slow', 'begin');
insert into slow_worker
select * from dblink('slow', $$select smelt.begin_ingest_batch('g', 'slow', 0, 0), pg_current_xact_id()$$)
    as t (batch_id bigint, xid xid8);

-- a faster worker commits a batch with a larger id
select smelt.begin_ingest_batch('g', 'fast', 0, 0) as fast_batch \gset

select results_eq('select smelt.pending_batches(10)', array[:fast_batch::bigint],
                  'only the committed batch is pending while the other is still open');

begin;
select from smelt.create_decode_staging();
call smelt.merge_decoded('r1', array[:fast_batch::bigint]);
commit;

select is_empty('select smelt.pending_batches(10)', 'a merged batch is no longer pending');
select ok((select low_xid from smelt.refresh_state) <= (select xid from slow_worker),
          'the low-water mark stays at or below the open ingest transaction');

select from dblink_exec('slow', 'commit');

select results_eq('select smelt.pending_batches(10)', array[(select batch_id from slow_worker)],
                  'the batch with the smaller id that committed later is picked up');
select ok((select batch_id from slow_worker) < :fast_batch, 'it does have the smaller id');

begin;
select from smelt.create_decode_staging();
select array_agg(b) as late from smelt.pending_batches(10) as b \gset
call smelt.merge_decoded('r2', :'late');
commit;
select is_empty('select smelt.pending_batches(10)', 'nothing is pending once both are merged');

-- an aborted ingest transaction leaves a gap that never holds anything back
select from dblink_exec('slow', 'begin');
select * from dblink('slow', $$select smelt.begin_ingest_batch('g', 'slow', 0, 0)$$) as t (batch_id bigint) \g /dev/null
select from dblink_exec('slow', 'rollback');
select smelt.begin_ingest_batch('g', 'fast', 0, 0) as third_batch \gset
begin;
select from smelt.create_decode_staging();
call smelt.merge_decoded('r3', array[:third_batch::bigint]);
commit;
select is_empty('select smelt.pending_batches(10)', 'an aborted batch is never pending');
-- The mark stops at the oldest transaction still running anywhere in the
-- cluster (its batch could be invisible yet), so it can only be checked to
-- pass the merged batches when no other transaction holds an xid.
select ok((select low_xid from smelt.refresh_state) > (select committed_xid from smelt.ingest_batches
                                                       where batch_id = :third_batch)
          or exists (select 1 from pg_stat_activity
                      where backend_xid is not null and pid <> pg_backend_pid()),
          'the low-water mark moves past every merged batch');

select results_eq(
    'select batch_id, run_id from smelt.refreshed_batches order by batch_id',
    format('values (%s::bigint, %L::text), (%s, %L), (%s, %L)',
           (select batch_id from slow_worker), 'r2', :fast_batch, 'r1', :third_batch, 'r3'),
    'each merged batch is recorded with the run that merged it');

select ok((select count(*) from smelt.ingest_batches as b
            where b.committed_xid >= (select low_xid from smelt.refresh_state)) = 0
          or exists (select 1 from pg_stat_activity
                      where backend_xid is not null and pid <> pg_backend_pid()),
          'the pending scan starts above all merged history');

select from dblink_disconnect('slow');
select * from finish();
