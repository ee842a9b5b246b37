-- smelt.gold_snapshot() -> posts and comments snapshotted
-- Second step of smelt.refresh_gold: copies the gold state of the claimed
-- posts and comments, as it is before this refresh changes anything, into
--   pg_temp.tmp_post_old    (what each post contributes to the marts)
--   pg_temp.tmp_comment_old (what each comment contributes)
-- The marts are then moved by (new contribution - old contribution).
create or replace function smelt.gold_snapshot()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_posts    bigint;
    v_comments bigint;
begin
    drop table if exists pg_temp.tmp_post_old;
    create temp table tmp_post_old on commit drop as
    select
        d.post_key,
        d.platform,
        d.post_id,
        f.platform_key,
        f.user_key,
        f.created_at,
        f.language,
        f.region,
        f.sentiment_compound,
        f.sentiment_category,
        f.hashtags,
        f.campaign_ids
    from pg_temp.gold_scope_posts as s
    join gold.dim_post as d on d.platform = s.source and d.post_id = s.post_id
    join gold.fct_posts as f on f.post_key = d.post_key;
    get diagnostics v_posts = row_count;

    drop table if exists pg_temp.tmp_comment_old;
    create temp table tmp_comment_old on commit drop as
    select
        f.platform_key,
        p.platform,
        f.comment_id,
        f.user_key,
        f.created_at,
        f.language
    from pg_temp.gold_scope_comments as s
    join gold.dim_platform as p on p.platform = s.source
    join gold.fct_comments as f on f.platform_key = p.platform_key and f.comment_id = s.comment_id;
    get diagnostics v_comments = row_count;

    analyze tmp_post_old (post_key, platform, post_id);
    analyze tmp_comment_old (platform_key, comment_id);
    return v_posts + v_comments;
end;
$$;
