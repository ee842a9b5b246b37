-- smelt.sync_campaign_posts() -> campaign match rows inserted, changed or removed
-- Re-evaluates the campaign matches of the posts in pg_temp.tmp_campaign_targets
-- (source, post_id, created_at, text, hashtags_normalized) against every
-- campaign in smelt.campaigns, with smelt.campaign_match, and writes the
-- difference to silver.campaign_posts.
-- grain: one row per (campaign, post); key: (campaign_id, source, post_id)
-- upstreams: pg_temp.tmp_campaign_targets, smelt.campaigns
-- refresh: incremental, for the target posts only. Called by merge_decoded
-- (posts whose text, hashtags or created_at changed) and
-- smelt.rematch_campaigns (backfill). Leaves pg_temp.tmp_campaign_changed
-- (source, post_id, membership_changed) for the dirty marks.
create or replace function smelt.sync_campaign_posts()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_deleted  bigint;
    v_upserted bigint;
begin
    if to_regclass('pg_temp.tmp_campaign_targets') is null then
        return 0;
    end if;

    drop table if exists pg_temp.tmp_campaign_matches;
    create temp table tmp_campaign_matches on commit drop as
    select c.campaign_id, t.source, t.post_id, t.created_at, m.matched_by
    from pg_temp.tmp_campaign_targets as t
    cross join smelt.campaigns as c
    cross join lateral (
        select smelt.campaign_match(c.hashtags, c.keywords, c.starts_at, c.ends_at,
                                    t.hashtags_normalized, t.text, t.created_at) as matched_by
    ) as m
    where m.matched_by is not null;

    drop table if exists pg_temp.tmp_campaign_changed;
    create temp table tmp_campaign_changed (
        source             text    not null,
        post_id            text    not null,
        membership_changed boolean not null
    ) on commit drop;

    with removed as (
        delete from silver.campaign_posts as cp
         using pg_temp.tmp_campaign_targets as t
         where cp.source = t.source and cp.post_id = t.post_id
           and not exists (
               select 1 from tmp_campaign_matches as m
               where m.campaign_id = cp.campaign_id and m.source = cp.source and m.post_id = cp.post_id)
        returning cp.source, cp.post_id
    )

    insert into tmp_campaign_changed select source, post_id, true from removed;
    get diagnostics v_deleted = row_count;

    with upserted as (
        insert into silver.campaign_posts as cp (campaign_id, source, post_id, created_at, matched_by)
        select campaign_id, source, post_id, created_at, matched_by
        from tmp_campaign_matches
        order by campaign_id, source, post_id
        on conflict (campaign_id, source, post_id) do update
            set created_at = excluded.created_at,
                matched_by = excluded.matched_by,
                matched_at = now()
            where (cp.created_at, cp.matched_by) is distinct from (excluded.created_at, excluded.matched_by)
        returning cp.source, cp.post_id, cp.xmax = 0 as inserted
    )

    insert into tmp_campaign_changed select source, post_id, inserted from upserted;
    get diagnostics v_upserted = row_count;

    return v_deleted + v_upserted;
end;
$$;
