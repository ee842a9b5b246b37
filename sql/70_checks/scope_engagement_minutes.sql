-- smelt.scope_engagement_minutes() -> (minute, platform)
-- The gold.mart_engagement_minute rows a check looks at: during a gated
-- refresh the rows this refresh moved; otherwise all of them.
create or replace function smelt.scope_engagement_minutes()
returns table (minute timestamptz, platform text)
language plpgsql
stable
rows 100
as $$
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query select s.minute, s.platform from pg_temp.gold_scope_engagement_minutes as s;
    else
        return query select m.minute, m.platform from gold.mart_engagement_minute as m;
    end if;
end;
$$;
