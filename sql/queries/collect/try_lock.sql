-- One collector at a time per platform and campaign ($2 = 0: the platform's re-polls).
select pg_try_advisory_lock(hashtext('smelt.collect.' || $1), $2::integer);
