-- smelt.drop_time_partition(partition) -> void
-- Drops one monthly partition of a partitioned silver or gold table (never
-- a default partition, never anything else). Used by smelt.apply_retention.
-- Dropping a table takes its ownership, which smelt_refresh does not have:
-- the function runs as its owner (SECURITY DEFINER, with a fixed
-- search_path), checks what it is given, and only smelt_refresh may execute
-- it.
create or replace function smelt.drop_time_partition(p_partition regclass)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_schema text;
    v_bound  text;
    v_parent regclass;
begin
    select n.nspname, pg_get_expr(c.relpartbound, c.oid), i.inhparent::regclass
      into v_schema, v_bound, v_parent
      from pg_class as c
      join pg_namespace as n on n.oid = c.relnamespace
      join pg_inherits as i on i.inhrelid = c.oid
     where c.oid = p_partition and c.relispartition;
    if v_parent is null or v_schema not in ('silver', 'gold') or v_bound = 'DEFAULT' then
        raise exception '% is not a monthly partition of a silver or gold table', p_partition
            using errcode = 'invalid_parameter_value';
    end if;
    execute format('drop table %s', p_partition);
end;
$$;

revoke execute on function smelt.drop_time_partition(regclass) from public;
grant execute on function smelt.drop_time_partition(regclass) to smelt_refresh;
