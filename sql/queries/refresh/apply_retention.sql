-- Drops silver and gold data older than $1 days; returns partitions dropped.
select smelt.apply_retention($1::integer);
