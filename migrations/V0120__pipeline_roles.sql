-- The daemons' roles: each one can do its job and nothing else
-- (docs/security.md). All are NOLOGIN group roles; an operator grants them to
-- login roles, e.g.
--   create role ingest_worker login password '...' in role smelt_ingest;
-- (scripts/pg.sh login ROLE does that for the local cluster).
--   smelt_ingest   smelt ingest, smelt replay: writes bronze, rejects, ingest
--                  offsets and batches; reads nothing else.
--   smelt_refresh  smelt refresh, scheduler, backfill, check, campaign: reads
--                  bronze and the ingest batches, writes silver, gold and the
--                  refresher's state in schema smelt.
--   smelt_serve    smelt serve: smelt_bi (gold, read only) plus what /metrics
--                  and /readyz read.
--   smelt_bi       BI tools: reads gold (migrations/V0106__bi_role.sql).
-- The role that runs smelt migrate owns every object; no daemon should use it.
-- Partitions are created and dropped by SECURITY DEFINER functions
-- (smelt.ensure_event_partitions, smelt.ensure_time_partitions,
-- smelt.apply_retention) that only these roles may execute; their grants
-- live in their own files under sql/, which run after this migration.
-- Roles are cluster-wide, so each is created only when missing.
do $$
declare
    v_role text;
begin
    foreach v_role in array array['smelt_ingest', 'smelt_refresh', 'smelt_serve'] loop
        if not exists (select 1 from pg_roles where rolname = v_role) then
            begin
                execute format('create role %I nologin', v_role);
            exception when duplicate_object or unique_violation then
                null;  -- created meanwhile by a migration of another database
            end;
        end if;
    end loop;
end
$$;

grant smelt_bi to smelt_serve;

-- Start from nothing: no role but the owner has any right here.
revoke all on schema bronze, silver, gold, smelt from smelt_ingest, smelt_refresh, smelt_serve;
revoke all on all tables in schema bronze, silver, gold, smelt from smelt_ingest, smelt_refresh, smelt_serve;

-- smelt_ingest ----------------------------------------------------------------
grant usage on schema bronze, smelt to smelt_ingest;
grant insert on all tables in schema bronze to smelt_ingest;
-- smelt replay reads rejects and marks the ones it re-submitted.
grant select, update (replayed_at) on bronze.rejects to smelt_ingest;
grant select, insert, update on smelt.ingest_offsets to smelt_ingest;
-- insert ... returning batch_id reads the new row.
grant select, insert on smelt.ingest_batches to smelt_ingest;

-- smelt_refresh ---------------------------------------------------------------
grant usage on schema bronze, silver, gold, smelt to smelt_refresh;
grant select on all tables in schema bronze to smelt_refresh;
grant select, insert, update, delete on all tables in schema silver, gold to smelt_refresh;
grant usage, select on all sequences in schema silver, gold to smelt_refresh;
grant select on smelt.ingest_batches, smelt.settings, smelt.checks to smelt_refresh;
grant select, insert, update, delete on
    smelt.refresh_state, smelt.refreshed_batches, smelt.partition_watermarks,
    smelt.dirty_posts, smelt.dirty_comments, smelt.dirty_users,
    smelt.refresh_runs, smelt.check_results, smelt.campaigns
    to smelt_refresh;

-- smelt_serve -----------------------------------------------------------------
-- gold comes with smelt_bi; /metrics also reads the pipeline's state.
grant usage on schema bronze, smelt to smelt_serve;
grant select (reason) on bronze.rejects to smelt_serve;
grant select on smelt.ingest_offsets, smelt.ingest_batches, smelt.refreshed_batches,
    smelt.refresh_state, smelt.refresh_runs, smelt.check_results
    to smelt_serve;

-- Tables created later by the owner (partitions made by the functions above,
-- later migrations, views in sql/) get the same rights as their schema's
-- tables. Tables in schema smelt are granted one by one, by the migration that
-- creates them.
alter default privileges in schema bronze grant insert on tables to smelt_ingest;
alter default privileges in schema bronze grant select on tables to smelt_refresh;
alter default privileges in schema silver, gold
    grant select, insert, update, delete on tables to smelt_refresh;
alter default privileges in schema silver, gold grant usage, select on sequences to smelt_refresh;
