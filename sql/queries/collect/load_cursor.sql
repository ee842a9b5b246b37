-- The saved position of one discovery stream (no row: start from the
-- beginning), and whether it was walked to its end less than $4 seconds ago
-- (by this collector or another).
select cursor::text,
       coalesce(walk_ended_at > now() - make_interval(secs => $4::double precision), false)
from smelt.collect_cursors
where platform = $1 and campaign_id = $2::integer and stream = $3;
