-- Metric: engagement rate (%) = engagement / reach x 100, rounded to 4
-- decimals; NULL when reach is not positive.
create or replace function smelt.engagement_rate(p_engagement bigint, p_reach bigint)
returns numeric
language sql
immutable
parallel safe
return case when p_reach > 0 then round(100.0 * p_engagement / p_reach, 4) end;
