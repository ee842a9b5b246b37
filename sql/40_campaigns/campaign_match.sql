-- smelt.campaign_match(campaign hashtags, keywords, starts_at, ends_at,
--                      post hashtags_normalized, post text, post created_at)
--   -> 'hashtag', 'keyword', 'hashtag+keyword', or NULL when no match
-- The one definition of campaign membership: a post belongs to a campaign
-- when it was created in [starts_at, ends_at) and one of its normalized
-- hashtags is a campaign hashtag, or a campaign keyword occurs in its text
-- as a whole word (case-insensitive; a word boundary is any character other
-- than a letter, digit or underscore, or the start or end of the text).
create or replace function smelt.campaign_match(
    p_campaign_hashtags text[], p_keywords text[], p_starts_at timestamptz, p_ends_at timestamptz,
    p_post_hashtags text[], p_text text, p_created_at timestamptz)
returns text
language sql
immutable
parallel safe
return case
    when p_created_at < p_starts_at or p_created_at >= coalesce(p_ends_at, 'infinity') then null
    else nullif(concat_ws('+',
        case when p_post_hashtags && p_campaign_hashtags then 'hashtag' end,
        case when exists (
                 select 1
                 from unnest(p_keywords) as k (keyword)
                 where k.keyword <> ''
                   and p_text ~* ('(^|[^[:alnum:]_])' || smelt.regex_escape(k.keyword) || '($|[^[:alnum:]_])'))
             then 'keyword' end), '')
end;
