-- smelt.ensure_event_partitions(p_from, p_days)
-- Creates the daily partitions of bronze.events for p_days UTC days starting
-- at p_from, skipping those that exist. Called by smelt ingest at start and
-- hourly; safe to run concurrently and repeatedly.
-- Creating a partition takes ownership of bronze.events, which the daemons
-- do not have: the function runs as its owner (SECURITY DEFINER, with a
-- fixed search_path), and only smelt_ingest and smelt_refresh (the
-- scheduler's partition maintenance) may execute it. Partitions get
-- their rights from the default privileges of schema bronze
-- (migrations/V0120__pipeline_roles.sql).
create or replace function smelt.ensure_event_partitions(p_from date, p_days integer)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
    v_day     date;
    v_name    text;
    v_created integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('smelt.ensure_event_partitions'));
    for i in 0 .. p_days - 1 loop
        v_day  := p_from + i;
        v_name := 'events_' || to_char(v_day, 'YYYYMMDD');
        if to_regclass('bronze.' || v_name) is null then
            execute format(
                'create table bronze.%I partition of bronze.events for values from (%L) to (%L)',
                v_name,
                (v_day::timestamp at time zone 'UTC'),
                ((v_day + 1)::timestamp at time zone 'UTC'));
            v_created := v_created + 1;
        end if;
    end loop;
    return v_created;
end;
$$;

revoke execute on function smelt.ensure_event_partitions(date, integer) from public;
grant execute on function smelt.ensure_event_partitions(date, integer) to smelt_ingest, smelt_refresh;
