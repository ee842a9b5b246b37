-- The whole migration history, oldest first; installed_at in UTC for display.
select installed_rank,
       version,
       description,
       script,
       kind,
       checksum,
       installed_by,
       to_char(installed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"') as installed_at,
       execution_ms,
       success
from smelt.schema_history
order by installed_rank
