-- Bronze events per minute of event time in [$1, $2), minutes with events
-- only, oldest first: what a backfill plans its chunks from.
select date_trunc('minute', e.observed_at) as minute, count(*) as events
from bronze.events as e
where e.observed_at >= $1::timestamptz
  and e.observed_at < $2::timestamptz
group by 1
order by 1;
