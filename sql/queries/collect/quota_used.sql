-- Quota units a platform spent on the current quota day.
select coalesce(sum(units), 0)
from smelt.collect_quota
where platform = $1 and quota_day = (now() at time zone 'America/Los_Angeles')::date;
