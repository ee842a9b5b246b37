-- Dirty-mark triggers on silver.post_hashtags: every INSERT, UPDATE or DELETE
-- statement hands the rows it touched to smelt.mark_dirty_posts() (see that file), so
-- smelt.refresh_gold sees every change to silver.post_hashtags, whoever made it.
create or replace trigger post_hashtags_dirty_insert
    after insert on silver.post_hashtags
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_posts();

create or replace trigger post_hashtags_dirty_update
    after update on silver.post_hashtags
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_posts();

create or replace trigger post_hashtags_dirty_delete
    after delete on silver.post_hashtags
    referencing old table as old_rows
    for each statement execute function smelt.mark_dirty_posts();
