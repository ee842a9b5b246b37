-- smelt.create_decode_staging()
-- Creates, when missing, the session's decode staging tables pg_temp.stg_posts,
-- pg_temp.stg_comments and pg_temp.stg_users. The C++ decoders fill them
-- (COPY) and smelt.merge_decoded merges them into silver, all in one
-- transaction: the tables are ON COMMIT DELETE ROWS, so every transaction
-- starts with them empty and nothing is left behind. Columns are the contract
-- with the decoders (docs/refresh.md): counters are NULL when the platform did
-- not report them; author_id is NULL when the platform hides the author;
-- language is 'und' when unknown; hashtags_normalized has the same order as
-- hashtags; text holds title and body for platforms that have both.
create or replace function smelt.create_decode_staging()
returns void
language plpgsql
as $$
begin
    if to_regclass('pg_temp.stg_posts') is null then
        create temp table stg_posts (
            source              text,
            post_id             text,
            author_id           text,
            author_username     text,
            created_at          timestamptz,
            observed_at         timestamptz,
            text                text,
            language            text,
            region              text,
            url                 text,
            likes               bigint,
            shares              bigint,
            comments            bigint,
            views               bigint,
            impressions         bigint,
            hashtags            text[],
            hashtags_normalized text[],
            mentions            text[],
            cashtags            text[],
            urls                text[],
            sentiment_compound  double precision,
            sentiment_category  text,
            sentiment_model     text,
            sentiment_status    text,
            batch_id            bigint,
            kafka_partition     integer,
            kafka_offset        bigint
        ) on commit delete rows;
    end if;
    if to_regclass('pg_temp.stg_comments') is null then
        create temp table stg_comments (
            source              text,
            comment_id          text,
            post_id             text,
            author_id           text,
            author_username     text,
            created_at          timestamptz,
            observed_at         timestamptz,
            text                text,
            language            text,
            likes               bigint,
            hashtags            text[],
            hashtags_normalized text[],
            mentions            text[],
            sentiment_compound  double precision,
            sentiment_category  text,
            sentiment_model     text,
            sentiment_status    text,
            batch_id            bigint,
            kafka_partition     integer,
            kafka_offset        bigint
        ) on commit delete rows;
    end if;
    if to_regclass('pg_temp.stg_users') is null then
        create temp table stg_users (
            source          text,
            user_id         text,
            username        text,
            display_name    text,
            followers       bigint,
            following       bigint,
            verified        boolean,
            region          text,
            observed_at     timestamptz,
            batch_id        bigint,
            kafka_partition integer,
            kafka_offset    bigint
        ) on commit delete rows;
    end if;
end;
$$;
