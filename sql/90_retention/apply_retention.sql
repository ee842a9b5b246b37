-- smelt.apply_retention(keep_days) -> partitions dropped
-- Drops silver and gold data older than keep_days (default 400; bronze is
-- kept forever). The cutoff is the start of the UTC month that contains
-- smelt.as_of() - keep_days, moved earlier when needed so that it never cuts into a
-- window gold still reads: every mart keeps at least 15 days before its
-- complete_through (the 7-day trending window and the 7 days it is compared
-- with, plus the current day). keep_days below 15 is refused.
-- What goes:
--   monthly partitions of silver.post_observations, silver.user_history and
--   gold.fct_engagement_minute whose upper bound is at or before the
--   cutoff (dropped whole; older rows in their default partitions deleted);
--   posts, comments and accounts last observed before the cutoff, in silver
--   and gold, with their hashtags, mentions, campaign matches and bridges;
--   helper-fact and mart rows of buckets before the cutoff;
--   smelt.refresh_runs and smelt.check_results older than run_log_keep_days.
-- Dirty marks are suppressed meanwhile (retention is not a change to
-- publish), and smelt.refresh_state.retention_cutoff records the cutoff so
-- that later refreshes never write into buckets before it. Serialized with
-- merges and refreshes by their locks. The scheduler runs it daily.
create or replace function smelt.apply_retention(p_keep_days integer default 400)
returns integer
language plpgsql
set client_min_messages = warning
as $$
declare
    v_min_days constant integer := 15;
    v_cutoff    timestamptz;
    v_complete  timestamptz;
    v_log_days  integer := coalesce(smelt.setting('run_log_keep_days')::integer, 30);
    v_dropped   integer := 0;
    v_rows      bigint;
    v_partition record;
    v_suppress  text := coalesce(current_setting('smelt.suppress_dirty_marks', true), '');
begin
    if p_keep_days is null or p_keep_days < v_min_days then
        raise exception 'retention of % days would break the 7-day gold windows; keep at least % days',
            p_keep_days, v_min_days using errcode = 'invalid_parameter_value';
    end if;
    perform pg_advisory_xact_lock(hashtext('smelt.merge_decoded'));
    perform pg_advisory_xact_lock(hashtext('smelt.refresh_gold'));

    v_cutoff := date_trunc('month', (smelt.as_of() - make_interval(days => p_keep_days)) at time zone 'UTC')
                at time zone 'UTC';
    select min(complete_through) into v_complete from gold.mart_freshness;
    if v_complete is not null then
        v_cutoff := least(v_cutoff,
                          date_trunc('month', (v_complete - make_interval(days => v_min_days)) at time zone 'UTC')
                          at time zone 'UTC');
    end if;

    perform set_config('smelt.suppress_dirty_marks', 'on', true);

    for v_partition in
        select
            c.oid::regclass as partition_name,
            substring(pg_get_expr(c.relpartbound, c.oid) from $re$TO \('([^']+)'\)$re$)::timestamptz as upper_bound
        from pg_inherits as i
        join pg_class as c on c.oid = i.inhrelid
        where i.inhparent in ('silver.post_observations'::regclass, 'silver.user_history'::regclass,
                              'gold.fct_engagement_minute'::regclass)
          and pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    loop
        if v_partition.upper_bound <= v_cutoff then
            perform smelt.drop_time_partition(v_partition.partition_name);
            v_dropped := v_dropped + 1;
        end if;
    end loop;

    delete from silver.post_observations_default where observed_at < v_cutoff;
    delete from silver.user_history_default where observed_at < v_cutoff;
    delete from gold.fct_engagement_minute_default where minute < v_cutoff;

    with expired as (
        delete from silver.posts where last_observed_at < v_cutoff returning source, post_id
    ),

    hashtags as (
        delete from silver.post_hashtags as h using expired as e
        where h.source = e.source and h.post_id = e.post_id
    ),

    mentions as (
        delete from silver.post_mentions as m using expired as e
        where m.source = e.source and m.post_id = e.post_id
    ),

    campaigns as (
        delete from silver.campaign_posts as cp using expired as e
        where cp.source = e.source and cp.post_id = e.post_id
    )

    select count(*) into v_rows from expired;

    delete from silver.comments where last_observed_at < v_cutoff;
    delete from silver.users where last_observed_at < v_cutoff;

    with expired as (
        select post_key from gold.fct_posts where last_observed_at < v_cutoff
    ),

    hashtags as (
        delete from gold.bridge_post_hashtag as b using expired as e where b.post_key = e.post_key
    ),

    campaigns as (
        delete from gold.bridge_post_campaign as b using expired as e where b.post_key = e.post_key
    ),

    facts as (
        delete from gold.fct_posts as f using expired as e where f.post_key = e.post_key
    )

    delete from gold.dim_post as d using expired as e where d.post_key = e.post_key;

    delete from gold.fct_comments where last_observed_at < v_cutoff;
    delete from gold.fct_user_activity_daily where day < v_cutoff::date;
    delete from gold.fct_campaign_author_daily where day < v_cutoff::date;

    delete from gold.mart_engagement_minute where minute < v_cutoff;
    delete from gold.mart_hourly_activity where hour < v_cutoff;
    delete from gold.mart_hashtag_sentiment_hourly where hour < v_cutoff;
    delete from gold.mart_hashtag_daily where day < v_cutoff::date;
    delete from gold.mart_campaign_daily where day < v_cutoff::date;
    delete from gold.mart_share_of_voice_daily where day < v_cutoff::date;
    delete from gold.mart_daily_active_users where day < v_cutoff::date;
    delete from gold.mart_volume_by_region_daily where day < v_cutoff::date;
    delete from gold.mart_volume_by_language_daily where day < v_cutoff::date;

    delete from gold.dim_user as u
    where not exists (select 1 from silver.users as s where s.source = u.platform and s.user_id = u.user_id)
      and not exists (select 1 from gold.dim_post as d where d.user_key = u.user_key)
      and not exists (select 1 from gold.fct_posts as f where f.user_key = u.user_key)
      and not exists (select 1 from gold.fct_comments as f where f.user_key = u.user_key)
      and not exists (select 1 from gold.fct_user_activity_daily as a where a.user_key = u.user_key)
      and not exists (select 1 from gold.fct_campaign_author_daily as a where a.user_key = u.user_key);

    delete from smelt.refresh_runs where started_at < now() - make_interval(days => v_log_days);
    delete from smelt.check_results where checked_at < now() - make_interval(days => v_log_days);

    update smelt.refresh_state set retention_cutoff = greatest(retention_cutoff, v_cutoff);
    perform set_config('smelt.suppress_dirty_marks', v_suppress, true);
    return v_dropped;
end;
$$;
