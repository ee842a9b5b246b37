-- The checks that kept the gold refresh of run $1 from publishing.
select c.check_name, c.failing_rows
from smelt.check_results as c
where c.run_id = $1 and c.blocked_publish
order by c.check_name;
