-- Test helpers for the SQL tests (not part of smelt): stage decoded rows the
-- way the C++ decoders do, then merge them. Included with \ir by each test.
create schema if not exists test;

-- test.post(...) stages one post observation in pg_temp.stg_posts.
create or replace function test.post(
    p_source text, p_post_id text, p_observed_at timestamptz,
    p_likes bigint default null, p_shares bigint default null, p_comments bigint default null,
    p_views bigint default null, p_impressions bigint default null,
    p_hashtags text[] default '{}', p_text text default 'a post',
    p_created_at timestamptz default null, p_author_id text default 'u1',
    p_sentiment double precision default 0.0, p_category text default 'neutral',
    p_language text default 'en', p_region text default null,
    p_kafka_partition integer default 0, p_kafka_offset bigint default null,
    p_batch_id bigint default 1, p_mentions text[] default '{}', p_sentiment_status text default null)
returns void
language plpgsql
as $$
begin
    perform smelt.create_decode_staging();
    insert into pg_temp.stg_posts (
        source, post_id, author_id, author_username, created_at, observed_at, text, language, region,
        url, likes, shares, comments, views, impressions, hashtags, hashtags_normalized, mentions,
        cashtags, urls, sentiment_compound, sentiment_category, sentiment_model, sentiment_status, batch_id,
        kafka_partition, kafka_offset)
    values (
        p_source, p_post_id, p_author_id, 'name_' || p_author_id,
        coalesce(p_created_at, date_trunc('hour', p_observed_at)), p_observed_at, p_text,
        p_language, p_region, null, p_likes, p_shares, p_comments, p_views, p_impressions,
        p_hashtags, array(select smelt.normalize_hashtag(h) from unnest(p_hashtags) as h),
        p_mentions, '{}', '{}', p_sentiment, p_category,
        case when p_sentiment is not null then 'test-model' end,
        coalesce(p_sentiment_status,
                 case when p_sentiment is not null then 'scored'
                      when p_text is null then 'no_text'
                      else 'unsupported_language' end),
        p_batch_id, p_kafka_partition,
        coalesce(p_kafka_offset, (extract(epoch from p_observed_at) * 1000)::bigint));
end;
$$;

-- test.comment(...) stages one comment observation in pg_temp.stg_comments.
create or replace function test.comment(
    p_source text, p_comment_id text, p_post_id text, p_author_id text, p_created_at timestamptz,
    p_observed_at timestamptz default null, p_language text default 'en',
    p_sentiment double precision default 0.0, p_category text default 'neutral',
    p_kafka_partition integer default 0)
returns void
language plpgsql
as $$
begin
    perform smelt.create_decode_staging();
    insert into pg_temp.stg_comments (
        source, comment_id, post_id, author_id, author_username, created_at, observed_at, text,
        language, likes, hashtags, hashtags_normalized, mentions, sentiment_compound,
        sentiment_category, sentiment_model, sentiment_status, batch_id, kafka_partition, kafka_offset)
    values (
        p_source, p_comment_id, p_post_id, p_author_id, 'name_' || p_author_id, p_created_at,
        coalesce(p_observed_at, p_created_at), 'a comment', p_language, 0, '{}', '{}', '{}',
        p_sentiment, p_category, case when p_sentiment is not null then 'test-model' end,
        case when p_sentiment is not null then 'scored' else 'unsupported_language' end, 1, p_kafka_partition,
        (extract(epoch from coalesce(p_observed_at, p_created_at)) * 1000)::bigint);
end;
$$;

-- test.profile(...) stages one account profile in pg_temp.stg_users.
create or replace function test.profile(
    p_source text, p_user_id text, p_observed_at timestamptz, p_followers bigint default 100,
    p_region text default 'US', p_username text default null)
returns void
language plpgsql
as $$
begin
    perform smelt.create_decode_staging();
    insert into pg_temp.stg_users (
        source, user_id, username, display_name, followers, following, verified, region,
        observed_at, batch_id, kafka_partition, kafka_offset)
    values (
        p_source, p_user_id, coalesce(p_username, 'name_' || p_user_id), 'Name ' || p_user_id,
        p_followers, 10, false, p_region, p_observed_at, 1, 0,
        (extract(epoch from p_observed_at) * 1000)::bigint);
end;
$$;

-- test.merge(run_id) merges what is staged, as a backfill would (no batches).
create or replace function test.merge(p_run_id text default 'test')
returns void
language plpgsql
as $$
begin
    perform smelt.create_decode_staging();
    call smelt.merge_decoded(p_run_id, null);
end;
$$;

-- test.refresh(run_id) -> the status of the gold refresh ('ok', 'blocked', 'failed').
create or replace function test.refresh(p_run_id text default 'test')
returns text
language plpgsql
as $$
declare
    v_status text;
begin
    call smelt.refresh_gold(p_run_id);
    select r.status into v_status
    from smelt.refresh_runs as r
    where r.run_id = p_run_id and r.model = 'gold'
    order by r.refresh_run_id desc
    limit 1;
    return v_status;
end;
$$;

-- test.gold_fingerprint(except) -> an md5 of the content of every gold table
-- but those listed, to compare gold before and after something that must
-- not change it.
create or replace function test.gold_fingerprint(p_except text[] default '{}')
returns text
language plpgsql
as $$
declare
    v_table record;
    v_parts text := '';
    v_hash  text;
begin
    for v_table in
        select c.relname
        from pg_class as c
        join pg_namespace as n on n.oid = c.relnamespace
        where n.nspname = 'gold' and c.relkind in ('r', 'p') and not c.relispartition
          and c.relname <> all (p_except)
        order by c.relname
    loop
        execute format(
            'select md5(coalesce(string_agg(t::text, %L order by t::text), %L)) from '
            '(select * from gold.%I) as t',
            '|', '', v_table.relname)
           into v_hash;
        v_parts := v_parts || v_table.relname || ':' || v_hash || ';';
    end loop;
    return md5(v_parts);
end;
$$;

-- test.merge_live(run_id, batch_ids) merges what is staged as the live
-- pipeline does (records the batches, advances the watermarks).
create or replace function test.merge_live(p_run_id text, p_batch_ids bigint[])
returns void
language plpgsql
as $$
begin
    perform smelt.create_decode_staging();
    call smelt.merge_decoded(p_run_id, p_batch_ids);
end;
$$;
