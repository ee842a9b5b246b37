-- smelt.mark_dirty_comments(): statement trigger on silver.comments; marks
-- the touched comments in smelt.dirty_comments. Skipped while
-- smelt.suppress_dirty_marks is on.
create or replace function smelt.mark_dirty_comments()
returns trigger
language plpgsql
as $$
begin
    if current_setting('smelt.suppress_dirty_marks', true) = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into smelt.dirty_comments (source, comment_id)
        select distinct source, comment_id from old_rows order by 1, 2
        on conflict (source, comment_id) do update set version = excluded.version;
    else
        insert into smelt.dirty_comments (source, comment_id)
        select distinct source, comment_id from new_rows order by 1, 2
        on conflict (source, comment_id) do update set version = excluded.version;
    end if;
    return null;
end;
$$;
