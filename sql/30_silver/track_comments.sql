-- Dirty-mark triggers on silver.comments: every INSERT, UPDATE or DELETE
-- statement hands the rows it touched to smelt.mark_dirty_comments() (see that file), so
-- smelt.refresh_gold sees every change to silver.comments, whoever made it.
create or replace trigger comments_dirty_insert
    after insert on silver.comments
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_comments();

create or replace trigger comments_dirty_update
    after update on silver.comments
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_comments();

create or replace trigger comments_dirty_delete
    after delete on silver.comments
    referencing old table as old_rows
    for each statement execute function smelt.mark_dirty_comments();
