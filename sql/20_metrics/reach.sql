-- Metric: reach = impressions, or views for a post whose platform reports no
-- impressions (TikTok, YouTube, X v1.1). NULL when it reports neither
-- (Reddit, Instagram media): such posts add engagement but no reach.
create or replace function smelt.reach(p_impressions bigint, p_views bigint)
returns bigint
language sql
immutable
parallel safe
return coalesce(p_impressions, p_views);
