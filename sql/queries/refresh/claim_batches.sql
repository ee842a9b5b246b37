-- Claims up to $1 pending ingest batches for the current transaction, oldest
-- first, looking at no more than $2 candidates. A batch is claimed by taking
-- a transaction-level advisory lock on it; batches another refresher holds
-- are skipped, so two refreshers never decode the same batch at the same
-- time. The locks go away at commit or rollback. Re-check the claimed
-- batches with unmerged_batches.sql: a batch can be merged and unlocked by
-- another refresher between this statement's snapshot and its lock.
-- $3 lanes, $4 lane: only the batches of that merge lane (see
-- smelt.pending_batches).
select p.batch_id
from smelt.pending_batches($2::integer, $3::integer, $4::integer) as p (batch_id)
where pg_try_advisory_xact_lock(hashtext('smelt.refresh_batch'), (p.batch_id % 2147483648)::integer)
limit $1::integer;
