-- smelt.scope_comments(table) -> (source, comment_id)
-- The comments a check looks at: during a gated refresh those this refresh
-- claimed; otherwise every comment key found in `table`.
create or replace function smelt.scope_comments(p_table regclass)
returns table (source text, comment_id text)
language plpgsql
stable
rows 100
as $$
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query select s.source, s.comment_id from pg_temp.gold_scope_comments as s;
    else
        return query execute format('select distinct source, comment_id from %s', p_table);
    end if;
end;
$$;
