-- Dirty-mark triggers on silver.users: every INSERT, UPDATE or DELETE
-- statement hands the rows it touched to smelt.mark_dirty_users() (see that file), so
-- smelt.refresh_gold sees every change to silver.users, whoever made it.
create or replace trigger users_dirty_insert
    after insert on silver.users
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_users();

create or replace trigger users_dirty_update
    after update on silver.users
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_users();

create or replace trigger users_dirty_delete
    after delete on silver.users
    referencing old table as old_rows
    for each statement execute function smelt.mark_dirty_users();
