-- What the gold refresh of run $1 came to: status ('ok', 'blocked',
-- 'failed'), rows written and error, from its 'gold' row in smelt.refresh_runs.
select r.status, r.rows, r.error
from smelt.refresh_runs as r
where r.run_id = $1 and r.model = 'gold'
order by r.refresh_run_id desc
limit 1;
