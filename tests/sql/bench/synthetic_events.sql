-- Synthetic decoded traffic for the refresh benchmark (not part of smelt):
-- bench.stage(from_second, to_second, rate) stages, as the decoders would,
-- the observations made in [from_second, to_second) of a simulated stream in
-- which `rate` posts are created per second on the five platforms and each
-- post is observed at creation and every minute for nine more minutes, plus
-- their authors' profiles and a comment on every seventh post. Second 0 is
-- 2026-03-01 00:00 UTC. At steady state (after 540 s) the stream has
-- 10 x rate events per second.
create schema if not exists bench;

create or replace function bench.stage(p_from integer, p_to integer, p_rate integer default 28)
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    perform smelt.create_decode_staging();

    insert into pg_temp.stg_posts (
        source, post_id, author_id, author_username, created_at, observed_at, text, language, region,
        likes, shares, comments, views, impressions, hashtags, hashtags_normalized, mentions, cashtags, urls,
        sentiment_compound, sentiment_category, sentiment_model, batch_id, kafka_partition, kafka_offset)
    select
        e.source, e.post::text, 'u' || (e.post * 7919 % 50000), 'user' || (e.post * 7919 % 50000),
        e.t0 + make_interval(secs => e.created_second),
        e.t0 + make_interval(secs => e.created_second + 60 * e.step),
        case when e.post % 10 = 0 then 'Check the Aurora X2 today' else 'just a post' end,
        (array['en', 'es', 'de', 'pt'])[1 + e.post % 4],
        (array['US', 'GB', 'DE', 'BR', null])[1 + e.post % 5],
        e.step * (e.post % 13), e.step * (e.post % 3), e.step * (e.post % 5),
        case when e.source in ('tiktok', 'youtube') then e.step * 100 end,
        case when e.source = 'x' then e.step * 150 end,
        array['#tag' || (e.post % 97), '#Topic' || (e.post % 1000)],
        array['tag' || (e.post % 97), 'topic' || (e.post % 1000)],
        '{}', '{}', '{}',
        ((e.post % 21) - 10) / 10.0,
        case when e.post % 21 > 12 then 'positive' when e.post % 21 < 8 then 'negative' else 'neutral' end,
        'bench', 1, (e.post % 8)::integer, e.post * 10 + e.step
    from (
        select
            s as created_second,
            s::bigint * p_rate + r as post,
            j as step,
            (array['x', 'instagram', 'tiktok', 'youtube', 'reddit'])[1 + (s * p_rate + r) % 5] as source,
            timestamptz '2026-03-01 00:00:00+00' as t0
        from generate_series(greatest(p_from - 540, 0), p_to - 1) as s
        cross join generate_series(0, p_rate - 1) as r
        cross join generate_series(0, 9) as j
        where s + 60 * j >= p_from and s + 60 * j < p_to
    ) as e;
    get diagnostics v_rows = row_count;

    insert into pg_temp.stg_users (
        source, user_id, username, display_name, followers, following, verified, region, observed_at,
        batch_id, kafka_partition, kafka_offset)
    select distinct on (source, author_id)
        source, author_id, author_username, author_username, 100, 10, false, region, observed_at,
        1, kafka_partition, kafka_offset
    from pg_temp.stg_posts
    order by source, author_id, observed_at desc;

    insert into pg_temp.stg_comments (
        source, comment_id, post_id, author_id, author_username, created_at, observed_at, text, language,
        likes, sentiment_compound, sentiment_category, sentiment_model, batch_id, kafka_partition,
        kafka_offset)
    select
        source, 'c' || post_id || '_' || extract(epoch from observed_at)::bigint, post_id,
        'u' || (post_id::bigint * 31 % 50000), 'commenter', observed_at, observed_at, 'ok', language, 0,
        0.1, 'positive', 'bench', 1, kafka_partition, kafka_offset
    from pg_temp.stg_posts
    where post_id::bigint % 7 = 0;

    return v_rows;
end;
$$;
