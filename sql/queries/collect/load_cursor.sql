-- The saved position of one discovery stream (no row: start from the beginning).
select cursor::text
from smelt.collect_cursors
where platform = $1 and campaign_id = $2::integer and stream = $3;
