-- smelt.mark_dirty_campaign_posts(): statement trigger on
-- silver.campaign_posts. Marks the posts in smelt.dirty_posts (changed
-- bit 8). A post joining or leaving a campaign changes the campaign marts
-- for its whole life, so INSERT and DELETE also set minutes_from to
-- -infinity; an UPDATE (same campaign, new created_at or matched_by) does
-- not. Suppressed while smelt.suppress_dirty_marks is on.
create or replace function smelt.mark_dirty_campaign_posts()
returns trigger
language plpgsql
as $$
begin
    if current_setting('smelt.suppress_dirty_marks', true) = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into smelt.dirty_posts as d (source, post_id, changed, minutes_from, changes)
        select source, post_id, 8, '-infinity'::timestamptz, smelt.mark_changes('-infinity')
        from (select distinct source, post_id from old_rows) as r order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed, minutes_from = excluded.minutes_from,
                changes = smelt.mark_changes_add(d.changes, excluded.changes),
                version = excluded.version;
    elsif tg_op = 'UPDATE' then
        insert into smelt.dirty_posts as d (source, post_id, changed)
        select distinct source, post_id, 8 from new_rows order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed, version = excluded.version;
    else
        insert into smelt.dirty_posts as d (source, post_id, changed, minutes_from, changes)
        select source, post_id, 8, '-infinity'::timestamptz, smelt.mark_changes('-infinity')
        from (select distinct source, post_id from new_rows) as r order by 1, 2
        on conflict (source, post_id) do update
            set changed = d.changed | excluded.changed, minutes_from = excluded.minutes_from,
                changes = smelt.mark_changes_add(d.changes, excluded.changes),
                version = excluded.version;
    end if;
    return null;
end;
$$;
