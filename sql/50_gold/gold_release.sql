-- smelt.gold_release() -> dirty marks deleted
-- Last step of smelt.refresh_gold, after it published: deletes the marks
-- smelt.gold_claim read whose version has not moved since. A mark that a
-- merge wrote again after the claim keeps its new version and stays for the
-- next refresh; a post's mark drops the changes the claim saw (visible in
-- its snapshot: this refresh rebuilt them), so the next refresh rebuilds the
-- post from the changes written since, not from where this one started. Its
-- minutes_from stays: the scoped checks skip a post whose mark moved, and the
-- next refresh checks it from there. A mark whose changes were not tracked
-- gets one change, its current version from its minutes_from, which the next
-- claim sees. Marks that a merge holds locked right now (it is writing a new
-- version) are skipped rather than waited for, so the refresh never waits
-- for a merge and the two cannot deadlock; a merge that marks a key this
-- step deleted waits only for the refresh's commit, which follows.
-- Each statement locks its marks in one subquery, run once, and then
-- deletes or updates exactly those rows by their ctid (a TID scan; a mark
-- a merge rewrote since the statement began is left as the merge wrote it,
-- so at worst the next refresh rebuilds a change again). Written
-- as `key in (locking subquery)`, the planner could put the subquery on the
-- inner side of a nested loop and run it again for every mark: the mark
-- tables churn, and autovacuum may analyze one just after a refresh emptied
-- it, when a few live rows sat among many dead ones, so it is later
-- estimated at a row or two. A three-minute run at 2,800 events/s spent
-- 409 s in one release, the merges waiting on its row locks; a mark table
-- analyzed that way gives that plan (tests/sql/17_gold_release.sql).
create or replace function smelt.gold_release()
returns bigint
language plpgsql
as $$
declare
    -- mark table, the claim's scope table, the key column after source
    v_marks    text[][] := array[
        ['dirty_posts', 'gold_scope_posts', 'post_id'],
        ['dirty_comments', 'gold_scope_comments', 'comment_id'],
        ['dirty_users', 'gold_scope_users', 'user_id']];
    v_i        integer;
    v_rows     bigint := 0;
    v_step     bigint;
    v_snapshot pg_snapshot := (select s.snapshot from pg_temp.gold_claim_snapshot as s);
begin
    for v_i in 1 .. array_length(v_marks, 1) loop
        execute format(
            'delete from smelt.%1$I as d
              where d.ctid = any (array(
                    select m.ctid
                    from smelt.%1$I as m
                    join pg_temp.%2$I as s on s.source = m.source and s.%3$I = m.%3$I
                    where m.version = s.version
                    for update of m skip locked))',
            v_marks[v_i][1], v_marks[v_i][2], v_marks[v_i][3]);
        get diagnostics v_step = row_count;
        v_rows := v_rows + v_step;
    end loop;

    update smelt.dirty_posts as d
       set changes = case
               when d.changes is null then
                   case when d.minutes_from is null then '{}'::smelt.mark_change[]
                        else array[row(d.version, d.minutes_from)::smelt.mark_change] end
               else array(select row(c.version, c.from_at)::smelt.mark_change
                          from unnest(d.changes) with ordinality as c (version, from_at, n)
                          where not pg_visible_in_snapshot(c.version, v_snapshot)
                          order by c.n) end
     where d.ctid = any (array(
           select m.ctid
           from smelt.dirty_posts as m
           join pg_temp.gold_scope_posts as s on s.source = m.source and s.post_id = m.post_id
           where m.version <> s.version
             and (m.changes is null
                  or exists (select from unnest(m.changes) as c
                             where pg_visible_in_snapshot(c.version, v_snapshot)))
           for update of m skip locked));
    return v_rows;
end;
$$;
