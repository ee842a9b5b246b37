-- After a re-poll Kafka acknowledged: the next one after
-- clamp(age x $4, $3 s, $5 s); retired once older than $6 s.
update smelt.collect_tracked_posts
set last_polled_at = now(),
    polls = polls + 1,
    next_poll_at = now() + least(greatest(make_interval(secs => $3::float8), (now() - created_at) * $4::float8),
                                 make_interval(secs => $5::float8)),
    retired = now() - created_at > make_interval(secs => $6::float8)
where platform = $1 and post_id = any ($2::text[]);
