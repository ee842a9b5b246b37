-- smelt.gold_release() -> dirty marks deleted
-- Last step of smelt.refresh_gold, after it published: deletes exactly the
-- marks smelt.gold_claim read (each key's claimed versions). A mark that a
-- merge wrote after the claim has a version of its own and stays for the next
-- refresh. No writer ever updates a mark of another transaction, so this step
-- never waits for a merge, and a merge never waits for it.
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
              using pg_temp.%2$I as s
              where d.source = s.source and d.%3$I = s.%3$I and d.version = any (s.versions)',
            v_marks[v_i][1], v_marks[v_i][2], v_marks[v_i][3]);
        get diagnostics v_step = row_count;
        v_rows := v_rows + v_step;
    end loop;
    return v_rows;
end;
$$;
