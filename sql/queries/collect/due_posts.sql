-- Tracked posts of a platform due for a re-poll, youngest first (their
-- counters change most), at most $2; locked for this collector.
select post_id
from smelt.collect_tracked_posts
where platform = $1 and not retired and next_poll_at <= now()
order by created_at desc
limit $2::integer
for update skip locked;
