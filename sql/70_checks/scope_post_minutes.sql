-- smelt.scope_post_minutes() -> (source, post_id, from_at)
-- The observation ranges a check looks at: during a gated refresh, each
-- claimed post from the earliest observation it recomputes (never before
-- the retention cutoff); in a run of the deferred checks
-- (smelt.check_deferred), each noted post from the earliest observation
-- gold rebuilt since they last checked it, except the posts dirty now;
-- otherwise every post from the retention cutoff.
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
    elsif current_setting('smelt.check_scope', true) = 'deferred' then
        return query
            select u.source, u.post_id, greatest(u.from_at, v_cutoff)
            from pg_temp.deferred_scope as u
            where u.from_at is not null
              and not exists (select from smelt.dirty_posts as d
                              where d.source = u.source and d.post_id = u.post_id);
    else
        return query select p.source, p.post_id, v_cutoff from silver.posts as p;
    end if;
end;
$$;
