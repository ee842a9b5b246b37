-- smelt.scope_post_minutes() -> (source, post_id, from_at)
-- The observation ranges a check looks at: during a gated refresh, each
-- claimed post from the earliest observation it recomputes (never before
-- the retention cutoff); otherwise every post from the retention cutoff.
create or replace function smelt.scope_post_minutes()
returns table (source text, post_id text, from_at timestamptz)
language plpgsql
stable
rows 100
as $$
declare
    v_cutoff timestamptz := (select s.retention_cutoff from smelt.refresh_state as s);
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query
            select m.source, m.post_id, greatest(m.from_at, v_cutoff) from pg_temp.gold_claimed_minutes as m;
    else
        return query select p.source, p.post_id, v_cutoff from silver.posts as p;
    end if;
end;
$$;
