-- silver.comments' two time columns get BRIN indexes instead of B-trees, as
-- the append-ordered columns did in V0141.
--
-- Every merge writes its comments into silver.comments, and each row paid
-- an entry in both B-trees. A comment is written when it is first seen and
-- again only when a later observation changes it, so the table is in
-- arrival order: created_at and last_observed_at grow with it (a late
-- comment is minutes off, inside one block range). Their only readers take
-- ranges: retention (last_observed_at before the cutoff), a backfill's
-- marks (created_at or last_observed_at inside a chunk) and the rescore
-- report (stale_sentiment.sql). BRIN answers those by block range. A
-- comment observed again moves to a newer page; when it lands in space a
-- vacuum freed in an old page, that page's range widens, and a backfill of
-- a recent chunk reads that range too: a cost of the rare reads, paid for
-- by every merge's writes.
--
-- silver.posts keeps its B-tree on created_at: a post is rewritten at
-- every observation, so its row sits where its last observation put it,
-- and a block range would span every post observed at that time, whatever
-- its age.
drop index silver.comments_created_at_idx;
create index comments_created_at_brin on silver.comments
    using brin (created_at) with (pages_per_range = 32, autosummarize = on);

drop index silver.comments_last_observed_at_idx;
create index comments_last_observed_at_brin on silver.comments
    using brin (last_observed_at) with (pages_per_range = 32, autosummarize = on);
