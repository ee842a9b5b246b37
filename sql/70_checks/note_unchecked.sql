-- smelt.note_unchecked(p_defer boolean) -> posts noted
-- Called by smelt.refresh_gold before it publishes. With p_defer (the
-- deferrable checks did not run in this refresh), records each claimed post
-- in smelt.unchecked_posts for smelt.check_deferred: the tables that changed
-- and the earliest observation rebuilt and not checked, merged with what an
-- earlier refresh left there. Without it, gives the claimed posts already
-- there a new version, so that a run of the deferred checks that skipped such
-- a post (it was dirty then) does not take it for checked.
create or replace function smelt.note_unchecked(p_defer boolean)
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    if p_defer then
        insert into smelt.unchecked_posts as u (source, post_id, changed, from_at, check_from)
        select s.source, s.post_id, s.changed, m.from_at, m.check_from
        from pg_temp.gold_scope_posts as s
        left join pg_temp.gold_claimed_minutes as m on m.source = s.source and m.post_id = s.post_id
        on conflict (source, post_id) do update
            set changed = u.changed | excluded.changed,
                from_at = least(u.from_at, excluded.from_at),
                check_from = least(u.check_from, excluded.check_from),
                version = pg_current_xact_id();
    else
        update smelt.unchecked_posts as u
           set version = pg_current_xact_id()
          from pg_temp.gold_scope_posts as s
         where u.source = s.source and u.post_id = s.post_id;
    end if;
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
