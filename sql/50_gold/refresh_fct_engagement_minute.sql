-- smelt.refresh_fct_engagement_minute() -> minute rows inserted, changed or removed
-- gold.fct_engagement_minute
-- grain: one row per (post, minute of observed_at) with at least one
--   observation; key: (post_key, minute)
-- upstreams: silver.post_observations, pg_temp.gold_claimed_minutes,
--   pg_temp.tmp_post_new, pg_temp.tmp_post_old
-- refresh: incremental. For every claimed post, the minutes from its mark's
-- from_at on (never before the retention cutoff) are recomputed from the
-- observations' gains: likes_gained is the sum of the likes gained by the
-- post's observations in that minute, and so on; reach_gained sums
-- smelt.reach(impressions_gained, views_gained); engagement_gained is
-- smelt.engagement of the gains. A post that joined or left a campaign, or
-- left silver, is recomputed over its whole life. Leaves
-- pg_temp.tmp_minute_old and pg_temp.tmp_minute_new (with each post's old and
-- new campaigns) for the deltas.
create or replace function smelt.refresh_fct_engagement_minute()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_cutoff  timestamptz;
    v_removed bigint;
    v_rows    bigint;
begin
    select retention_cutoff into v_cutoff from smelt.refresh_state;

    insert into pg_temp.gold_claimed_minutes as m (source, post_id, from_at, check_from, version)
    select o.platform, o.post_id, '-infinity', '-infinity', s.version
    from pg_temp.tmp_post_old as o
    join pg_temp.gold_scope_posts as s on s.source = o.platform and s.post_id = o.post_id
    left join pg_temp.tmp_post_new as n on n.post_key = o.post_key
    where n.post_key is null or n.campaign_ids is distinct from o.campaign_ids
    on conflict (source, post_id) do update set from_at = excluded.from_at, check_from = excluded.check_from;

    drop table if exists pg_temp.tmp_minute_old;
    create temp table tmp_minute_old on commit drop as
    select
        f.post_key, o.platform, f.platform_key, f.minute, f.observations,
        f.likes_gained, f.shares_gained, f.comments_gained, f.views_gained, f.impressions_gained,
        f.reach_gained, f.engagement_gained, o.campaign_ids
    from pg_temp.gold_claimed_minutes as c
    join pg_temp.tmp_post_old as o on o.platform = c.source and o.post_id = c.post_id
    join gold.fct_engagement_minute as f
        on f.post_key = o.post_key and f.minute >= greatest(smelt.utc_minute(c.from_at), v_cutoff);

    drop table if exists pg_temp.tmp_minute_new;
    create temp table tmp_minute_new on commit drop as
    with gains as (
        select
            n.post_key,
            n.platform,
            n.platform_key,
            n.campaign_ids,
            smelt.utc_minute(o.observed_at) as minute,
            count(*)::integer as observations,
            coalesce(sum(o.likes_gained), 0)::bigint as likes_gained,
            coalesce(sum(o.shares_gained), 0)::bigint as shares_gained,
            coalesce(sum(o.comments_gained), 0)::bigint as comments_gained,
            coalesce(sum(o.views_gained), 0)::bigint as views_gained,
            coalesce(sum(o.impressions_gained), 0)::bigint as impressions_gained,
            coalesce(sum(smelt.reach(o.impressions_gained, o.views_gained)), 0)::bigint as reach_gained
        from pg_temp.gold_claimed_minutes as c
        join pg_temp.tmp_post_new as n on n.platform = c.source and n.post_id = c.post_id
        join silver.post_observations as o
            on o.source = c.source and o.post_id = c.post_id
           and o.observed_at >= greatest(smelt.utc_minute(c.from_at), v_cutoff)
        group by n.post_key, n.platform, n.platform_key, n.campaign_ids, smelt.utc_minute(o.observed_at)
    ),

    final as (
        select
            post_key, platform, platform_key, minute, observations,
            likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
            reach_gained, smelt.engagement(likes_gained, shares_gained, comments_gained) as engagement_gained,
            campaign_ids
        from gains
    )

    select * from final;

    analyze tmp_minute_old (post_key, minute);
    analyze tmp_minute_new (post_key, minute);

    delete from gold.fct_engagement_minute as f
     using tmp_minute_old as o
     where f.post_key = o.post_key and f.minute = o.minute
       and not exists (select 1 from tmp_minute_new as n where n.post_key = o.post_key and n.minute = o.minute);
    get diagnostics v_removed = row_count;

    perform smelt.ensure_time_partitions('gold.fct_engagement_minute', m.month_start, m.month_start)
    from (select distinct date_trunc('month', minute at time zone 'UTC') at time zone 'UTC' as month_start
          from tmp_minute_new) as m;

    insert into gold.fct_engagement_minute as f (
        post_key, minute, platform_key, date_key, observations, likes_gained, shares_gained,
        comments_gained, views_gained, impressions_gained, reach_gained, engagement_gained)
    select
        post_key, minute, platform_key, smelt.date_key(smelt.utc_day(minute)), observations,
        likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
        reach_gained, engagement_gained
    from tmp_minute_new
    order by post_key, minute
    on conflict (post_key, minute) do update
        set platform_key = excluded.platform_key,
            date_key = excluded.date_key,
            observations = excluded.observations,
            likes_gained = excluded.likes_gained,
            shares_gained = excluded.shares_gained,
            comments_gained = excluded.comments_gained,
            views_gained = excluded.views_gained,
            impressions_gained = excluded.impressions_gained,
            reach_gained = excluded.reach_gained,
            engagement_gained = excluded.engagement_gained
        where (f.platform_key, f.date_key, f.observations, f.likes_gained, f.shares_gained,
               f.comments_gained, f.views_gained, f.impressions_gained, f.reach_gained,
               f.engagement_gained)
              is distinct from
              (excluded.platform_key, excluded.date_key, excluded.observations, excluded.likes_gained,
               excluded.shares_gained, excluded.comments_gained, excluded.views_gained,
               excluded.impressions_gained, excluded.reach_gained, excluded.engagement_gained);
    get diagnostics v_rows = row_count;

    return v_removed + v_rows;
end;
$$;
