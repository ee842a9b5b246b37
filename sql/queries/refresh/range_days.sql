-- [$1, $2) cut at UTC midnights (the session's TimeZone is UTC): one row
-- per day it touches, with the part of the range in that day, oldest first.
-- A backfill refreshes gold a day at a time.
select greatest(d, $1::timestamptz) as day_from, least(d + interval '1 day', $2::timestamptz) as day_to
from generate_series(date_trunc('day', $1::timestamptz), $2::timestamptz, interval '1 day') as d
where d < $2::timestamptz
order by d;
