-- smelt_bi, the role BI tools use, can read gold (tables and views, also
-- those created later) and nothing else: no bronze, silver or smelt, no writes.
begin;
select plan(12);

select ok(exists (select 1 from pg_roles where rolname = 'smelt_bi' and not rolcanlogin), 'smelt_bi exists and cannot log in');
select ok(has_schema_privilege('smelt_bi', 'gold', 'usage'), 'it can use schema gold');
select ok(not has_schema_privilege('smelt_bi', 'bronze', 'usage')
          and not has_schema_privilege('smelt_bi', 'silver', 'usage')
          and not has_schema_privilege('smelt_bi', 'smelt', 'usage'),
          'it cannot use bronze, silver or smelt');
select is_empty(
    $$select c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname = 'gold' and c.relkind in ('r', 'p', 'v') and not c.relispartition
        and not has_table_privilege('smelt_bi', c.oid, 'select')$$,
    'it can select every gold table and view');
select is_empty(
    $$select c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname = 'gold' and c.relkind in ('r', 'p', 'v')
        and (has_table_privilege('smelt_bi', c.oid, 'insert') or has_table_privilege('smelt_bi', c.oid, 'update')
             or has_table_privilege('smelt_bi', c.oid, 'delete') or has_table_privilege('smelt_bi', c.oid, 'truncate'))$$,
    'it cannot write to gold');
select is_empty(
    $$select n.nspname, c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname in ('bronze', 'silver', 'smelt') and c.relkind in ('r', 'p', 'v', 'm')
        and has_table_privilege('smelt_bi', c.oid, 'select')$$,
    'it has no select grant outside gold');

set local role smelt_bi;
select lives_ok('select * from gold.mart_hourly_activity', 'as smelt_bi a mart can be read');
select lives_ok('select * from gold.mart_trending_hashtags_7d', 'as smelt_bi the trending view can be read');
select lives_ok('select * from gold.mart_likes_last_5_minutes', 'as smelt_bi the last-5-minutes view can be read');
select throws_ok('select * from silver.posts', '42501', null, 'as smelt_bi silver cannot be read');
select throws_ok('select * from bronze.events', '42501', null, 'as smelt_bi bronze cannot be read');
reset role;

create table gold.added_later (x integer);
select ok(has_table_privilege('smelt_bi', 'gold.added_later', 'select'), 'a gold table added later is readable too');

select * from finish();
rollback;
