-- smelt.add_campaign(name, brand, hashtags, keywords, starts_at, ends_at) -> campaign_id
-- Adds a campaign (smelt campaign add). Hashtags are normalized
-- (smelt.normalize_hashtag), keywords trimmed; empty and repeated entries
-- are dropped. New posts are matched from the next merge on; posts already
-- in silver count once smelt.backfill_gold has run over
-- [starts_at, coalesce(ends_at, now())).
create or replace function smelt.add_campaign(
    p_name text, p_brand text, p_hashtags text[], p_keywords text[],
    p_starts_at timestamptz, p_ends_at timestamptz default null)
returns integer
language plpgsql
as $$
declare
    v_campaign_id integer;
begin
    insert into smelt.campaigns (name, brand, hashtags, keywords, starts_at, ends_at)
    values (
        btrim(p_name),
        btrim(p_brand),
        array(select distinct smelt.normalize_hashtag(h) from unnest(coalesce(p_hashtags, '{}')) as h
              where smelt.normalize_hashtag(h) <> '' order by 1),
        array(select distinct btrim(k) from unnest(coalesce(p_keywords, '{}')) as k
              where btrim(k) <> '' order by 1),
        p_starts_at,
        p_ends_at)
    returning campaign_id into v_campaign_id;
    return v_campaign_id;
end;
$$;
