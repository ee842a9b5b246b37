-- smelt.gate_checks() -> jsonb array of check results
-- Runs every registered check with runs_on = 'refresh', scoped to what the
-- current refresh touched
-- (smelt.check_scope = 'incremental', see smelt.scope_*), so a gated refresh
-- costs in proportion to its changes. Returns one object per check:
-- {check_name, severity, failing_rows, sample, duration_ms}. Records
-- nothing: smelt.refresh_gold records the failures after deciding whether
-- to publish.
create or replace function smelt.gate_checks()
returns jsonb
language plpgsql
as $$
declare
    v_check   record;
    v_result  record;
    v_results jsonb := '[]';
begin
    perform set_config('smelt.check_scope', 'incremental', true);
    for v_check in
        select c.check_name, c.severity from smelt.checks as c where c.runs_on = 'refresh' order by c.check_name
    loop
        select * into v_result from smelt.evaluate_check(v_check.check_name);
        v_results := v_results || jsonb_build_object(
            'check_name', v_check.check_name,
            'severity', v_check.severity,
            'failing_rows', v_result.failing_rows,
            'sample', v_result.sample,
            'duration_ms', v_result.duration_ms);
    end loop;
    perform set_config('smelt.check_scope', 'full', true);
    return v_results;
end;
$$;
