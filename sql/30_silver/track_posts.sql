-- Dirty-mark triggers on silver.posts: every INSERT, UPDATE or DELETE
-- statement hands the rows it touched to smelt.mark_dirty_posts() (see that file), so
-- smelt.refresh_gold sees every change to silver.posts, whoever made it.
create or replace trigger posts_dirty_insert
    after insert on silver.posts
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_posts();

create or replace trigger posts_dirty_update
    after update on silver.posts
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_posts();

create or replace trigger posts_dirty_delete
    after delete on silver.posts
    referencing old table as old_rows
    for each statement execute function smelt.mark_dirty_posts();
