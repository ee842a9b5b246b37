-- Runs the deferrable checks over what gold published without them, as run
-- $1 (smelt.check_deferred), and returns each result with a sample of
-- offending rows: failures first.
select r.check_name, r.severity, r.failing_rows, r.sample::text, c.guards
from smelt.check_deferred($1) as r
join smelt.checks as c on c.check_name = r.check_name
order by (r.failing_rows > 0 and r.severity = 'error') desc, (r.failing_rows > 0) desc, r.check_name;
