-- Releases the migration lock; $1 is the lock key.
select pg_advisory_unlock($1)
