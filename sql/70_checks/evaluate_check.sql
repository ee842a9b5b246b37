-- smelt.evaluate_check(check_name) -> (failing_rows, sample, duration_ms)
-- Runs one registered check (smelt.checks.query) and counts the rows it
-- returns; sample holds the first smelt.setting('check_sample_rows') of them
-- as jsonb. A check whose query raises an error fails with one row
-- {"error": message}. Records nothing (see smelt.run_checks).
create or replace function smelt.evaluate_check(
    p_check_name text, out failing_rows bigint, out sample jsonb, out duration_ms numeric)
language plpgsql
as $$
declare
    v_query   text;
    v_cap     integer := coalesce(smelt.setting('check_sample_rows')::integer, 20);
    v_started timestamptz := clock_timestamp();
begin
    select c.query into strict v_query from smelt.checks as c where c.check_name = p_check_name;
    begin
        -- The leading comment names the check in pg_stat_activity and
        -- pg_stat_statements.
        execute format(
            '/* smelt check %s */ '
            'select count(*), jsonb_agg(r.row_data order by r.n) filter (where r.n <= %s) '
            'from (select to_jsonb(q) as row_data, row_number() over () as n from (%s) as q) as r',
            regexp_replace(p_check_name, '[^A-Za-z0-9_]', '', 'g'), v_cap, v_query)
           into failing_rows, sample;
    exception when others then
        failing_rows := 1;
        sample := jsonb_build_array(jsonb_build_object('error', sqlerrm, 'sqlstate', sqlstate));
    end;
    duration_ms := round((extract(epoch from clock_timestamp() - v_started) * 1000)::numeric, 3);
end;
$$;
