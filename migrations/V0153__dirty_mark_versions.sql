-- Dirty marks carry the id of the transaction that last wrote them, so that
-- smelt.refresh_gold can claim marks without locking them: it reads them with
-- their versions at its start and, once it has published, deletes only the
-- marks whose version is unchanged (smelt.gold_release). A merge that marks a
-- claimed key again meanwhile writes a new version and neither waits for the
-- refresh nor loses its mark. Every writer of a mark sets the version, also
-- when the key is already marked (on conflict ... set version =
-- excluded.version).
alter table smelt.dirty_posts add column version xid8 not null default pg_current_xact_id();
alter table smelt.dirty_comments add column version xid8 not null default pg_current_xact_id();
alter table smelt.dirty_users add column version xid8 not null default pg_current_xact_id();
