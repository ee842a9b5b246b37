-- smelt.merge_users() -> profiles and history rows written
-- Step of smelt.merge_decoded: merges pg_temp.stg_users into silver.users
-- (latest profile) and silver.user_history (profile changes).
-- grain: one row per account / per (account, observed_at) that changed it
-- upstreams: pg_temp.stg_users, silver.users
-- refresh: incremental; identical observations collapse, for one observed_at
-- the copy latest in Kafka wins, and the newest observation wins for the
-- current profile whatever the arrival order. An observation enters the
-- history when its profile differs from the one before it (the previous
-- staged observation of the account, or its current profile). Leaves
-- pg_temp.tmp_user_merged (with dim_changed: the profile or first_seen_at,
-- what gold.dim_user shows, changed) for the dirty marks. first_seen_at
-- moves back when an older observation arrives late (a lagging partition).
create or replace function smelt.merge_users()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_history bigint;
    v_rows    bigint;
begin
    drop table if exists pg_temp.tmp_user_staged;
    create temp table tmp_user_staged on commit drop as
    select distinct on (s.source, s.user_id, s.observed_at) s.*
    from pg_temp.stg_users as s
    where s.source is not null and s.user_id is not null and s.observed_at is not null
    order by s.source, s.user_id, s.observed_at,
             s.kafka_partition desc nulls last, s.kafka_offset desc nulls last;
    analyze tmp_user_staged (source, user_id, observed_at);

    drop table if exists pg_temp.tmp_user_merged;
    create temp table tmp_user_merged on commit drop as
    with latest as (
        select distinct on (s.source, s.user_id)
            s.*,
            min(s.observed_at) over newest_first as first_observed_at
        from tmp_user_staged as s
        -- The window sorts the rows as DISTINCT ON needs them, so they are sorted
        -- once (partition by the key alone sorted them twice); its frame is the
        -- whole key, so the minimum is over every staged row of it.
        window newest_first as (partition by s.source, s.user_id
                                order by s.observed_at desc, s.kafka_partition desc nulls last,
                                         s.kafka_offset desc nulls last
                                rows between unbounded preceding and unbounded following)
        order by s.source, s.user_id, s.observed_at desc,
                 s.kafka_partition desc nulls last, s.kafka_offset desc nulls last
    ),

    merged as (
        select
            l.source,
            l.user_id,
            u.user_id is null as is_new,
            case when v.newer then l.username else u.username end as username,
            case when v.newer then l.display_name else u.display_name end as display_name,
            case when v.newer then l.followers else u.followers end as followers,
            case when v.newer then l.following else u.following end as following,
            case when v.newer then l.verified else u.verified end as verified,
            case when v.newer then l.region else u.region end as region,
            least(u.first_seen_at, l.first_observed_at) as first_seen_at,
            case when v.newer then l.observed_at else u.last_observed_at end as last_observed_at,
            case when v.newer then l.batch_id else u.last_batch_id end as last_batch_id,
            case when v.newer then l.kafka_partition else u.last_kafka_partition end as last_kafka_partition,
            case when v.newer then l.kafka_offset else u.last_kafka_offset end as last_kafka_offset,
            (u.username, u.display_name, u.followers, u.following, u.verified, u.region) as old_profile,
            (u.first_seen_at, u.last_observed_at) as old_times,
            u.first_seen_at as old_first_seen_at
        from latest as l
        left join silver.users as u on u.source = l.source and u.user_id = l.user_id
        cross join lateral (
            select u.user_id is null
                or (l.observed_at, coalesce(l.kafka_partition, -1), coalesce(l.kafka_offset, -1))
                   > (u.last_observed_at, coalesce(u.last_kafka_partition, -1), coalesce(u.last_kafka_offset, -1))
                   as newer
        ) as v
    ),

    final as (
        select
            m.source,
            m.user_id,
            m.is_new,
            m.username,
            m.display_name,
            m.followers,
            m.following,
            m.verified,
            m.region,
            m.first_seen_at,
            m.last_observed_at,
            m.last_batch_id,
            m.last_kafka_partition,
            m.last_kafka_offset,
            m.is_new
                or m.old_profile is distinct from
                   (m.username, m.display_name, m.followers, m.following, m.verified, m.region)
                or m.old_first_seen_at is distinct from m.first_seen_at
                as dim_changed,
            m.is_new
                or m.old_profile is distinct from
                   (m.username, m.display_name, m.followers, m.following, m.verified, m.region)
                or m.old_times is distinct from (m.first_seen_at, m.last_observed_at)
                as changed
        from merged as m
    )

    select * from final;

    perform smelt.ensure_time_partitions('silver.user_history', m.month_start, m.month_start)
    from (select distinct date_trunc('month', observed_at at time zone 'UTC') at time zone 'UTC' as month_start
          from tmp_user_staged) as m;

    with ordered as (
        select
            s.*,
            (s.username, s.display_name, s.followers, s.following, s.verified, s.region) as profile,
            lag((s.username, s.display_name, s.followers, s.following, s.verified, s.region))
                over w as previous_profile,
            lag(s.observed_at) over w is null as is_first,
            (u.username, u.display_name, u.followers, u.following, u.verified, u.region) as current_profile,
            u.user_id is null as is_new
        from tmp_user_staged as s
        left join silver.users as u on u.source = s.source and u.user_id = s.user_id
        window w as (partition by s.source, s.user_id order by s.observed_at)
    )

    insert into silver.user_history (
        source, user_id, observed_at, username, display_name, followers, following, verified, region,
        batch_id, kafka_partition, kafka_offset)
    select
        source, user_id, observed_at, username, display_name, followers, following, verified, region,
        batch_id, kafka_partition, kafka_offset
    from ordered
    where case when is_first then is_new or profile is distinct from current_profile
               else profile is distinct from previous_profile end
    order by source, user_id, observed_at
    on conflict (source, user_id, observed_at) do nothing;
    get diagnostics v_history = row_count;

    insert into silver.users as u (
        source, user_id, username, display_name, followers, following, verified, region,
        first_seen_at, last_observed_at, last_batch_id, last_kafka_partition, last_kafka_offset)
    select
        source, user_id, username, display_name, followers, following, verified, region,
        first_seen_at, last_observed_at, last_batch_id, last_kafka_partition, last_kafka_offset
    from tmp_user_merged
    where changed
    order by source, user_id
    on conflict (source, user_id) do update
        set username = excluded.username,
            display_name = excluded.display_name,
            followers = excluded.followers,
            following = excluded.following,
            verified = excluded.verified,
            region = excluded.region,
            first_seen_at = excluded.first_seen_at,
            last_observed_at = excluded.last_observed_at,
            last_batch_id = excluded.last_batch_id,
            last_kafka_partition = excluded.last_kafka_partition,
            last_kafka_offset = excluded.last_kafka_offset,
            updated_at = now();
    get diagnostics v_rows = row_count;

    return v_history + v_rows;
end;
$$;
