-- Gold marts: the tables dashboards read. Each is maintained incrementally by
-- one procedure under sql/50_marts/ from the changes smelt.refresh_gold
-- applies to the facts; every metric is defined in docs/data-dictionary.md.
-- Buckets are UTC. Counts can never go negative (check constraints: a
-- negative count would mean a broken incremental update, and fails the run).

-- gold.mart_engagement_minute
-- grain: one row per (minute, platform) with observations; key: (minute, platform)
create table gold.mart_engagement_minute (
    minute             timestamptz not null,
    platform           text        not null,
    posts_observed     bigint      not null check (posts_observed >= 0),
    observations       bigint      not null check (observations >= 0),
    likes_gained       bigint      not null,
    shares_gained      bigint      not null,
    comments_gained    bigint      not null,
    views_gained       bigint      not null,
    impressions_gained bigint      not null,
    engagement_gained  bigint      not null,
    reach_gained       bigint      not null,
    engagement_rate    numeric,
    updated_at         timestamptz not null default now(),
    primary key (minute, platform)
);

-- gold.mart_hourly_activity
-- grain: one row per (hour, platform) with activity; key: (hour, platform)
create table gold.mart_hourly_activity (
    hour               timestamptz not null,
    platform           text        not null,
    posts              bigint      not null check (posts >= 0),
    comments           bigint      not null check (comments >= 0),
    observations       bigint      not null check (observations >= 0),
    scored_posts       bigint      not null check (scored_posts >= 0),
    sentiment_sum      numeric     not null,
    avg_sentiment      numeric,
    likes_gained       bigint      not null,
    shares_gained      bigint      not null,
    comments_gained    bigint      not null,
    views_gained       bigint      not null,
    impressions_gained bigint      not null,
    engagement_gained  bigint      not null,
    reach_gained       bigint      not null,
    engagement_rate    numeric,
    updated_at         timestamptz not null default now(),
    primary key (hour, platform)
);

-- gold.mart_hashtag_sentiment_hourly
-- grain: one row per (hour, hashtag) with posts; key: (hour, hashtag)
create table gold.mart_hashtag_sentiment_hourly (
    hour           timestamptz not null,
    hashtag        text        not null,
    posts          bigint      not null check (posts >= 0),
    scored_posts   bigint      not null check (scored_posts >= 0),
    sentiment_sum  numeric     not null,
    avg_sentiment  numeric,
    positive_posts bigint      not null check (positive_posts >= 0),
    neutral_posts  bigint      not null check (neutral_posts >= 0),
    negative_posts bigint      not null check (negative_posts >= 0),
    updated_at     timestamptz not null default now(),
    primary key (hour, hashtag)
);

create index mart_hashtag_sentiment_hourly_hashtag_idx on gold.mart_hashtag_sentiment_hourly (hashtag, hour);

-- gold.mart_hashtag_daily (the basis of the trending view)
-- grain: one row per (day, hashtag) with posts; key: (day, hashtag)
create table gold.mart_hashtag_daily (
    day           date        not null,
    hashtag       text        not null,
    posts         bigint      not null check (posts >= 0),
    scored_posts  bigint      not null check (scored_posts >= 0),
    sentiment_sum numeric     not null,
    avg_sentiment numeric,
    updated_at    timestamptz not null default now(),
    primary key (day, hashtag)
);

create index mart_hashtag_daily_hashtag_idx on gold.mart_hashtag_daily (hashtag, day);

-- gold.mart_campaign_daily
-- grain: one row per (day, campaign) with activity; key: (day, campaign_id)
create table gold.mart_campaign_daily (
    day                date        not null,
    campaign_id        integer     not null,
    campaign           text        not null,
    brand              text        not null,
    posts              bigint      not null check (posts >= 0),
    authors            bigint      not null check (authors >= 0),
    observations       bigint      not null check (observations >= 0),
    scored_posts       bigint      not null check (scored_posts >= 0),
    sentiment_sum      numeric     not null,
    avg_sentiment      numeric,
    positive_posts     bigint      not null check (positive_posts >= 0),
    neutral_posts      bigint      not null check (neutral_posts >= 0),
    negative_posts     bigint      not null check (negative_posts >= 0),
    likes_gained       bigint      not null,
    shares_gained      bigint      not null,
    comments_gained    bigint      not null,
    views_gained       bigint      not null,
    impressions_gained bigint      not null,
    engagement_gained  bigint      not null,
    reach_gained       bigint      not null,
    engagement_rate    numeric,
    updated_at         timestamptz not null default now(),
    primary key (day, campaign_id)
);

-- gold.mart_share_of_voice_daily
-- grain: one row per (day, brand) with activity; key: (day, brand)
create table gold.mart_share_of_voice_daily (
    day               date        not null,
    brand             text        not null,
    posts             bigint      not null check (posts >= 0),
    observations      bigint      not null check (observations >= 0),
    engagement_gained bigint      not null,
    share_of_voice    numeric,
    engagement_share  numeric,
    updated_at        timestamptz not null default now(),
    primary key (day, brand)
);

-- gold.mart_daily_active_users
-- grain: one row per (day, platform) with activity; key: (day, platform)
create table gold.mart_daily_active_users (
    day              date        not null,
    platform         text        not null,
    active_users     bigint      not null check (active_users >= 0),
    posting_users    bigint      not null check (posting_users >= 0),
    commenting_users bigint      not null check (commenting_users >= 0),
    updated_at       timestamptz not null default now(),
    primary key (day, platform)
);

-- gold.mart_volume_by_region_daily
-- grain: one row per (day, platform, region) with posts; key: (day, platform, region)
create table gold.mart_volume_by_region_daily (
    day        date        not null,
    platform   text        not null,
    region     text        not null,
    posts      bigint      not null check (posts >= 0),
    updated_at timestamptz not null default now(),
    primary key (day, platform, region)
);

-- gold.mart_volume_by_language_daily
-- grain: one row per (day, platform, language) with posts or comments;
-- key: (day, platform, language)
create table gold.mart_volume_by_language_daily (
    day        date        not null,
    platform   text        not null,
    language   text        not null,
    posts      bigint      not null check (posts >= 0),
    comments   bigint      not null check (comments >= 0),
    updated_at timestamptz not null default now(),
    primary key (day, platform, language)
);

-- gold.mart_freshness: how far each mart is complete. Every bucket that ends
-- at or before complete_through holds all data that had arrived by the
-- watermark; see docs/refresh.md.
-- grain: one row per mart; key: mart
create table gold.mart_freshness (
    mart             text        primary key,
    grain            text        not null check (grain in ('minute', 'hour', 'day')),
    complete_through timestamptz,
    refreshed_at     timestamptz
);

insert into gold.mart_freshness (mart, grain) values
    ('mart_engagement_minute', 'minute'),
    ('mart_likes_last_5_minutes', 'minute'),
    ('mart_hourly_activity', 'hour'),
    ('mart_hashtag_sentiment_hourly', 'hour'),
    ('mart_hashtag_daily', 'day'),
    ('mart_trending_hashtags_7d', 'hour'),
    ('mart_campaign_daily', 'day'),
    ('mart_share_of_voice_daily', 'day'),
    ('mart_daily_active_users', 'day'),
    ('mart_volume_by_region_daily', 'day'),
    ('mart_volume_by_language_daily', 'day');
