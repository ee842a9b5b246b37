select pg_advisory_unlock(hashtext('smelt.collect.' || $1), $2::integer);
