-- Metric: counter gained (likes, shares, comments, views, impressions gained).
-- smelt.counter_gained(carried, previous_carried) -> how much a cumulative
-- counter moved between two consecutive observations of a post. Both values
-- are carried forward (the counter as last reported); a post's first report
-- gains its whole value (counters are 0 at creation). NULL while the post has
-- never reported the counter. Negative when the platform lowered it.
create or replace function smelt.counter_gained(p_carried bigint, p_previous_carried bigint)
returns bigint
language sql
immutable
parallel safe
return case when p_carried is not null then p_carried - coalesce(p_previous_carried, 0) end;
