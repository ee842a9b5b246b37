-- Metric: average sentiment = sum of sentiment_compound / number of scored
-- posts, rounded to 4 decimals; NULL when no post was scored.
create or replace function smelt.average_sentiment(p_sentiment_sum numeric, p_scored bigint)
returns numeric
language sql
immutable
parallel safe
return case when p_scored > 0 then round(p_sentiment_sum / p_scored, 4) end;
