-- Metric: share (%) = part / whole x 100, rounded to 4 decimals; NULL when
-- whole is not positive. Used for share of voice and engagement share.
create or replace function smelt.share_pct(p_part bigint, p_whole bigint)
returns numeric
language sql
immutable
parallel safe
return case when p_whole > 0 then round(100.0 * p_part / p_whole, 4) end;
