-- A dirty mark per key and writing transaction. Until now a key had one mark
-- and a merge that marked it again rewrote that mark: the earliest changed
-- minute (minutes_from) only ever moved back while the key stayed marked. A
-- post that merges kept marking while gold refreshed was never released, so
-- every refresh recomputed its minutes from its first unreleased change on.
-- Now each transaction adds its own mark (its version is part of the key), a
-- refresh claims every mark it can see, merged per key, and deletes exactly
-- those once it has published (smelt.gold_release). A mark written after the
-- claim stays with its own minutes_from, and no writer ever waits for a
-- refresh, nor a refresh for a writer.
alter table smelt.dirty_posts drop constraint dirty_posts_pkey;
alter table smelt.dirty_posts add primary key (source, post_id, version);
alter table smelt.dirty_comments drop constraint dirty_comments_pkey;
alter table smelt.dirty_comments add primary key (source, comment_id, version);
alter table smelt.dirty_users drop constraint dirty_users_pkey;
alter table smelt.dirty_users add primary key (source, user_id, version);
