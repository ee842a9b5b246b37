-- smelt.scope_post_key_minutes() -> (post_key, from_minute)
-- The gold engagement minutes a check looks at: during a gated refresh,
-- each claimed post from the first minute written since gold last checked
-- it (its mark's minutes_from, never before the retention cutoff: gold may
-- have rebuilt part of that range in a refresh that skipped the post's
-- check, and silver there has not changed since), unless a merge marked the
-- post again since the claim (its silver moved on while this refresh read
-- it; the next refresh recomputes and checks it, and the check reads the
-- marks in its own snapshot, the one it reads silver in); otherwise every
-- post in gold.fct_engagement_minute from the retention cutoff, except the
-- posts whose silver changes are still waiting for gold (a dirty mark not
-- yet published, claimed by a running refresh or not): gold is compared with
-- the silver it was built from, so smelt check can run while merges go on.
create or replace function smelt.scope_post_key_minutes()
returns table (post_key bigint, from_minute timestamptz)
language plpgsql
stable
rows 100
as $$
declare
    v_cutoff timestamptz := (select s.retention_cutoff from smelt.refresh_state as s);
begin
    if current_setting('smelt.check_scope', true) = 'incremental' then
        return query
            select k.post_key, greatest(smelt.utc_minute(m.check_from), v_cutoff)
            from pg_temp.gold_claimed_minutes as m
            join (select o.post_key, o.platform, o.post_id from pg_temp.tmp_post_old as o
                  union
                  select n.post_key, n.platform, n.post_id from pg_temp.tmp_post_new as n) as k
                on k.platform = m.source and k.post_id = m.post_id
            where exists (select from smelt.dirty_posts as c
                          where c.source = m.source and c.post_id = m.post_id and c.version = m.version);
    else
        return query
            select d.post_key, v_cutoff
            from gold.dim_post as d
            where exists (select from gold.fct_engagement_minute as f where f.post_key = d.post_key)
              and not exists (select from smelt.dirty_posts as m
                              where m.source = d.platform and m.post_id = d.post_id);
    end if;
end;
$$;
