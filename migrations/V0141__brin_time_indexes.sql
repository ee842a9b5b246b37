-- Append-ordered time columns get BRIN indexes instead of B-trees.
--
-- bronze.events.observed_at, silver.post_observations.observed_at and
-- silver.user_history.observed_at grow with insertion order (late events are
-- minutes off, inside one block range), and they are only read by ranges:
-- backfill chunks (declare_range_rows.sql, range_minutes.sql,
-- smelt.backfill_gold) and retention. A B-tree on them is paid by every
-- ingested or merged row and is as large as the key column; a BRIN index
-- is a few pages and costs almost nothing to maintain, at the price of
-- reading one block range (pages_per_range) per match, which range scans
-- of an hour or a day do anyway.
drop index bronze.events_observed_at_idx;
create index events_observed_at_brin on bronze.events using brin (observed_at) with (pages_per_range = 32, autosummarize = on);

drop index silver.post_observations_observed_at_idx;
create index post_observations_observed_at_brin on silver.post_observations
    using brin (observed_at) with (pages_per_range = 32, autosummarize = on);

drop index silver.user_history_observed_at_idx;
create index user_history_observed_at_brin on silver.user_history
    using brin (observed_at) with (pages_per_range = 32, autosummarize = on);
