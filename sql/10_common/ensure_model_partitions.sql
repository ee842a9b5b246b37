-- smelt.ensure_model_partitions(from, to) -> partitions created
-- Creates the monthly partitions of every partitioned silver and gold table
-- (silver.post_observations, silver.user_history,
-- gold.fct_engagement_minute) covering [from, to]. The scheduler calls it
-- daily for the current and next month so that the refresh path rarely
-- creates one.
create or replace function smelt.ensure_model_partitions(p_from timestamptz, p_to timestamptz)
returns integer
language plpgsql
as $$
begin
    return smelt.ensure_time_partitions('silver.post_observations', p_from, p_to)
         + smelt.ensure_time_partitions('silver.user_history', p_from, p_to)
         + smelt.ensure_time_partitions('gold.fct_engagement_minute', p_from, p_to);
end;
$$;
