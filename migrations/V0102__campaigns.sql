-- smelt.campaigns: marketing campaigns, as data. A post belongs to a campaign
-- when one of its normalized hashtags is in hashtags or one of keywords occurs
-- in its text as a whole word (case-insensitive), and it was created in
-- [starts_at, ends_at). Managed with smelt.add_campaign / smelt.end_campaign
-- (the smelt campaign command); matches live in silver.campaign_posts.
-- grain: one row per campaign; key: campaign_id; name is unique
create table smelt.campaigns (
    campaign_id integer     generated always as identity primary key,
    name        text        not null unique,
    brand       text        not null,
    hashtags    text[]      not null default '{}',
    keywords    text[]      not null default '{}',
    starts_at   timestamptz not null,
    ends_at     timestamptz,
    created_at  timestamptz not null default now(),
    check (ends_at is null or ends_at > starts_at),
    check (cardinality(hashtags) + cardinality(keywords) > 0)
);
