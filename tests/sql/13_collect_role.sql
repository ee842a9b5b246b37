-- smelt_collect, the role smelt collect can run as, reads the campaigns and
-- keeps its own state; it cannot read or write anything else.
begin;
select plan(7);

select ok(exists (select 1 from pg_roles where rolname = 'smelt_collect' and not rolcanlogin),
          'smelt_collect exists and cannot log in');
select ok(has_table_privilege('smelt_collect', 'smelt.campaigns', 'select')
          and not has_table_privilege('smelt_collect', 'smelt.campaigns', 'insert')
          and not has_table_privilege('smelt_collect', 'smelt.campaigns', 'update'),
          'it reads the campaigns and cannot change them');
select ok(has_table_privilege('smelt_collect', 'smelt.collect_cursors', 'select, insert, update')
          and has_table_privilege('smelt_collect', 'smelt.collect_tracked_posts', 'select, insert, update')
          and has_table_privilege('smelt_collect', 'smelt.collect_quota', 'select, insert, update')
          and has_table_privilege('smelt_collect', 'smelt.collect_bad_pages', 'insert')
          and has_table_privilege('smelt_collect', 'smelt.collect_partial_errors', 'insert'),
          'it keeps its own state');
select is_empty(
    $$select n.nspname, c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname in ('bronze', 'silver', 'gold') and c.relkind in ('r', 'p', 'v', 'm')
        and has_table_privilege('smelt_collect', c.oid, 'select')$$,
    'it cannot read bronze, silver or gold');
select is_empty(
    $$select c.relname from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
      where n.nspname = 'smelt' and c.relkind in ('r', 'p') and c.relname not like 'collect\_%'
        and (has_table_privilege('smelt_collect', c.oid, 'insert') or has_table_privilege('smelt_collect', c.oid, 'update')
             or has_table_privilege('smelt_collect', c.oid, 'delete'))$$,
    'it writes no smelt table but its own');

set local role smelt_collect;
select lives_ok($$select pg_try_advisory_lock(hashtext('smelt.collect.x'), 1)$$, 'as smelt_collect it takes its advisory locks');
select throws_ok('select * from bronze.events', '42501', null, 'as smelt_collect bronze cannot be read');
reset role;

select * from finish();
