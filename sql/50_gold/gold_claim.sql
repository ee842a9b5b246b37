-- smelt.gold_claim() -> dirty marks claimed
-- First step of smelt.refresh_gold: reads every dirty mark (smelt.dirty_*)
-- with its version into the session's scope tables, which the later steps
-- and the scoped checks read:
--   pg_temp.gold_scope_posts (source, post_id, changed, version)
--   pg_temp.gold_claimed_minutes (source, post_id, from_at, check_from,
--     version), the posts whose engagement minutes must be recomputed from
--     from_at on (the earliest change of the mark gold has not rebuilt;
--     'infinity' when it has rebuilt them all) and checked from check_from
--     on (the mark's minutes_from: everything written since gold last
--     checked the post)
--   pg_temp.gold_claim_snapshot (snapshot), the snapshot the marks were read
--     in, which tells smelt.gold_release the changes this refresh rebuilt
--   pg_temp.gold_scope_comments (source, comment_id, version)
--   pg_temp.gold_scope_users (source, user_id, version)
-- The marks are read, not locked: merges go on marking keys while the
-- refresh runs, and a key marked again gets a new version. Once the refresh
-- has published, smelt.gold_release deletes the marks whose version is still
-- the claimed one; a mark written meanwhile stays for the next refresh, and
-- when the refresh is blocked or fails every mark stays. No change is ever
-- lost and no merge waits for a refresh's work.
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
        changed integer not null,
        version xid8    not null,
        primary key (source, post_id)
    ) on commit drop;
    drop table if exists pg_temp.gold_claimed_minutes;
    create temp table gold_claimed_minutes (
        source     text        not null,
        post_id    text        not null,
        from_at    timestamptz not null,
        check_from timestamptz not null,
        version    xid8        not null,
        primary key (source, post_id)
    ) on commit drop;
    drop table if exists pg_temp.gold_claim_snapshot;
    create temp table gold_claim_snapshot (snapshot pg_snapshot not null) on commit drop;

    with claimed as materialized (
        select source, post_id, changed, minutes_from, changes, version from smelt.dirty_posts
    ),

    minutes as (
        insert into gold_claimed_minutes
        select
            source, post_id,
            case when changes is null then minutes_from
                 else coalesce((select min(c.from_at) from unnest(changes) as c), 'infinity') end,
            minutes_from, version
        from claimed
        where minutes_from is not null
    ),

    snapshot as (
        insert into gold_claim_snapshot select pg_current_snapshot()
    )

    insert into gold_scope_posts select source, post_id, changed, version from claimed;
    get diagnostics v_posts = row_count;
    select count(*) into v_minutes from gold_claimed_minutes;

    drop table if exists pg_temp.gold_scope_comments;
    create temp table gold_scope_comments (
        source     text not null,
        comment_id text not null,
        version    xid8 not null,
        primary key (source, comment_id)
    ) on commit drop;
    insert into gold_scope_comments select source, comment_id, version from smelt.dirty_comments;
    get diagnostics v_comments = row_count;

    drop table if exists pg_temp.gold_scope_users;
    create temp table gold_scope_users (
        source  text not null,
        user_id text not null,
        version xid8 not null,
        primary key (source, user_id)
    ) on commit drop;
    insert into gold_scope_users select source, user_id, version from smelt.dirty_users;
    get diagnostics v_users = row_count;

    analyze gold_scope_posts;
    analyze gold_claimed_minutes;
    analyze gold_scope_comments;
    analyze gold_scope_users;
    return v_posts + v_minutes + v_comments + v_users;
end;
$$;
