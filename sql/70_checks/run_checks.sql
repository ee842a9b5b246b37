-- smelt.run_checks(run_id, severity) -> (check_name, severity, failing_rows, sample)
-- Runs every registered check (or those of one severity) over all data and
-- records each result in smelt.check_results (scope 'full'). This is what
-- smelt check calls. A check passes when failing_rows = 0.
create or replace function smelt.run_checks(p_run_id text, p_severity text default null)
returns table (check_name text, severity text, failing_rows bigint, sample jsonb)
language plpgsql
as $$
declare
    v_check  record;
    v_result record;
begin
    perform set_config('smelt.check_scope', 'full', true);
    for v_check in
        select c.check_name, c.severity
        from smelt.checks as c
        where p_severity is null or c.severity = p_severity
        order by c.check_name
    loop
        select * into v_result from smelt.evaluate_check(v_check.check_name);
        insert into smelt.check_results (
            run_id, check_name, severity, status, failing_rows, sample, scope, duration_ms)
        values (
            p_run_id, v_check.check_name, v_check.severity,
            case when v_result.failing_rows = 0 then 'pass' else 'fail' end,
            v_result.failing_rows, v_result.sample, 'full', v_result.duration_ms);
        check_name := v_check.check_name;
        severity := v_check.severity;
        failing_rows := v_result.failing_rows;
        sample := v_result.sample;
        return next;
    end loop;
end;
$$;
