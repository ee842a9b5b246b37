-- smelt.merge_comments() -> comments written
-- Step of smelt.merge_decoded: merges pg_temp.stg_comments into
-- silver.comments, one write per changed comment.
-- grain: one row per comment; key: (source, comment_id)
-- upstreams: pg_temp.stg_comments, silver.comments
-- refresh: incremental; the newest observation (observed_at, then Kafka
-- partition and offset) wins whatever the arrival order; first_seen_at is
-- the earliest observed_at. Leaves pg_temp.tmp_comment_written (the keys
-- written) for the dirty marks. Re-merging the stored newest observation
-- itself (a backfill re-decoding bronze) applies its content again, so a new
-- sentiment model replaces the scores; unchanged rows are not written.
create or replace function smelt.merge_comments()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_comment_merged;
    create temp table tmp_comment_merged on commit drop as
    with staged as (
        select distinct on (s.source, s.comment_id)
            s.*,
            min(s.observed_at) over newest_first as first_observed_at
        from pg_temp.stg_comments as s
        where s.source is not null and s.comment_id is not null
          and s.observed_at is not null and s.created_at is not null
        -- The window sorts the rows as DISTINCT ON needs them, so they are sorted
        -- once (partition by the key alone sorted them twice); its frame is the
        -- whole key, so the minimum is over every staged row of it.
        window newest_first as (partition by s.source, s.comment_id
                                order by s.observed_at desc, s.kafka_partition desc nulls last,
                                         s.kafka_offset desc nulls last
                                rows between unbounded preceding and unbounded following)
        order by s.source, s.comment_id, s.observed_at desc,
                 s.kafka_partition desc nulls last, s.kafka_offset desc nulls last
    ),

    merged as (
        select
            s.source,
            s.comment_id,
            c.comment_id is null as is_new,
            case when v.newer then s.post_id else c.post_id end as post_id,
            case when v.newer then s.author_id else c.author_id end as author_id,
            case when v.newer then s.author_username else c.author_username end as author_username,
            case when v.newer then s.created_at else c.created_at end as created_at,
            case when v.newer then s.text else c.text end as text,
            case when v.newer then coalesce(nullif(s.language, ''), 'und') else c.language end as language,
            case when v.newer then s.likes else c.likes end as likes,
            case when v.newer then coalesce(s.hashtags, '{}') else c.hashtags end as hashtags,
            case when v.newer then coalesce(s.hashtags_normalized, '{}') else c.hashtags_normalized end
                as hashtags_normalized,
            case when v.newer then coalesce(s.mentions, '{}') else c.mentions end as mentions,
            case when v.newer then s.sentiment_compound else c.sentiment_compound end as sentiment_compound,
            case when v.newer then s.sentiment_category else c.sentiment_category end as sentiment_category,
            case when v.newer then s.sentiment_model else c.sentiment_model end as sentiment_model,
            case when v.newer then coalesce(s.sentiment_status, 'no_text') else c.sentiment_status end
                as sentiment_status,
            least(c.first_seen_at, s.first_observed_at) as first_seen_at,
            case when v.newer then s.observed_at else c.last_observed_at end as last_observed_at,
            case when v.newer then s.batch_id else c.last_batch_id end as last_batch_id,
            case when v.newer then s.kafka_partition else c.last_kafka_partition end as last_kafka_partition,
            case when v.newer then s.kafka_offset else c.last_kafka_offset end as last_kafka_offset,
            (c.post_id, c.author_id, c.author_username, c.created_at, c.text, c.language, c.likes,
             c.hashtags, c.hashtags_normalized, c.mentions, c.sentiment_compound, c.sentiment_category,
             c.sentiment_model, c.sentiment_status, c.first_seen_at, c.last_observed_at) as old_row
        from staged as s
        left join silver.comments as c on c.source = s.source and c.comment_id = s.comment_id
        cross join lateral (
            select c.comment_id is null
                or (s.observed_at, coalesce(s.kafka_partition, -1), coalesce(s.kafka_offset, -1))
                   >= (c.last_observed_at, coalesce(c.last_kafka_partition, -1), coalesce(c.last_kafka_offset, -1))
                   as newer
        ) as v
    ),

    final as (
        select
            m.source,
            m.comment_id,
            m.is_new,
            m.post_id,
            m.author_id,
            m.author_username,
            m.created_at,
            m.text,
            m.language,
            m.likes,
            m.hashtags,
            m.hashtags_normalized,
            m.mentions,
            m.sentiment_compound,
            m.sentiment_category,
            m.sentiment_model, m.sentiment_status,
            m.first_seen_at,
            m.last_observed_at,
            m.last_batch_id,
            m.last_kafka_partition,
            m.last_kafka_offset
        from merged as m
        where m.is_new
           or m.old_row is distinct from
              (m.post_id, m.author_id, m.author_username, m.created_at, m.text, m.language, m.likes,
               m.hashtags, m.hashtags_normalized, m.mentions, m.sentiment_compound,
               m.sentiment_category, m.sentiment_model, m.sentiment_status, m.first_seen_at, m.last_observed_at)
    )

    select * from final;

    insert into silver.comments as c (
        source, comment_id, post_id, author_id, author_username, created_at, text, language, likes,
        hashtags, hashtags_normalized, mentions, sentiment_compound, sentiment_category, sentiment_model, sentiment_status,
        first_seen_at, last_observed_at, last_batch_id, last_kafka_partition, last_kafka_offset)
    select
        source, comment_id, post_id, author_id, author_username, created_at, text, language, likes,
        hashtags, hashtags_normalized, mentions, sentiment_compound, sentiment_category, sentiment_model, sentiment_status,
        first_seen_at, last_observed_at, last_batch_id, last_kafka_partition, last_kafka_offset
    from tmp_comment_merged
    order by source, comment_id
    on conflict (source, comment_id) do update
        set post_id = excluded.post_id,
            author_id = excluded.author_id,
            author_username = excluded.author_username,
            created_at = excluded.created_at,
            text = excluded.text,
            language = excluded.language,
            likes = excluded.likes,
            hashtags = excluded.hashtags,
            hashtags_normalized = excluded.hashtags_normalized,
            mentions = excluded.mentions,
            sentiment_compound = excluded.sentiment_compound,
            sentiment_category = excluded.sentiment_category,
            sentiment_model = excluded.sentiment_model,
            sentiment_status = excluded.sentiment_status,
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
