-- smelt.check_deferred(p_run_id text)
--   -> table (check_name, severity, failing_rows, sample)
-- Runs the deferrable checks over what the refreshes that deferred them
-- published (smelt.unchecked_posts), all at once: a post several refreshes
-- rebuilt is checked once, from the earliest observation none checked.
-- smelt scheduler --check-interval calls it on a connection of its own,
-- beside the refreshes. Each check statement leaves out the posts dirty in
-- its snapshot, as smelt check does: their gold is being rebuilt, and they
-- stay noted for the next run. Records every result (scope 'deferred') in
-- smelt.check_results and returns it. When a check of severity error fails,
-- the noted posts stay and smelt.refresh_state.deferred_failures names the
-- failing checks: every refresh is blocked until a later run passes (or a
-- full smelt check does). When none fails, deletes the noted posts it
-- checked, unless a refresh noted them again meanwhile (their version
-- moved), and opens the gate. Returns no rows when nothing was noted and the
-- gate is open.
create or replace function smelt.check_deferred(p_run_id text)
returns table (check_name text, severity text, failing_rows bigint, sample jsonb)
language plpgsql
set client_min_messages = warning
as $$
declare
    v_check    record;
    v_result   record;
    v_failures text;
begin
    drop table if exists pg_temp.deferred_scope;
    create temp table deferred_scope on commit drop as
        select u.source, u.post_id, u.changed, u.from_at, u.check_from, u.version
        from smelt.unchecked_posts as u;
    if not exists (select from pg_temp.deferred_scope)
       and (select s.deferred_failures from smelt.refresh_state as s) is null then
        return;
    end if;
    analyze pg_temp.deferred_scope;

    perform set_config('smelt.check_scope', 'deferred', true);
    for v_check in
        select c.check_name, c.severity
        from smelt.checks as c
        where c.runs_on = 'refresh' and c.can_defer
        order by c.check_name
    loop
        select * into v_result from smelt.evaluate_check(v_check.check_name);
        insert into smelt.check_results (
            run_id, check_name, severity, status, failing_rows, sample, scope, blocked_publish, duration_ms)
        values (
            p_run_id, v_check.check_name, v_check.severity,
            case when v_result.failing_rows = 0 then 'pass' else 'fail' end,
            v_result.failing_rows, v_result.sample, 'deferred',
            v_result.failing_rows > 0 and v_check.severity = 'error', v_result.duration_ms);
        if v_result.failing_rows > 0 and v_check.severity = 'error' then
            v_failures := concat_ws(', ', v_failures, v_check.check_name);
        end if;
        check_name := v_check.check_name;
        severity := v_check.severity;
        failing_rows := v_result.failing_rows;
        sample := v_result.sample;
        return next;
    end loop;
    perform set_config('smelt.check_scope', 'full', true);

    if v_failures is null then
        delete from smelt.unchecked_posts as u
         where (u.source, u.post_id) in (
               select m.source, m.post_id
               from smelt.unchecked_posts as m
               join pg_temp.deferred_scope as s
                 on s.source = m.source and s.post_id = m.post_id and s.version = m.version
               where not exists (select from smelt.dirty_posts as d
                                 where d.source = m.source and d.post_id = m.post_id)
               for update of m skip locked);
    end if;
    update smelt.refresh_state
       set deferred_failures = v_failures
     where deferred_failures is distinct from v_failures;
end;
$$;
