-- Starts tracking newly discovered posts ($3 ids, $4 creation times in
-- microseconds); the first re-poll follows the decaying schedule
-- ($5 minimum interval s, $6 fraction of the age, $7 maximum interval s).
insert into smelt.collect_tracked_posts (platform, post_id, campaign_id, created_at, next_poll_at)
select $1, p.post_id, $2::integer, to_timestamp(p.created_us / 1e6),
       now() + least(greatest(make_interval(secs => $5::float8),
                              (now() - to_timestamp(p.created_us / 1e6)) * $6::float8),
                     make_interval(secs => $7::float8))
from unnest($3::text[], $4::bigint[]) as p (post_id, created_us)
on conflict (platform, post_id) do nothing;
