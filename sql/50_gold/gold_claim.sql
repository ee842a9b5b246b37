-- smelt.gold_claim() -> dirty marks claimed
-- First step of smelt.refresh_gold: reads every dirty mark (smelt.dirty_*)
-- into the session's scope tables, one row per key with the versions of the
-- marks read for it (a key has a mark per transaction that marked it), which
-- the later steps and the scoped checks read:
--   pg_temp.gold_scope_posts (source, post_id, changed, versions)
--   pg_temp.gold_claimed_minutes (source, post_id, from_at), the posts
--     whose engagement minutes must be recomputed from from_at on
--   pg_temp.gold_scope_comments (source, comment_id, versions)
--   pg_temp.gold_scope_users (source, user_id, versions)
-- The marks are read, not locked: merges go on marking keys while the
-- refresh runs, each with a mark of its own. Once the refresh has published,
-- smelt.gold_release deletes exactly the marks it read; a mark written
-- meanwhile stays, with its own minutes_from, for the next refresh, and when
-- the refresh is blocked or fails every mark stays. No change is ever lost
-- and no merge waits for a refresh's work.
create or replace function smelt.gold_claim()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_posts    bigint;
    v_minutes  bigint;
    v_comments bigint;
    v_users    bigint;
begin
    drop table if exists pg_temp.gold_scope_posts;
    create temp table gold_scope_posts (
        source  text    not null,
        post_id text    not null,
        changed  integer not null,
        versions xid8[]  not null,
        primary key (source, post_id)
    ) on commit drop;
    drop table if exists pg_temp.gold_claimed_minutes;
    create temp table gold_claimed_minutes (
        source  text        not null,
        post_id text        not null,
        from_at timestamptz not null,
        primary key (source, post_id)
    ) on commit drop;

    with claimed as materialized (
        select source, post_id, bit_or(changed) as changed, min(minutes_from) as minutes_from,
               array_agg(version) as versions
        from smelt.dirty_posts
        group by source, post_id
    ),

    minutes as (
        insert into gold_claimed_minutes
        select source, post_id, minutes_from from claimed where minutes_from is not null
    )

    insert into gold_scope_posts select source, post_id, changed, versions from claimed;
    get diagnostics v_posts = row_count;
    select count(*) into v_minutes from gold_claimed_minutes;

    drop table if exists pg_temp.gold_scope_comments;
    create temp table gold_scope_comments (
        source     text not null,
        comment_id text not null,
        versions   xid8[] not null,
        primary key (source, comment_id)
    ) on commit drop;
    insert into gold_scope_comments
    select source, comment_id, array_agg(version) from smelt.dirty_comments group by source, comment_id;
    get diagnostics v_comments = row_count;

    drop table if exists pg_temp.gold_scope_users;
    create temp table gold_scope_users (
        source  text not null,
        user_id text not null,
        versions xid8[] not null,
        primary key (source, user_id)
    ) on commit drop;
    insert into gold_scope_users
    select source, user_id, array_agg(version) from smelt.dirty_users group by source, user_id;
    get diagnostics v_users = row_count;

    analyze gold_scope_posts;
    analyze gold_claimed_minutes;
    analyze gold_scope_comments;
    analyze gold_scope_users;
    return v_posts + v_minutes + v_comments + v_users;
end;
$$;
