-- smelt.gold_release() -> dirty marks deleted
-- Last step of smelt.refresh_gold, after it published: deletes the marks
-- smelt.gold_claim read whose version has not moved since. A mark that a
-- merge wrote again after the claim keeps its new version and stays for the
-- next refresh. Marks that a merge holds locked right now (it is writing a
-- new version) are skipped rather than waited for, so the refresh never
-- waits for a merge and the two cannot deadlock; a merge that marks a key
-- this step deleted waits only for the refresh's commit, which follows.
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
begin
    for v_i in 1 .. array_length(v_marks, 1) loop
        execute format(
            'delete from smelt.%1$I as d
              where (d.source, d.%3$I) in (
                    select m.source, m.%3$I
                    from smelt.%1$I as m
                    join pg_temp.%2$I as s on s.source = m.source and s.%3$I = m.%3$I
                    where m.version = s.version
                    for update of m skip locked)',
            v_marks[v_i][1], v_marks[v_i][2], v_marks[v_i][3]);
        get diagnostics v_step = row_count;
        v_rows := v_rows + v_step;
    end loop;
    return v_rows;
end;
$$;
