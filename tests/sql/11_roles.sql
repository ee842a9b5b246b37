-- The daemons' roles (migrations/V0120__pipeline_roles.sql): each can do its
-- job as itself and is refused everything else. smelt_ingest writes bronze,
-- rejects, offsets and batches; smelt_refresh reads bronze and writes silver,
-- gold and the refresher's state; smelt_serve reads gold and what /metrics
-- reads; smelt_bi reads gold. None can create roles, drop schemas or write
-- the migration history.
begin;
\ir lib/helpers.sql
-- the history table as smelt migrate up makes it (already there when it ran)
set local client_min_messages = warning;
\ir ../../sql/queries/migrate/create_history.sql
reset client_min_messages;
select plan(74);

\set pipeline_metrics `cat ../../sql/queries/monitor/pipeline.sql`
\set readiness `cat ../../sql/queries/api/readiness.sql`
\set bi_session `cat ../../sql/queries/api/bi_session.sql`

-- -- the roles themselves ------------------------------------------------------
select is_empty(
    $$select rolname from pg_roles
      where rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_bi')
        and (rolcanlogin or rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls)$$,
    'no pipeline role can log in, is a superuser, or can create roles or databases');
select is((select count(*)::integer from pg_roles
           where rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_bi')), 4,
          'all four roles exist');
select is_empty(
    $$select c.oid::regclass from pg_class as c join pg_roles as r on r.oid = c.relowner
      where r.rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_bi')$$,
    'no pipeline role owns a table');
select is_empty(
    $$select r.rolname, n.nspname from pg_roles as r cross join pg_namespace as n
      where r.rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_bi')
        and n.nspname in ('bronze', 'silver', 'gold', 'smelt', 'public')
        and has_schema_privilege(r.oid, n.oid, 'create')$$,
    'no pipeline role can create objects in any schema');
select is_empty(
    $$select r.rolname from pg_roles as r
      where r.rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_bi')
        and has_table_privilege(r.oid, to_regclass('smelt.schema_history'), 'select,insert,update,delete,truncate')$$,
    'no pipeline role can read or write the migration history');
select ok(pg_has_role('smelt_serve', 'smelt_bi', 'member') and not pg_has_role('smelt_bi', 'smelt_serve', 'member'),
          'smelt_serve is a member of smelt_bi, not the other way round');
select ok(not pg_has_role('smelt_ingest', 'smelt_refresh', 'member')
          and not pg_has_role('smelt_refresh', 'smelt_ingest', 'member')
          and not pg_has_role('smelt_serve', 'smelt_ingest', 'member')
          and not pg_has_role('smelt_serve', 'smelt_refresh', 'member'),
          'ingest, refresh and serve are not members of each other');

-- -- what each role may write, from the catalog ---------------------------------
create temp view role_writes as
select r.rolname, n.nspname || '.' || c.relname as relation
from pg_roles as r
cross join pg_class as c
join pg_namespace as n on n.oid = c.relnamespace
where r.rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_bi')
  and n.nspname in ('bronze', 'silver', 'gold', 'smelt')
  and c.relkind in ('r', 'p', 'v')
  and (has_table_privilege(r.oid, c.oid, 'insert') or has_table_privilege(r.oid, c.oid, 'update')
       or has_table_privilege(r.oid, c.oid, 'delete') or has_table_privilege(r.oid, c.oid, 'truncate'));
grant select on role_writes to public;

select is_empty(
    $$select relation from role_writes where rolname = 'smelt_ingest'
        and relation not like 'bronze.%' and relation not in ('smelt.ingest_offsets', 'smelt.ingest_batches')$$,
    'smelt_ingest can write only bronze, ingest offsets and batches');
select is_empty(
    $$select relation from role_writes where rolname = 'smelt_refresh'
        and (relation like 'bronze.%'
             or relation in ('smelt.ingest_offsets', 'smelt.ingest_batches', 'smelt.settings', 'smelt.checks'))$$,
    'smelt_refresh cannot write bronze, ingest offsets, batches, settings or the check catalog');
select is_empty($$select relation from role_writes where rolname in ('smelt_serve', 'smelt_bi')$$,
                'smelt_serve and smelt_bi cannot write anything');
select is_empty(
    $$select n.nspname || '.' || c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname in ('bronze', 'silver', 'gold', 'smelt') and c.relkind in ('r', 'p', 'v')
        and (has_table_privilege('smelt_ingest', c.oid, 'select') or has_table_privilege('smelt_ingest', c.oid, 'update'))
        and c.oid not in ('bronze.rejects'::regclass, 'smelt.ingest_offsets'::regclass, 'smelt.ingest_batches'::regclass)$$,
    'smelt_ingest reads nothing but rejects (for replay), its offsets and its batches');
select is_empty(
    $$select n.nspname || '.' || c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname = 'smelt' and c.relkind in ('r', 'p') and c.relname <> 'schema_history'
        and not exists (select 1 from pg_roles as r
                        where r.rolname in ('smelt_ingest', 'smelt_refresh', 'smelt_serve', 'smelt_collect')
                          and has_table_privilege(r.oid, c.oid, 'select,insert'))$$,
    'every state table in schema smelt is granted to the role that uses it');

-- -- smelt_ingest ----------------------------------------------------------------
set local role smelt_ingest;
select lives_ok($$select smelt.ensure_event_partitions('2026-11-22', 2)$$,
                'smelt_ingest creates the daily partitions of bronze.events');
select lives_ok($$insert into smelt.ingest_offsets (consumer_group, topic, kafka_partition, next_offset)
                  values ('g', 'events', 0, 0) on conflict do nothing$$, 'it stores a new offset');
select lives_ok($$select smelt.begin_ingest_batch('g', 'w1', 1, 1)$$, 'it opens a batch');
select lives_ok($$insert into bronze.events (ingested_at, topic, kafka_partition, kafka_offset, source, kind, observed_at, raw)
                  values ('2026-11-22 10:00+00', 'events', 0, 0, 'x', 'post', '2026-11-22 10:00+00', '{}')$$,
                'it writes bronze.events, into a partition it created');
select lives_ok($$insert into bronze.rejects (topic, kafka_partition, kafka_offset, raw, reason, detail)
                  values ('events', 0, 1, '\x00', 'nul_byte', 'test')$$, 'it writes bronze.rejects');
select lives_ok($$update smelt.ingest_offsets set next_offset = 2 where consumer_group = 'g' and next_offset = 0$$,
                'it moves its offset');
select lives_ok($$select reject_id from bronze.rejects for update skip locked$$, 'it selects rejects for replay');
select throws_ok($$select * from bronze.events$$, '42501', null, 'smelt_ingest cannot read bronze.events');
select throws_ok($$select * from smelt.campaigns$$, '42501', null, 'it cannot read the campaigns');
select throws_ok($$select * from silver.posts$$, '42501', null, 'it cannot read silver');
select throws_ok($$insert into silver.users (source, user_id) values ('x', '1')$$, '42501', null,
                 'it cannot write silver');
select throws_ok($$delete from gold.mart_engagement_minute$$, '42501', null, 'it cannot write gold');
select throws_ok($$update smelt.refresh_state set low_xid = '0'$$, '42501', null,
                 'it cannot touch the refresher''s state');
select throws_ok($$update bronze.rejects set raw = '\x01'$$, '42501', null, 'it cannot rewrite a reject''s bytes');
select throws_ok($$delete from bronze.events$$, '42501', null, 'it cannot delete bronze');
select throws_ok($$select smelt.ensure_time_partitions('silver.post_observations', now(), now())$$, '42501', null,
                 'it cannot create silver partitions');
select throws_ok($$select smelt.drop_time_partition('silver.post_observations_default')$$, '42501', null,
                 'it cannot drop partitions');
select throws_ok($$create table bronze.mine (x integer)$$, '42501', null, 'it cannot create tables in bronze');
select throws_ok($$drop schema gold cascade$$, '42501', null, 'it cannot drop a schema');
select throws_ok($$create role sneaky$$, '42501', null, 'it cannot create roles');
reset role;

select ok(has_table_privilege('smelt_ingest', 'bronze.events_20261123', 'insert')
          and has_table_privilege('smelt_refresh', 'bronze.events_20261123', 'select')
          and not has_table_privilege('smelt_ingest', 'bronze.events_20261123', 'select'),
          'a bronze partition created later carries the schema''s rights');

-- -- smelt_refresh ---------------------------------------------------------------
grant usage on schema test to smelt_refresh;
set local role smelt_refresh;
select lives_ok($$select * from bronze.events$$, 'smelt_refresh reads bronze.events');
select lives_ok($$select * from smelt.pending_batches(10)$$, 'it reads the pending batches');
select lives_ok($$select test.post('x', 'P1', '2026-11-22 10:00+00', 5, 1, 0, null, 50, '{#roles}')$$,
                'it stages decoded rows');
select lives_ok($$select test.merge('m1')$$, 'it merges into silver, creating the month''s partitions');
select lives_ok($$select test.refresh('g1')$$, 'it refreshes gold');
select lives_ok($$select * from smelt.run_checks('c1')$$, 'it runs the checks');
select lives_ok($$select smelt.ensure_model_partitions('2026-12-01', '2026-12-31')$$,
                'it creates the partitions of the next month ahead of time');
select lives_ok($$select smelt.apply_retention(400)$$, 'it applies retention');
select lives_ok($$select smelt.add_campaign('Roles', 'Brand', '{roles}', '{}', '2026-01-01', null)$$,
                'it adds a campaign');
select lives_ok($$select smelt.drop_time_partition('gold.fct_engagement_minute_2026_12')$$,
                'it drops a monthly partition');
select throws_ok($$select smelt.drop_time_partition('silver.post_observations_default')$$, '22023', null,
                 'but never a default partition');
select throws_ok($$select smelt.drop_time_partition('bronze.events_20261122')$$, '22023', null,
                 'nor a bronze partition');
select throws_ok($$select smelt.ensure_time_partitions('bronze.events', now(), now())$$, '22023', null,
                 'the partition function takes only silver and gold tables');
select throws_ok($$insert into bronze.events (topic, kafka_partition, kafka_offset, source, kind, observed_at, raw, batch_id)
                  values ('events', 0, 9, 'x', 'post', now(), '{}', 1)$$, '42501', null,
                 'smelt_refresh cannot write bronze.events');
select throws_ok($$delete from bronze.rejects$$, '42501', null, 'it cannot delete rejects');
select throws_ok($$update smelt.ingest_offsets set next_offset = 0$$, '42501', null, 'it cannot move ingest offsets');
select throws_ok($$insert into smelt.ingest_batches (consumer_group, worker, events, rejects) values ('g', 'w', 0, 0)$$,
                 '42501', null, 'it cannot invent ingest batches');
select lives_ok($$select smelt.ensure_event_partitions('2026-11-24', 1)$$,
                 'it creates bronze partitions ahead of time (the scheduler''s partition maintenance)');
select throws_ok($$drop table silver.post_observations_default$$, '42501', null, 'it cannot drop tables');
select throws_ok($$truncate gold.fct_posts$$, '42501', null, 'it cannot truncate (deletes are enough)');
select throws_ok($$drop schema bronze cascade$$, '42501', null, 'it cannot drop a schema');
select throws_ok($$create role sneaky$$, '42501', null, 'it cannot create roles');
select throws_ok($$insert into smelt.schema_history (version) values (1)$$, '42501', null,
                 'it cannot write the migration history');
reset role;

select ok(has_table_privilege('smelt_refresh', 'silver.post_observations_2026_11', 'select,insert,update,delete')
          and has_table_privilege('smelt_bi', 'gold.fct_engagement_minute_2026_11', 'select')
          and not has_table_privilege('smelt_bi', 'silver.post_observations_2026_11', 'select'),
          'silver and gold partitions created later carry their schema''s rights');

-- -- smelt_serve -----------------------------------------------------------------
set local role smelt_serve;
select lives_ok(:'pipeline_metrics', 'smelt_serve reads what /metrics shows');
select lives_ok(:'readiness', 'it reads what /readyz shows');
select lives_ok($$select o.next_offset from smelt.ingest_offsets as o$$, 'it reads ingest offsets for the lag gauge');
select lives_ok($$select * from gold.mart_hourly_activity$$, 'it reads gold');
select throws_ok($$select raw from bronze.rejects$$, '42501', null, 'smelt_serve cannot read a reject''s bytes');
select throws_ok($$select * from bronze.events$$, '42501', null, 'it cannot read bronze.events');
select throws_ok($$select * from silver.posts$$, '42501', null, 'it cannot read silver');
select throws_ok($$select * from smelt.campaigns$$, '42501', null, 'it cannot read the campaigns');
select throws_ok($$delete from gold.mart_hourly_activity$$, '42501', null, 'it cannot write gold');
select throws_ok($$update smelt.refresh_state set gold_watermark = null$$, '42501', null,
                 'it cannot write the refresher''s state');
select throws_ok($$create role sneaky$$, '42501', null, 'it cannot create roles');
prepare bi_session(text) as :bi_session
execute bi_session('5000') \g /dev/null
select is(current_user::text, 'smelt_bi', 'it takes on smelt_bi for the API, as sql/queries/api/bi_session.sql does');
reset role;
reset default_transaction_read_only;
reset statement_timeout;

-- -- smelt_bi ---------------------------------------------------------------------
set local role smelt_bi;
select lives_ok($$select * from gold.fct_posts$$, 'smelt_bi reads gold');
select throws_ok($$insert into gold.dim_platform (platform_key, platform, platform_name) values (9, 'm', 'M')$$, '42501', null,
                 'smelt_bi cannot write gold');
select throws_ok($$create table gold.mine (x integer)$$, '42501', null, 'it cannot create tables in gold');
select throws_ok($$select * from smelt.refresh_state$$, '42501', null, 'it cannot read the pipeline''s state');
select throws_ok($$drop schema gold cascade$$, '42501', null, 'it cannot drop a schema');
reset role;

select * from finish();
rollback;
