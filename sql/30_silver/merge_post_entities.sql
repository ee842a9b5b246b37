-- smelt.merge_post_entities() -> hashtag and mention rows written
-- Step of smelt.merge_decoded, after merge_posts: explodes the hashtags and
-- mentions of posts whose content changed into silver.post_hashtags and
-- silver.post_mentions. Leaves pg_temp.tmp_post_entities (what changed per
-- post) and pg_temp.tmp_campaign_targets (posts whose campaign matches must
-- be re-evaluated, for smelt.sync_campaign_posts).
-- grain: one row per (post, normalized hashtag) / (post, mention)
-- upstreams: pg_temp.tmp_post_merged
-- refresh: incremental; a post's rows are replaced when its hashtags,
-- mentions or created_at changed. A hashtag written twice in one post (in
-- any spelling) counts once, with the spelling of its first occurrence
-- (without a leading '#').
create or replace function smelt.merge_post_entities()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows    bigint := 0;
    v_step    bigint;
begin
    drop table if exists pg_temp.tmp_post_entities;
    create temp table tmp_post_entities on commit drop as
    select
        c.source,
        c.post_id,
        c.created_at,
        c.text,
        c.hashtags,
        c.hashtags_normalized,
        c.mentions,
        c.is_new
            or c.old_created_at is distinct from c.created_at
            or c.old_hashtags is distinct from c.hashtags
            or c.old_hashtags_normalized is distinct from c.hashtags_normalized
            as hashtags_changed,
        c.is_new
            or c.old_created_at is distinct from c.created_at
            or c.old_mentions is distinct from c.mentions
            as mentions_changed,
        c.is_new
            or c.old_created_at is distinct from c.created_at
            or c.old_text is distinct from c.text
            or c.old_hashtags_normalized is distinct from c.hashtags_normalized
            as campaign_inputs_changed
    from pg_temp.tmp_post_merged as c
    where c.changed;

    delete from silver.post_hashtags as h
     using tmp_post_entities as e
     where e.hashtags_changed and h.source = e.source and h.post_id = e.post_id;

    insert into silver.post_hashtags (source, post_id, hashtag, display_hashtag, position, created_at)
    select e.source, e.post_id, t.hashtag, t.display_hashtag, t.position, e.created_at
    from tmp_post_entities as e
    cross join lateral (
        select distinct on (u.hashtag)
            u.hashtag,
            coalesce(nullif(ltrim(u.display_hashtag, '#＃'), ''), u.hashtag) as display_hashtag,
            u.position::smallint as position
        from unnest(e.hashtags_normalized, e.hashtags) with ordinality as u (hashtag, display_hashtag, position)
        where u.hashtag is not null and u.hashtag <> ''
        order by u.hashtag, u.position
    ) as t
    where e.hashtags_changed
    order by e.source, e.post_id, t.position;
    get diagnostics v_step = row_count;
    v_rows := v_rows + v_step;

    delete from silver.post_mentions as m
     using tmp_post_entities as e
     where e.mentions_changed and m.source = e.source and m.post_id = e.post_id;

    insert into silver.post_mentions (source, post_id, mention, position, created_at)
    select e.source, e.post_id, t.mention, t.position, e.created_at
    from tmp_post_entities as e
    cross join lateral (
        select distinct on (lower(ltrim(u.mention, '@')))
            lower(ltrim(u.mention, '@')) as mention,
            u.position::smallint as position
        from unnest(e.mentions) with ordinality as u (mention, position)
        where coalesce(ltrim(u.mention, '@'), '') <> ''
        order by lower(ltrim(u.mention, '@')), u.position
    ) as t
    where e.mentions_changed
    order by e.source, e.post_id, t.position;
    get diagnostics v_step = row_count;
    v_rows := v_rows + v_step;

    drop table if exists pg_temp.tmp_campaign_targets;
    create temp table tmp_campaign_targets on commit drop as
    select source, post_id, created_at, text, hashtags_normalized
    from tmp_post_entities
    where campaign_inputs_changed;

    return v_rows;
end;
$$;
