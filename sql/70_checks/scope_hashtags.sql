-- smelt.scope_hashtags() -> (hashtag)
-- The hashtags a check of gold.mart_hashtag_totals_7d looks at: during a
-- gated refresh (smelt.check_scope = 'incremental') the hashtags whose
-- gold.mart_hashtag_daily rows this refresh moved; otherwise every hashtag
-- of gold.mart_hashtag_daily and gold.mart_hashtag_totals_7d.
create or replace function smelt.scope_hashtags()
returns table (hashtag text)
language plpgsql
stable
rows 100
as $$
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        if to_regclass('pg_temp.tmp_mart_hashtag_daily') is not null then
            return query select distinct d.hashtag from pg_temp.tmp_mart_hashtag_daily as d;
        end if;
    else
        return query
            select d.hashtag from gold.mart_hashtag_daily as d
            union
            select t.hashtag from gold.mart_hashtag_totals_7d as t;
    end if;
end;
$$;
