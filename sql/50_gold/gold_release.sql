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
    v_rows bigint;
    v_step bigint;
begin
    delete from smelt.dirty_posts as d
    where (d.source, d.post_id) in (
        select m.source, m.post_id
        from smelt.dirty_posts as m
        join pg_temp.gold_scope_posts as s on s.source = m.source and s.post_id = m.post_id
        where m.version = s.version
        for update of m skip locked);
    get diagnostics v_rows = row_count;

    delete from smelt.dirty_comments as d
    where (d.source, d.comment_id) in (
        select m.source, m.comment_id
        from smelt.dirty_comments as m
        join pg_temp.gold_scope_comments as s on s.source = m.source and s.comment_id = m.comment_id
        where m.version = s.version
        for update of m skip locked);
    get diagnostics v_step = row_count;
    v_rows := v_rows + v_step;

    delete from smelt.dirty_users as d
    where (d.source, d.user_id) in (
        select m.source, m.user_id
        from smelt.dirty_users as m
        join pg_temp.gold_scope_users as s on s.source = m.source and s.user_id = m.user_id
        where m.version = s.version
        for update of m skip locked);
    get diagnostics v_step = row_count;
    return v_rows + v_step;
end;
$$;
