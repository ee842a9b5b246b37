-- smelt.scope_post_keys(table) -> post_key
-- The gold posts a check of `table` looks at: during a gated refresh the
-- posts whose gold row this refresh added, removed or changed beyond their
-- counters (pg_temp.tmp_post_delta); otherwise every post_key in `table`.
create or replace function smelt.scope_post_keys(p_table regclass)
returns table (post_key bigint)
language plpgsql
stable
rows 100
as $$
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query select distinct d.post_key from pg_temp.tmp_post_delta as d;
    else
        return query execute format('select distinct post_key from %s', p_table);
    end if;
end;
$$;
