-- Gold facts. Maintained by smelt.refresh_gold for the silver keys marked
-- dirty; see docs/refresh.md and docs/data-dictionary.md.

-- gold.fct_posts: one row per post with its current counters.
-- grain: one row per post; key: post_key
-- hashtags (normalized, sorted) and campaign_ids repeat the bridges as
-- degenerate attributes, so a refresh reads a post's old state in one row.
create table gold.fct_posts (
    post_key           bigint      primary key,
    platform_key       smallint    not null,
    user_key           bigint,
    date_key           integer     not null,
    created_at         timestamptz not null,
    language           text        not null,
    region             text,
    sentiment_compound double precision,
    sentiment_category text,
    likes              bigint,
    shares             bigint,
    comments           bigint,
    views              bigint,
    impressions        bigint,
    engagement         bigint      not null,
    hashtags           text[]      not null,
    campaign_ids       integer[]   not null,
    first_seen_at      timestamptz not null,
    last_observed_at   timestamptz not null
) with (fillfactor = 80);

create index fct_posts_user_key_idx on gold.fct_posts (user_key);
create index fct_posts_created_at_idx on gold.fct_posts (created_at);

-- gold.fct_engagement_minute: counters gained per post per minute.
-- grain: one row per (post, minute of observed_at) with at least one
-- observation; key: (post_key, minute)
create table gold.fct_engagement_minute (
    post_key           bigint      not null,
    minute             timestamptz not null,
    platform_key       smallint    not null,
    date_key           integer     not null,
    observations       integer     not null,
    likes_gained       bigint      not null,
    shares_gained      bigint      not null,
    comments_gained    bigint      not null,
    views_gained       bigint      not null,
    impressions_gained bigint      not null,
    reach_gained       bigint      not null,
    engagement_gained  bigint      not null,
    primary key (post_key, minute)
) partition by range (minute);

create table gold.fct_engagement_minute_default partition of gold.fct_engagement_minute default;

create index fct_engagement_minute_minute_idx on gold.fct_engagement_minute (minute);

-- gold.fct_comments: one row per comment.
-- grain: one row per comment; key: (platform_key, comment_id)
create table gold.fct_comments (
    platform_key       smallint    not null,
    comment_id         text        not null,
    post_key           bigint,
    user_key           bigint,
    date_key           integer     not null,
    created_at         timestamptz not null,
    language           text        not null,
    sentiment_compound double precision,
    sentiment_category text,
    likes              bigint,
    first_seen_at      timestamptz not null,
    last_observed_at   timestamptz not null,
    primary key (platform_key, comment_id)
);

create index fct_comments_user_key_idx on gold.fct_comments (user_key);
create index fct_comments_created_at_idx on gold.fct_comments (created_at);

-- gold.fct_user_activity_daily: how many posts and comments each account
-- created per UTC day (the basis of distinct active users).
-- grain: one row per (day, account) with activity; key: (day, user_key)
create table gold.fct_user_activity_daily (
    day          date     not null,
    user_key     bigint   not null,
    platform_key smallint not null,
    posts        integer  not null check (posts >= 0),
    comments     integer  not null check (comments >= 0),
    primary key (day, user_key)
);

create index fct_user_activity_daily_user_idx on gold.fct_user_activity_daily (user_key);

-- gold.fct_campaign_author_daily: posts per campaign, author and UTC day
-- (the basis of distinct campaign authors).
-- grain: one row per (day, campaign, account); key: (day, campaign_key, user_key)
create table gold.fct_campaign_author_daily (
    day          date    not null,
    campaign_key integer not null,
    user_key     bigint  not null,
    posts        integer not null check (posts >= 0),
    primary key (day, campaign_key, user_key)
);

create index fct_campaign_author_daily_user_idx on gold.fct_campaign_author_daily (user_key);
