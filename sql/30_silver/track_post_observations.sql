-- Dirty-mark triggers on silver.post_observations: every INSERT, UPDATE or DELETE
-- statement hands the rows it touched to smelt.mark_dirty_observations() (see that file), so
-- smelt.refresh_gold sees every change to silver.post_observations, whoever made it.
create or replace trigger post_observations_dirty_insert
    after insert on silver.post_observations
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_observations();

create or replace trigger post_observations_dirty_update
    after update on silver.post_observations
    referencing new table as new_rows
    for each statement execute function smelt.mark_dirty_observations();

create or replace trigger post_observations_dirty_delete
    after delete on silver.post_observations
    referencing old table as old_rows
    for each statement execute function smelt.mark_dirty_observations();
