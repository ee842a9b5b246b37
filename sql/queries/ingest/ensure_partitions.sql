-- Daily partitions of bronze.events from yesterday to two days ahead (UTC).
select smelt.ensure_event_partitions((now() at time zone 'UTC')::date - 1, 4);
