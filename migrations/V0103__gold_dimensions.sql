-- Gold dimensions of the star schema, with surrogate keys. Maintained by
-- smelt.refresh_gold from silver; see docs/data-dictionary.md.

-- gold.dim_date: calendar days (UTC).
-- grain: one row per day; key: date_key (yyyymmdd)
create table gold.dim_date (
    date_key     integer  primary key,
    date         date     not null unique,
    year         smallint not null,
    quarter      smallint not null,
    month        smallint not null,
    month_name   text     not null,
    day_of_month smallint not null,
    day_of_week  smallint not null,
    day_name     text     not null,
    iso_year     smallint not null,
    iso_week     smallint not null,
    is_weekend   boolean  not null
);

-- gold.dim_platform: the five platforms.
-- grain: one row per platform; key: platform_key; platform is unique
create table gold.dim_platform (
    platform_key  smallint primary key,
    platform      text     not null unique,
    platform_name text     not null
);

insert into gold.dim_platform (platform_key, platform, platform_name) values
    (1, 'x', 'X'),
    (2, 'instagram', 'Instagram'),
    (3, 'tiktok', 'TikTok'),
    (4, 'youtube', 'YouTube'),
    (5, 'reddit', 'Reddit');

-- gold.dim_user: accounts (type 1: the latest profile).
-- grain: one row per account; key: user_key; (platform, user_id) is unique
create table gold.dim_user (
    user_key         bigint      generated always as identity primary key,
    platform         text        not null,
    user_id          text        not null,
    username         text,
    display_name     text,
    followers        bigint,
    following        bigint,
    verified         boolean,
    region           text,
    has_profile      boolean     not null,
    first_seen_at    timestamptz,
    unique (platform, user_id)
);

-- gold.dim_post: posts' descriptive attributes (type 1).
-- grain: one row per post; key: post_key; (platform, post_id) is unique
create table gold.dim_post (
    post_key           bigint      generated always as identity primary key,
    platform           text        not null,
    post_id            text        not null,
    user_key           bigint,
    author_username    text,
    created_at         timestamptz not null,
    date_key           integer     not null,
    language           text        not null,
    region             text,
    url                text,
    text               text,
    hashtags           text[]      not null,
    mentions           text[]      not null,
    cashtags           text[]      not null,
    sentiment_compound double precision,
    sentiment_category text,
    sentiment_model    text,
    unique (platform, post_id)
);

create index dim_post_created_at_idx on gold.dim_post (created_at);
create index dim_post_user_key_idx on gold.dim_post (user_key);

-- gold.dim_hashtag: hashtags by their normalized form.
-- grain: one row per normalized hashtag; key: hashtag_key; hashtag is unique
create table gold.dim_hashtag (
    hashtag_key     bigint      generated always as identity primary key,
    hashtag         text        not null unique,
    display_hashtag text        not null,
    first_used_at   timestamptz not null
);

-- gold.dim_campaign: campaigns (mirror of smelt.campaigns).
-- grain: one row per campaign; key: campaign_key (= smelt.campaigns.campaign_id)
create table gold.dim_campaign (
    campaign_key integer     primary key,
    campaign     text        not null unique,
    brand        text        not null,
    hashtags     text[]      not null,
    keywords     text[]      not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz
);

-- gold.bridge_post_hashtag: posts to hashtags (many to many).
-- grain: one row per (post, hashtag); key: (post_key, hashtag_key)
create table gold.bridge_post_hashtag (
    post_key    bigint not null,
    hashtag_key bigint not null,
    primary key (post_key, hashtag_key)
);

create index bridge_post_hashtag_hashtag_idx on gold.bridge_post_hashtag (hashtag_key);

-- gold.bridge_post_campaign: posts to campaigns (many to many).
-- grain: one row per (post, campaign); key: (post_key, campaign_key)
create table gold.bridge_post_campaign (
    post_key     bigint  not null,
    campaign_key integer not null,
    primary key (post_key, campaign_key)
);

create index bridge_post_campaign_campaign_idx on gold.bridge_post_campaign (campaign_key);
