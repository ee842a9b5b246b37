-- smelt.scope_posts(table) -> (source, post_id)
-- The posts a check of `table` looks at. During a gated refresh
-- (smelt.check_scope = 'incremental'): the posts this refresh claimed whose
-- change touched `table` (smelt.dirty_posts.changed bits: 1 silver.posts,
-- 2 silver.post_observations, 4 silver.post_hashtags and post_mentions,
-- 8 silver.campaign_posts). Otherwise (smelt check, psql): every post key in
-- `table`, so the same query checks everything.
create or replace function smelt.scope_posts(p_table regclass)
returns table (source text, post_id text)
language plpgsql
stable
rows 100
as $$
declare
    v_bits integer := case p_table
        when 'silver.posts'::regclass then 3
        when 'silver.post_observations'::regclass then 2
        when 'silver.post_hashtags'::regclass then 4
        when 'silver.post_mentions'::regclass then 4
        when 'silver.campaign_posts'::regclass then 8
        else 15 end;
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query
            select s.source, s.post_id from pg_temp.gold_scope_posts as s where s.changed & v_bits <> 0;
    else
        return query execute format('select distinct source, post_id from %s', p_table);
    end if;
end;
$$;
