-- smelt_collect: the role smelt collect can run as. It reads the campaigns
-- and keeps its own state; nothing else. NOLOGIN: grant it to a login role,
-- e.g.  create role collector login password '...' in role smelt_collect;
-- Roles are cluster-wide, so it is created only when missing.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'smelt_collect') then
        create role smelt_collect nologin;
    end if;
end
$$;

grant usage on schema smelt to smelt_collect;
grant select on smelt.campaigns to smelt_collect;
grant select, insert, update on smelt.collect_cursors, smelt.collect_tracked_posts, smelt.collect_quota
    to smelt_collect;
grant select, insert on smelt.collect_bad_pages, smelt.collect_partial_errors to smelt_collect;
