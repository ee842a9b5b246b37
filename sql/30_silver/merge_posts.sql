-- smelt.merge_posts() -> posts written
-- Step of smelt.merge_decoded, after merge_post_observations: merges
-- pg_temp.stg_posts into silver.posts, one write per changed post.
-- grain: one row per post; key: (source, post_id)
-- upstreams: pg_temp.stg_posts, pg_temp.tmp_obs_recomputed, silver.posts
-- Re-merging the stored newest observation itself (a backfill re-decoding
-- bronze) applies its content again, so a new sentiment model replaces the
-- scores (smelt backfill --rescore); unchanged rows are not written.
-- refresh: incremental. Content (text, author, hashtags, sentiment...) comes
-- from the newest observation: the greatest (observed_at, Kafka partition,
-- offset) wins whatever the arrival order. Counters are those carried by
-- the post's newest observation; first_seen_at is the earliest observed_at.
-- Leaves pg_temp.tmp_post_merged (every staged post's merged row, whether it
-- changed, and its previous hashtags, mentions, text and created_at) for
-- the next steps.
create or replace function smelt.merge_posts()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_post_staged;
    create temp table tmp_post_staged on commit drop as
    select distinct on (s.source, s.post_id)
        s.*,
        min(s.observed_at) over newest_first as first_observed_at
    from pg_temp.stg_posts as s
    where s.source is not null and s.post_id is not null
      and s.observed_at is not null and s.created_at is not null
    -- The window sorts the rows as DISTINCT ON needs them, so they are sorted
    -- once (partition by the key alone sorted them twice); its frame is the
    -- whole key, so the minimum is over every staged row of it.
    window newest_first as (partition by s.source, s.post_id
                            order by s.observed_at desc, s.kafka_partition desc nulls last,
                                     s.kafka_offset desc nulls last
                            rows between unbounded preceding and unbounded following)
    order by s.source, s.post_id, s.observed_at desc,
             s.kafka_partition desc nulls last, s.kafka_offset desc nulls last;
    analyze tmp_post_staged (source, post_id);

    drop table if exists pg_temp.tmp_obs_newest;
    create temp table tmp_obs_newest on commit drop as
    select distinct on (r.source, r.post_id) r.*
    from pg_temp.tmp_obs_recomputed as r
    order by r.source, r.post_id, r.observed_at desc;

    drop table if exists pg_temp.tmp_post_merged;
    create temp table tmp_post_merged on commit drop as
    with merged as (
        select
            s.source,
            s.post_id,
            p.post_id is null as is_new,
            case when v.newer then s.author_id else p.author_id end as author_id,
            case when v.newer then s.author_username else p.author_username end as author_username,
            case when v.newer then s.created_at else p.created_at end as created_at,
            case when v.newer then s.text else p.text end as text,
            case when v.newer then coalesce(nullif(s.language, ''), 'und') else p.language end as language,
            case when v.newer then s.region else p.region end as region,
            case when v.newer then s.url else p.url end as url,
            case when v.newer then coalesce(s.hashtags, '{}') else p.hashtags end as hashtags,
            case when v.newer then coalesce(s.hashtags_normalized, '{}') else p.hashtags_normalized end
                as hashtags_normalized,
            case when v.newer then coalesce(s.mentions, '{}') else p.mentions end as mentions,
            case when v.newer then coalesce(s.cashtags, '{}') else p.cashtags end as cashtags,
            case when v.newer then coalesce(s.urls, '{}') else p.urls end as urls,
            case when v.newer then s.sentiment_compound else p.sentiment_compound end as sentiment_compound,
            case when v.newer then s.sentiment_category else p.sentiment_category end as sentiment_category,
            case when v.newer then s.sentiment_model else p.sentiment_model end as sentiment_model,
            case when v.newer then coalesce(s.sentiment_status, 'no_text') else p.sentiment_status end
                as sentiment_status,
            case when n.source is null then p.likes else n.likes_carried end as likes,
            case when n.source is null then p.shares else n.shares_carried end as shares,
            case when n.source is null then p.comments else n.comments_carried end as comments,
            case when n.source is null then p.views else n.views_carried end as views,
            case when n.source is null then p.impressions else n.impressions_carried end as impressions,
            least(p.first_seen_at, s.first_observed_at) as first_seen_at,
            case when v.newer then s.observed_at else p.last_observed_at end as last_observed_at,
            case when v.newer then s.batch_id else p.last_batch_id end as last_batch_id,
            case when v.newer then s.kafka_partition else p.last_kafka_partition end as last_kafka_partition,
            case when v.newer then s.kafka_offset else p.last_kafka_offset end as last_kafka_offset,
            p.created_at as old_created_at,
            p.text as old_text,
            p.hashtags as old_hashtags,
            p.hashtags_normalized as old_hashtags_normalized,
            p.mentions as old_mentions,
            (p.author_id, p.author_username, p.created_at, p.text, p.language, p.region, p.url,
             p.hashtags, p.hashtags_normalized, p.mentions, p.cashtags, p.urls, p.sentiment_compound,
             p.sentiment_category, p.sentiment_model, p.sentiment_status, p.likes, p.shares, p.comments, p.views,
             p.impressions, p.first_seen_at, p.last_observed_at) as old_row
        from tmp_post_staged as s
        left join silver.posts as p on p.source = s.source and p.post_id = s.post_id
        left join tmp_obs_newest as n on n.source = s.source and n.post_id = s.post_id
        cross join lateral (
            select p.post_id is null
                or (s.observed_at, coalesce(s.kafka_partition, -1), coalesce(s.kafka_offset, -1))
                   >= (p.last_observed_at, coalesce(p.last_kafka_partition, -1), coalesce(p.last_kafka_offset, -1))
                   as newer
        ) as v
    ),

    final as (
        select
            m.source,
            m.post_id,
            m.is_new,
            m.author_id,
            m.author_username,
            m.created_at,
            m.text,
            m.language,
            m.region,
            m.url,
            m.hashtags,
            m.hashtags_normalized,
            m.mentions,
            m.cashtags,
            m.urls,
            m.sentiment_compound,
            m.sentiment_category,
            m.sentiment_model, m.sentiment_status,
            m.likes,
            m.shares,
            m.comments,
            m.views,
            m.impressions,
            m.first_seen_at,
            m.last_observed_at,
            m.last_batch_id,
            m.last_kafka_partition,
            m.last_kafka_offset,
            m.old_created_at,
            m.old_text,
            m.old_hashtags,
            m.old_hashtags_normalized,
            m.old_mentions,
            m.is_new
                or m.old_row is distinct from
                   (m.author_id, m.author_username, m.created_at, m.text, m.language, m.region, m.url,
                    m.hashtags, m.hashtags_normalized, m.mentions, m.cashtags, m.urls,
                    m.sentiment_compound, m.sentiment_category, m.sentiment_model, m.sentiment_status, m.likes, m.shares,
                    m.comments, m.views, m.impressions, m.first_seen_at, m.last_observed_at)
                as changed
        from merged as m
    )

    select * from final;

    insert into silver.posts as p (
        source, post_id, author_id, author_username, created_at, text, language, region, url,
        hashtags, hashtags_normalized, mentions, cashtags, urls,
        sentiment_compound, sentiment_category, sentiment_model, sentiment_status,
        likes, shares, comments, views, impressions,
        first_seen_at, last_observed_at, last_batch_id, last_kafka_partition, last_kafka_offset)
    select
        source, post_id, author_id, author_username, created_at, text, language, region, url,
        hashtags, hashtags_normalized, mentions, cashtags, urls,
        sentiment_compound, sentiment_category, sentiment_model, sentiment_status,
        likes, shares, comments, views, impressions,
        first_seen_at, last_observed_at, last_batch_id, last_kafka_partition, last_kafka_offset
    from tmp_post_merged
    where changed
    order by source, post_id
    on conflict (source, post_id) do update
        set author_id = excluded.author_id,
            author_username = excluded.author_username,
            created_at = excluded.created_at,
            text = excluded.text,
            language = excluded.language,
            region = excluded.region,
            url = excluded.url,
            hashtags = excluded.hashtags,
            hashtags_normalized = excluded.hashtags_normalized,
            mentions = excluded.mentions,
            cashtags = excluded.cashtags,
            urls = excluded.urls,
            sentiment_compound = excluded.sentiment_compound,
            sentiment_category = excluded.sentiment_category,
            sentiment_model = excluded.sentiment_model,
            sentiment_status = excluded.sentiment_status,
            likes = excluded.likes,
            shares = excluded.shares,
            comments = excluded.comments,
            views = excluded.views,
            impressions = excluded.impressions,
            first_seen_at = excluded.first_seen_at,
            last_observed_at = excluded.last_observed_at,
            last_batch_id = excluded.last_batch_id,
            last_kafka_partition = excluded.last_kafka_partition,
            last_kafka_offset = excluded.last_kafka_offset,
            updated_at = now();
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
