-- Takes the migration lock if it is free; $1 is the lock key. Session-level:
-- held across the run's transactions until unlock or disconnect.
select pg_try_advisory_lock($1)
