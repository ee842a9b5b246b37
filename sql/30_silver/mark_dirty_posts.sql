-- smelt.mark_dirty_posts(): statement trigger on silver.posts,
-- silver.post_hashtags and silver.post_mentions. Marks the posts a statement
-- touched in smelt.dirty_posts (changed bit 1 for silver.posts, 4 for
-- hashtags and mentions), so that smelt.refresh_gold recomputes and
-- re-checks them whoever wrote them (a manual fix, a repair script).
-- Transition table: new_rows for INSERT/UPDATE, old_rows for DELETE.
-- smelt.merge_decoded suppresses it (smelt.suppress_dirty_marks = on) and
-- marks explicitly; so does retention.
create or replace function smelt.mark_dirty_posts()
returns trigger
language plpgsql
as $$
declare
    v_bit integer := case when tg_table_name = 'posts' then 1 else 4 end;
begin
    if current_setting('smelt.suppress_dirty_marks', true) = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into smelt.dirty_posts as d (source, post_id, changed)
        select distinct source, post_id, v_bit from old_rows order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed, version = excluded.version;
    else
        insert into smelt.dirty_posts as d (source, post_id, changed)
        select distinct source, post_id, v_bit from new_rows order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed, version = excluded.version;
    end if;
    return null;
end;
$$;
