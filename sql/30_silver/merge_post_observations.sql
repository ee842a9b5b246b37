-- smelt.merge_post_observations() -> observations written
-- Step of smelt.merge_decoded: merges pg_temp.stg_posts into
-- silver.post_observations with their carried and gained counters.
-- grain: one row per (post, observed_at); key: (source, post_id, observed_at)
-- upstreams: pg_temp.stg_posts, silver.posts (current counters)
-- refresh: incremental. Identical observations collapse; for one observed_at
-- the copy latest in Kafka (partition, offset) wins. For a post whose new
-- observations all come after its newest known one (the usual case) the new
-- rows are computed from silver.posts' current counters and inserted once.
-- Otherwise (late, out-of-order data) the observation before the earliest
-- new one is looked up and every later observation of the post is
-- recomputed and corrected too.
-- Leaves pg_temp.tmp_obs_changed (per post: earliest changed observed_at)
-- and pg_temp.tmp_obs_recomputed (the rows written) for the next steps.
create or replace function smelt.merge_post_observations()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_inserted bigint;
    v_updated  bigint;
begin
    drop table if exists pg_temp.tmp_obs_staged;
    create temp table tmp_obs_staged on commit drop as
    select distinct on (s.source, s.post_id, s.observed_at)
        s.source, s.post_id, s.observed_at,
        s.likes, s.shares, s.comments, s.views, s.impressions,
        s.batch_id, s.kafka_partition, s.kafka_offset
    from pg_temp.stg_posts as s
    where s.source is not null and s.post_id is not null
      and s.observed_at is not null and s.created_at is not null
    order by s.source, s.post_id, s.observed_at,
             s.kafka_partition desc nulls last, s.kafka_offset desc nulls last;
    analyze tmp_obs_staged (source, post_id, observed_at);

    perform smelt.ensure_time_partitions('silver.post_observations', m.month_start, m.month_start)
    from (select distinct date_trunc('month', observed_at at time zone 'UTC') at time zone 'UTC' as month_start
          from tmp_obs_staged) as m;

    drop table if exists pg_temp.tmp_obs_new;
    create temp table tmp_obs_new on commit drop as
    select s.*, e.source is not null as replaces
    from tmp_obs_staged as s
    left join silver.post_observations as e
        on e.source = s.source and e.post_id = s.post_id and e.observed_at = s.observed_at
    where e.source is null
       or ((s.likes, s.shares, s.comments, s.views, s.impressions)
           is distinct from (e.likes, e.shares, e.comments, e.views, e.impressions)
           and (coalesce(s.kafka_partition, -1), coalesce(s.kafka_offset, -1))
               > (coalesce(e.kafka_partition, -1), coalesce(e.kafka_offset, -1)));

    drop table if exists pg_temp.tmp_obs_changed;
    create temp table tmp_obs_changed on commit drop as
    select
        n.source,
        n.post_id,
        min(n.observed_at) as from_at,
        coalesce(p.last_observed_at >= min(n.observed_at), false) as out_of_order,
        p.last_observed_at,
        p.likes,
        p.shares,
        p.comments,
        p.views,
        p.impressions
    from tmp_obs_new as n
    left join silver.posts as p on p.source = n.source and p.post_id = n.post_id
    group by n.source, n.post_id, p.last_observed_at, p.likes, p.shares, p.comments, p.views, p.impressions;
    analyze tmp_obs_changed;

    drop table if exists pg_temp.tmp_obs_recomputed;
    create temp table tmp_obs_recomputed on commit drop as
    with carry_in as (
        select
            c.source,
            c.post_id,
            case when c.out_of_order then prev.observed_at else c.last_observed_at end as observed_at,
            case when c.out_of_order then prev.likes_carried else c.likes end as likes,
            case when c.out_of_order then prev.shares_carried else c.shares end as shares,
            case when c.out_of_order then prev.comments_carried else c.comments end as comments,
            case when c.out_of_order then prev.views_carried else c.views end as views,
            case when c.out_of_order then prev.impressions_carried else c.impressions end as impressions
        from tmp_obs_changed as c
        left join lateral (
            select
                o.observed_at, o.likes_carried, o.shares_carried, o.comments_carried,
                o.views_carried, o.impressions_carried
            from silver.post_observations as o
            where c.out_of_order
              and o.source = c.source
              and o.post_id = c.post_id
              and o.observed_at < c.from_at
            order by o.observed_at desc
            limit 1
        ) as prev on true
    ),

    later_rows as (
        select
            o.source, o.post_id, o.observed_at, o.likes, o.shares, o.comments, o.views, o.impressions,
            o.batch_id, o.kafka_partition, o.kafka_offset
        from tmp_obs_changed as c
        join silver.post_observations as o
            on o.source = c.source and o.post_id = c.post_id and o.observed_at >= c.from_at
        where c.out_of_order
          and not exists (
              select 1 from tmp_obs_new as n
              where n.source = o.source and n.post_id = o.post_id and n.observed_at = o.observed_at)
    ),

    window_rows as (
        select
            source, post_id, observed_at, likes, shares, comments, views, impressions,
            batch_id, kafka_partition, kafka_offset, true as is_staged, replaces
        from tmp_obs_new
        union all
        select
            source, post_id, observed_at, likes, shares, comments, views, impressions,
            batch_id, kafka_partition, kafka_offset, false, true
        from later_rows
    ),

    carried as (
        select
            w.*,
            coalesce(lag(w.observed_at) over win, c.observed_at) as previous_observed_at,
            coalesce(smelt.last_reported(w.likes) over win, c.likes) as likes_carried,
            coalesce(smelt.last_reported(w.shares) over win, c.shares) as shares_carried,
            coalesce(smelt.last_reported(w.comments) over win, c.comments) as comments_carried,
            coalesce(smelt.last_reported(w.views) over win, c.views) as views_carried,
            coalesce(smelt.last_reported(w.impressions) over win, c.impressions) as impressions_carried,
            c.likes as carry_likes,
            c.shares as carry_shares,
            c.comments as carry_comments,
            c.views as carry_views,
            c.impressions as carry_impressions
        from window_rows as w
        join carry_in as c on c.source = w.source and c.post_id = w.post_id
        window win as (partition by w.source, w.post_id order by w.observed_at
                       rows between unbounded preceding and current row)
    ),

    final as (
        select
            source, post_id, observed_at, likes, shares, comments, views, impressions,
            likes_carried, shares_carried, comments_carried, views_carried, impressions_carried,
            smelt.counter_gained(likes_carried, coalesce(lag(likes_carried) over win, carry_likes))
                as likes_gained,
            smelt.counter_gained(shares_carried, coalesce(lag(shares_carried) over win, carry_shares))
                as shares_gained,
            smelt.counter_gained(comments_carried, coalesce(lag(comments_carried) over win, carry_comments))
                as comments_gained,
            smelt.counter_gained(views_carried, coalesce(lag(views_carried) over win, carry_views))
                as views_gained,
            smelt.counter_gained(impressions_carried,
                                 coalesce(lag(impressions_carried) over win, carry_impressions))
                as impressions_gained,
            previous_observed_at,
            batch_id, kafka_partition, kafka_offset, is_staged, replaces
        from carried
        window win as (partition by source, post_id order by observed_at)
    )

    select * from final;

    insert into silver.post_observations (
        source, post_id, observed_at, likes, shares, comments, views, impressions,
        likes_carried, shares_carried, comments_carried, views_carried, impressions_carried,
        likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
        previous_observed_at, batch_id, kafka_partition, kafka_offset)
    select
        source, post_id, observed_at, likes, shares, comments, views, impressions,
        likes_carried, shares_carried, comments_carried, views_carried, impressions_carried,
        likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
        previous_observed_at, batch_id, kafka_partition, kafka_offset
    from tmp_obs_recomputed
    where is_staged and not replaces
    order by source, post_id, observed_at;
    get diagnostics v_inserted = row_count;

    update silver.post_observations as o
       set likes = r.likes,
           shares = r.shares,
           comments = r.comments,
           views = r.views,
           impressions = r.impressions,
           likes_carried = r.likes_carried,
           shares_carried = r.shares_carried,
           comments_carried = r.comments_carried,
           views_carried = r.views_carried,
           impressions_carried = r.impressions_carried,
           likes_gained = r.likes_gained,
           shares_gained = r.shares_gained,
           comments_gained = r.comments_gained,
           views_gained = r.views_gained,
           impressions_gained = r.impressions_gained,
           previous_observed_at = r.previous_observed_at,
           batch_id = r.batch_id,
           kafka_partition = r.kafka_partition,
           kafka_offset = r.kafka_offset,
           loaded_at = now()
      from tmp_obs_recomputed as r
     where r.replaces
       and o.source = r.source and o.post_id = r.post_id and o.observed_at = r.observed_at
       and (o.likes, o.shares, o.comments, o.views, o.impressions, o.likes_carried, o.shares_carried,
            o.comments_carried, o.views_carried, o.impressions_carried, o.likes_gained, o.shares_gained,
            o.comments_gained, o.views_gained, o.impressions_gained, o.previous_observed_at,
            o.batch_id, o.kafka_partition, o.kafka_offset)
           is distinct from
           (r.likes, r.shares, r.comments, r.views, r.impressions, r.likes_carried, r.shares_carried,
            r.comments_carried, r.views_carried, r.impressions_carried, r.likes_gained, r.shares_gained,
            r.comments_gained, r.views_gained, r.impressions_gained, r.previous_observed_at,
            r.batch_id, r.kafka_partition, r.kafka_offset);
    get diagnostics v_updated = row_count;

    return v_inserted + v_updated;
end;
$$;
