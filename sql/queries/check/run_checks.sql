-- Runs every registered check over all data (or only those of severity $2,
-- when not NULL) for run $1, records each result in smelt.check_results and
-- returns them with the guarded rule and a sample of offending rows.
select r.check_name, r.severity, r.failing_rows, r.sample::text, c.guards
from smelt.run_checks($1, $2) as r
join smelt.checks as c on c.check_name = r.check_name
order by (r.failing_rows > 0 and r.severity = 'error') desc, (r.failing_rows > 0) desc, r.check_name;
