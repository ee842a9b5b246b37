-- smelt.rematch_campaigns(from, to) -> campaign match rows changed
-- Re-evaluates the campaign matches of every post created in [from, to)
-- (smelt.sync_campaign_posts). Part of smelt.backfill_gold: this is how a
-- newly added or ended campaign reaches the posts already in silver.
create or replace function smelt.rematch_campaigns(p_from timestamptz, p_to timestamptz)
returns bigint
language plpgsql
set client_min_messages = warning
as $$
begin
    drop table if exists pg_temp.tmp_campaign_targets;
    create temp table tmp_campaign_targets on commit drop as
    select p.source, p.post_id, p.created_at, p.text, p.hashtags_normalized
    from silver.posts as p
    where p.created_at >= p_from and p.created_at < p_to;
    analyze tmp_campaign_targets (source, post_id);
    return smelt.sync_campaign_posts();
end;
$$;
