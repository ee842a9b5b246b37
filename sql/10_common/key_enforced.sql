-- smelt.key_enforced(table_name, key_columns) -> boolean
-- True when the table has a valid, non-partial unique index on exactly the
-- key columns (in any order) and all of them are NOT NULL, so duplicates and
-- NULL keys cannot exist there. Used by the *_keys_enforced checks.
create or replace function smelt.key_enforced(p_table_name text, p_key_columns text[])
returns boolean
language sql
stable
as $$
    with unique_keys as (
        select
            array(select a.attname::text
                    from unnest(i.indkey) as k (attnum)
                    join pg_attribute as a on a.attrelid = i.indrelid and a.attnum = k.attnum
                   order by 1) as key_columns,
            (select bool_and(a.attnotnull)
               from unnest(i.indkey) as k (attnum)
               join pg_attribute as a on a.attrelid = i.indrelid and a.attnum = k.attnum) as not_null
        from pg_index as i
        where i.indrelid = to_regclass(p_table_name)
          and i.indisunique and i.indisvalid and i.indpred is null
    )

    select exists (
        select 1
        from unique_keys as u
        where u.key_columns = array(select c from unnest(p_key_columns) as c order by 1)
          and u.not_null)
$$;
