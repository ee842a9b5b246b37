-- smelt.mark_dirty_observations(): statement trigger on
-- silver.post_observations. Marks the posts in smelt.dirty_posts (changed
-- bit 2) with minutes_from = the earliest touched observed_at (gold
-- recomputes the post's engagement minutes from there on). Suppressed
-- while smelt.suppress_dirty_marks is on.
create or replace function smelt.mark_dirty_observations()
returns trigger
language plpgsql
as $$
begin
    if current_setting('smelt.suppress_dirty_marks', true) = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into smelt.dirty_posts as d (source, post_id, changed, minutes_from, changes)
        select source, post_id, 2, min(observed_at), smelt.mark_changes(min(observed_at))
        from old_rows group by 1, 2 order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed,
                minutes_from = least(d.minutes_from, excluded.minutes_from),
                changes = smelt.mark_changes_add(d.changes, excluded.changes),
                version = excluded.version;
    else
        insert into smelt.dirty_posts as d (source, post_id, changed, minutes_from, changes)
        select source, post_id, 2, min(observed_at), smelt.mark_changes(min(observed_at))
        from new_rows group by 1, 2 order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed,
                minutes_from = least(d.minutes_from, excluded.minutes_from),
                changes = smelt.mark_changes_add(d.changes, excluded.changes),
                version = excluded.version;
    end if;
    return null;
end;
$$;
