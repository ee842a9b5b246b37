-- check: silver_users_accepted_values
-- severity: error; runs on: refresh
-- guards: Accounts come from the five platforms; followers and following are
--   never negative. Reads the violation index users_invalid_values_idx.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_users_accepted_values',
    'error',
    'silver',
    'refresh',
    'Accounts come from the five platforms; followers and following are never negative. Reads the violation index users_invalid_values_idx.',
    $check$
select u.source, u.user_id, u.followers, u.following
from silver.users as u
where u.source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
   or u.followers < 0 or u.following < 0
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
