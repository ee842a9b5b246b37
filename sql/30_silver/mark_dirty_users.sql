-- smelt.mark_dirty_users(): statement trigger on silver.users; marks the
-- touched accounts in smelt.dirty_users. Skipped while
-- smelt.suppress_dirty_marks is on.
create or replace function smelt.mark_dirty_users()
returns trigger
language plpgsql
as $$
begin
    if current_setting('smelt.suppress_dirty_marks', true) = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        insert into smelt.dirty_users (source, user_id)
        select distinct source, user_id from old_rows order by 1, 2
        on conflict (source, user_id) do update set version = excluded.version;
    else
        insert into smelt.dirty_users (source, user_id)
        select distinct source, user_id from new_rows order by 1, 2
        on conflict (source, user_id) do update set version = excluded.version;
    end if;
    return null;
end;
$$;
