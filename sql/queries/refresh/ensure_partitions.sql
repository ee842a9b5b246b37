-- Partition maintenance: the daily partitions of bronze.events from
-- yesterday to two days ahead and the monthly partitions of the silver and
-- gold tables for this month and the next; returns how many were created.
select smelt.ensure_event_partitions((now() at time zone 'UTC')::date - 1, 4)
     + smelt.ensure_model_partitions(now() - interval '1 day', now() + interval '1 month');
