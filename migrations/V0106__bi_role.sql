-- smelt_bi: the read-only role for BI tools (Superset, Grafana, Metabase,
-- psql). It can read gold and nothing else: no usage on bronze, silver or
-- smelt. NOLOGIN: grant it to a login role, e.g.
--   create role grafana login password '...' in role smelt_bi;
-- Roles are cluster-wide, so it is created only when missing.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'smelt_bi') then
        create role smelt_bi nologin;
    end if;
end
$$;

revoke all on schema bronze, silver, smelt from smelt_bi;
grant usage on schema gold to smelt_bi;
grant select on all tables in schema gold to smelt_bi;

-- Tables and views created later in gold by the role that runs migrations.
alter default privileges in schema gold grant select on tables to smelt_bi;
