-- smelt.ensure_time_partitions(parent, from, to) -> partitions created
-- Creates the monthly (UTC) range partitions of a silver or gold table that
-- cover [from, to], named <table>_YYYY_MM, skipping those that exist. Rows
-- that already sit in the table's default partition for a new month are moved
-- into it. Months outside 2000-2099 stay in the default partition. Safe to
-- run concurrently and repeatedly; called by merge_decoded and refresh_gold
-- for the months they write, and ahead of time by
-- smelt.ensure_model_partitions.
-- Creating and attaching a partition takes ownership of the parent, which
-- smelt_refresh does not have: the function runs as its owner (SECURITY
-- DEFINER, with a fixed search_path), accepts only partitioned tables of
-- silver and gold, and only smelt_refresh may execute it. Partitions get
-- their rights from the default privileges of their schema
-- (migrations/V0120__pipeline_roles.sql).
create or replace function smelt.ensure_time_partitions(
    p_parent regclass, p_from timestamptz, p_to timestamptz)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_schema  text;
    v_table   text;
    v_column  text;
    v_month   timestamp;
    v_last    timestamp;
    v_lower   timestamptz;
    v_upper   timestamptz;
    v_name    text;
    v_default text;
    v_spill   boolean;
    v_created integer := 0;
begin
    if p_from is null or p_to is null then
        return 0;
    end if;
    select n.nspname, c.relname, substring(pg_get_partkeydef(c.oid) from '\((\w+)\)')
      into v_schema, v_table, v_column
      from pg_class as c
      join pg_namespace as n on n.oid = c.relnamespace
     where c.oid = p_parent;
    if v_schema is null or v_schema not in ('silver', 'gold')
       or (select c.relkind from pg_class as c where c.oid = p_parent) <> 'p' then
        raise exception '% is not a partitioned table of silver or gold', p_parent
            using errcode = 'invalid_parameter_value';
    end if;
    v_default := v_table || '_default';
    v_month := date_trunc('month', greatest(p_from, '2000-01-01 00:00+00') at time zone 'UTC');
    v_last := least(p_to, '2099-12-31 23:59:59+00') at time zone 'UTC';
    while v_month <= v_last loop
        v_name := v_table || '_' || to_char(v_month, 'YYYY_MM');
        if to_regclass(format('%I.%I', v_schema, v_name)) is null then
            perform pg_advisory_xact_lock(hashtext('smelt.ensure_time_partitions'),
                                          hashtext(v_schema || '.' || v_table));
        end if;
        -- Look again in pg_class itself, with this statement's snapshot: a
        -- partition another transaction created while we waited for the lock
        -- is committed now, but to_regclass reads the catalog cache, which an
        -- advisory lock does not refresh.
        if not exists (select from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
                        where n.nspname = v_schema and c.relname = v_name) then
            v_lower := v_month at time zone 'UTC';
            v_upper := (v_month + interval '1 month') at time zone 'UTC';
            execute format('select exists (select 1 from %I.%I where %I >= $1 and %I < $2)',
                           v_schema, v_default, v_column, v_column)
               into v_spill using v_lower, v_upper;
            if v_spill then
                execute format('create table %I.%I (like %I.%I including all)',
                               v_schema, v_name, v_schema, v_table);
                execute format('with moved as (delete from %I.%I where %I >= $1 and %I < $2 returning *) '
                               'insert into %I.%I select * from moved',
                               v_schema, v_default, v_column, v_column, v_schema, v_name)
                   using v_lower, v_upper;
                execute format('alter table %I.%I attach partition %I.%I for values from (%L) to (%L)',
                               v_schema, v_table, v_schema, v_name, v_lower, v_upper);
            else
                execute format('create table %I.%I partition of %I.%I for values from (%L) to (%L)',
                               v_schema, v_name, v_schema, v_table, v_lower, v_upper);
            end if;
            v_created := v_created + 1;
        end if;
        v_month := v_month + interval '1 month';
    end loop;
    return v_created;
end;
$$;

revoke execute on function smelt.ensure_time_partitions(regclass, timestamptz, timestamptz) from public;
grant execute on function smelt.ensure_time_partitions(regclass, timestamptz, timestamptz) to smelt_refresh;
