-- smelt.scope_users(table) -> (source, user_id)
-- The accounts a check looks at: during a gated refresh those this refresh
-- claimed; otherwise every account key found in `table`.
create or replace function smelt.scope_users(p_table regclass)
returns table (source text, user_id text)
language plpgsql
stable
rows 100
as $$
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query select s.source, s.user_id from pg_temp.gold_scope_users as s;
    else
        return query execute format('select distinct source, user_id from %s', p_table);
    end if;
end;
$$;
