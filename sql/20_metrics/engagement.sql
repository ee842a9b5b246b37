-- Metric: engagement = likes + shares + comments (a counter not reported
-- counts as 0). Applies to current counters and to gained counters alike.
create or replace function smelt.engagement(p_likes bigint, p_shares bigint, p_comments bigint)
returns bigint
language sql
immutable
parallel safe
return coalesce(p_likes, 0) + coalesce(p_shares, 0) + coalesce(p_comments, 0);
