-- smelt.apply_mart_deltas(target, deltas, key, derived, replaced) -> mart rows changed
-- (deltas: the name of a session table, e.g. 'pg_temp.tmp_mart_hashtag_daily')
-- The one materialization of every incremental mart (sql/60_marts): moves
-- `target` by the signed deltas in the table `deltas` (a session table
-- holding the key columns and one column per measure, as the mart's
-- defining query computed them), then keeps it tidy. Columns are read from
-- the catalog, so a mart procedure is only the query that defines its
-- deltas:
--   measures   every column of `deltas` that is neither in `key` nor in
--              `replaced`; each must exist in `target`
--   derived    {"column": "expression over the measures"}: recomputed from
--              the new values (e.g. "smelt.average_sentiment(sentiment_sum,
--              scored_posts)")
--   replaced   columns copied from the delta row (e.g. a campaign's name)
-- Steps: delta rows whose measures are all zero (or unknown) are deleted
-- from `deltas`, so what is left is what changed (checks read it as their
-- scope); existing rows move (measure + delta, derived recomputed,
-- updated_at = now()); missing rows are inserted in key order; rows of the
-- touched keys whose measures all fell to zero are deleted. Returns rows
-- updated + inserted.
create or replace function smelt.apply_mart_deltas(
    p_target regclass, p_deltas_name text, p_key text[],
    p_derived jsonb default '{}', p_replaced text[] default '{}')
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    -- resolved on every call: the session table is created anew each refresh
    p_deltas   regclass := p_deltas_name::regclass;
    v_measures text[];
    v_missing  text[];
    v_on       text;
    v_zeros    text;
    v_set      text;
    v_columns  text;
    v_values   text;
    v_derived  record;
    v_expr     text;
    v_measure  text;
    v_rows     bigint;
    v_inserted bigint;
begin
    select array_agg(a.attname::text order by a.attnum) into v_measures
    from pg_attribute as a
    where a.attrelid = p_deltas and a.attnum > 0 and not a.attisdropped
      and a.attname::text <> all (p_key) and a.attname::text <> all (p_replaced);
    if v_measures is null then
        raise exception 'smelt.apply_mart_deltas: % has no measure columns', p_deltas;
    end if;

    select array_agg(c) into v_missing
    from unnest(p_key || p_replaced || v_measures || array(select jsonb_object_keys(p_derived))) as c
    where not exists (
        select 1 from pg_attribute as a
        where a.attrelid = p_target and a.attname::text = c and a.attnum > 0 and not a.attisdropped);
    if v_missing is not null then
        raise exception 'smelt.apply_mart_deltas: % has no column %', p_target, array_to_string(v_missing, ', ');
    end if;

    v_on := (select string_agg(format('m.%1$I = d.%1$I', k), ' and ') from unnest(p_key) as k);
    v_zeros := (select string_agg('0', ', ') from unnest(v_measures));

    -- what did not change is no delta
    execute format('delete from %s as d where ((%s) <> (%s)) is not true',
                   p_deltas, (select string_agg(format('d.%I', c), ', ') from unnest(v_measures) as c), v_zeros);

    -- existing rows move
    v_set := (select string_agg(format('%1$I = m.%1$I + d.%1$I', c), ', ') from unnest(v_measures) as c);
    for v_derived in select key, value from jsonb_each_text(p_derived) loop
        v_expr := v_derived.value;
        foreach v_measure in array v_measures loop
            v_expr := regexp_replace(v_expr, '(?<![.\w])' || v_measure || '(?!\w)',
                                     format('(m.%1$I + d.%1$I)', v_measure), 'g');
        end loop;
        v_set := v_set || format(', %I = %s', v_derived.key, v_expr);
    end loop;
    v_set := v_set || coalesce((select ', ' || string_agg(format('%1$I = d.%1$I', c), ', ')
                                from unnest(p_replaced) as c), '');
    execute format('update %s as m set %s, updated_at = now() from %s as d where %s',
                   p_target, v_set, p_deltas, v_on);
    get diagnostics v_rows = row_count;

    -- missing rows are inserted, derived columns computed from the deltas
    v_columns := (select string_agg(format('%I', c), ', ') from unnest(p_key || p_replaced || v_measures) as c);
    v_values := (select string_agg(format('d.%I', c), ', ') from unnest(p_key || p_replaced || v_measures) as c);
    for v_derived in select key, value from jsonb_each_text(p_derived) loop
        v_columns := v_columns || format(', %I', v_derived.key);
        v_values := v_values || ', ' || v_derived.value;
    end loop;
    execute format('insert into %s (%s) select %s from %s as d '
                   'where not exists (select 1 from %s as m where %s) order by %s',
                   p_target, v_columns, v_values, p_deltas, p_target, v_on,
                   (select string_agg(format('d.%I', k), ', ') from unnest(p_key) as k));
    get diagnostics v_inserted = row_count;

    -- rows that fell to zero go
    execute format('delete from %s as m using %s as d where %s and (%s) = (%s)',
                   p_target, p_deltas, v_on,
                   (select string_agg(format('m.%I', c), ', ') from unnest(v_measures) as c), v_zeros);

    return v_rows + v_inserted;
end;
$$;
