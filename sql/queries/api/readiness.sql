-- Readiness: seconds since gold was last refreshed (NULL before the first
-- refresh). Reads gold only.
select extract(epoch from now() - max(f.refreshed_at))::double precision as refreshed_s_ago
from gold.mart_freshness as f;
