-- Silver: typed, conformed, deduplicated rows decoded from bronze by smelt's
-- C++ decoders and merged by smelt.merge_decoded. Columns are documented in
-- docs/data-dictionary.md. Large append tables are range-partitioned by month
-- on event time; their partitions are created by
-- smelt.ensure_time_partitions and dropped by smelt.apply_retention.

-- silver.posts: the current state of every post.
-- grain: one row per post; key: (source, post_id)
-- The newest observation (observed_at, then Kafka position) wins for content;
-- counters are carried from the newest observation that reported them.
create table silver.posts (
    source               text        not null,
    post_id              text        not null,
    author_id            text,
    author_username      text,
    created_at           timestamptz not null,
    text                 text,
    language             text        not null default 'und',
    region               text,
    url                  text,
    hashtags             text[]      not null default '{}',
    hashtags_normalized  text[]      not null default '{}',
    mentions             text[]      not null default '{}',
    cashtags             text[]      not null default '{}',
    urls                 text[]      not null default '{}',
    sentiment_compound   double precision,
    sentiment_category   text,
    sentiment_model      text,
    likes                bigint,
    shares               bigint,
    comments             bigint,
    views                bigint,
    impressions          bigint,
    first_seen_at        timestamptz not null,
    last_observed_at     timestamptz not null,
    last_batch_id        bigint,
    last_kafka_partition integer,
    last_kafka_offset    bigint,
    updated_at           timestamptz not null default now(),
    primary key (source, post_id)
) with (fillfactor = 80);

-- Only created_at is indexed besides the key, so the frequent counter
-- updates stay HOT (fillfactor leaves room on the page).
create index posts_created_at_idx on silver.posts (created_at);

-- Violation indexes: tiny partial indexes over rows that break a check, so
-- the check reads only them (sql/70_checks/).
create index posts_invalid_values_idx on silver.posts (source, post_id)
    where source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
       or sentiment_category not in ('positive', 'neutral', 'negative')
       or (sentiment_category is null) <> (sentiment_compound is null)
       or sentiment_compound < -1 or sentiment_compound > 1
       or language = '';
create index posts_negative_counters_idx on silver.posts (source, post_id)
    where likes < 0 or shares < 0 or comments < 0 or views < 0 or impressions < 0;

-- silver.post_observations: every distinct observation of a post's counters.
-- grain: one row per (post, observed_at); key: (source, post_id, observed_at)
-- *_carried: the counter as last reported at or before this observation.
-- *_gained: carried value minus the previous observation's carried value
-- (the first observation gains its whole value); negative = regression.
create table silver.post_observations (
    source               text        not null,
    post_id              text        not null,
    observed_at          timestamptz not null,
    likes                bigint,
    shares               bigint,
    comments             bigint,
    views                bigint,
    impressions          bigint,
    likes_carried        bigint,
    shares_carried       bigint,
    comments_carried     bigint,
    views_carried        bigint,
    impressions_carried  bigint,
    likes_gained         bigint,
    shares_gained        bigint,
    comments_gained      bigint,
    views_gained         bigint,
    impressions_gained   bigint,
    previous_observed_at timestamptz,
    batch_id             bigint,
    kafka_partition      integer,
    kafka_offset         bigint,
    loaded_at            timestamptz not null default now(),
    primary key (source, post_id, observed_at)
) partition by range (observed_at);

create table silver.post_observations_default partition of silver.post_observations default;

create index post_observations_observed_at_idx on silver.post_observations (observed_at);
create index post_observations_regressions_idx on silver.post_observations (observed_at)
    where likes_gained < 0 or shares_gained < 0 or comments_gained < 0
       or views_gained < 0 or impressions_gained < 0;
create index post_observations_negative_counters_idx on silver.post_observations (observed_at)
    where likes < 0 or shares < 0 or comments < 0 or views < 0 or impressions < 0;

-- silver.post_hashtags: a post's hashtags, one row each (exploded).
-- grain: one row per (post, normalized hashtag); key: (source, post_id, hashtag)
-- The key is guarded by check silver_post_hashtags_key, not by a constraint.
create table silver.post_hashtags (
    source          text        not null,
    post_id         text        not null,
    hashtag         text        not null,
    display_hashtag text        not null,
    position        smallint    not null,
    created_at      timestamptz not null
);

create index post_hashtags_post_idx on silver.post_hashtags (source, post_id);
create index post_hashtags_hashtag_idx on silver.post_hashtags (hashtag, created_at);

-- silver.post_mentions: accounts a post mentions, one row each (exploded).
-- grain: one row per (post, mention); key: (source, post_id, mention)
create table silver.post_mentions (
    source     text        not null,
    post_id    text        not null,
    mention    text        not null,
    position   smallint    not null,
    created_at timestamptz not null
);

create index post_mentions_post_idx on silver.post_mentions (source, post_id);
create index post_mentions_mention_idx on silver.post_mentions (mention, created_at);

-- silver.comments: the current state of every comment.
-- grain: one row per comment; key: (source, comment_id)
create table silver.comments (
    source               text        not null,
    comment_id           text        not null,
    post_id              text,
    author_id            text,
    author_username      text,
    created_at           timestamptz not null,
    text                 text,
    language             text        not null default 'und',
    likes                bigint,
    hashtags             text[]      not null default '{}',
    hashtags_normalized  text[]      not null default '{}',
    mentions             text[]      not null default '{}',
    sentiment_compound   double precision,
    sentiment_category   text,
    sentiment_model      text,
    first_seen_at        timestamptz not null,
    last_observed_at     timestamptz not null,
    last_batch_id        bigint,
    last_kafka_partition integer,
    last_kafka_offset    bigint,
    updated_at           timestamptz not null default now(),
    primary key (source, comment_id)
);

create index comments_created_at_idx on silver.comments (created_at);
create index comments_last_observed_at_idx on silver.comments (last_observed_at);
create index comments_post_idx on silver.comments (source, post_id);
create index comments_invalid_values_idx on silver.comments (source, comment_id)
    where source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
       or sentiment_category not in ('positive', 'neutral', 'negative')
       or language = ''
       or likes < 0;

-- silver.users: the latest profile of every account.
-- grain: one row per account; key: (source, user_id)
create table silver.users (
    source               text        not null,
    user_id              text        not null,
    username             text,
    display_name         text,
    followers            bigint,
    following            bigint,
    verified             boolean,
    region               text,
    first_seen_at        timestamptz not null,
    last_observed_at     timestamptz not null,
    last_batch_id        bigint,
    last_kafka_partition integer,
    last_kafka_offset    bigint,
    updated_at           timestamptz not null default now(),
    primary key (source, user_id)
) with (fillfactor = 80);

create index users_invalid_values_idx on silver.users (source, user_id)
    where source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
       or followers < 0 or following < 0;

-- silver.user_history: how accounts' profiles changed (followers over time,
-- renames, verification, moves). An observation is kept when its profile
-- differs from the account's current one at merge time; repeats of an
-- unchanged profile are not (they only move silver.users.last_observed_at).
-- grain: one row per (account, observed_at) that changed the profile
-- key: (source, user_id, observed_at)
create table silver.user_history (
    source          text        not null,
    user_id         text        not null,
    observed_at     timestamptz not null,
    username        text,
    display_name    text,
    followers       bigint,
    following       bigint,
    verified        boolean,
    region          text,
    batch_id        bigint,
    kafka_partition integer,
    kafka_offset    bigint,
    loaded_at       timestamptz not null default now(),
    primary key (source, user_id, observed_at)
) partition by range (observed_at);

create table silver.user_history_default partition of silver.user_history default;

create index user_history_observed_at_idx on silver.user_history (observed_at);

-- silver.campaign_posts: which posts belong to which campaign.
-- grain: one row per (campaign, post); key: (campaign_id, source, post_id)
create table silver.campaign_posts (
    campaign_id integer     not null,
    source      text        not null,
    post_id     text        not null,
    created_at  timestamptz not null,
    matched_by  text        not null,
    matched_at  timestamptz not null default now(),
    primary key (campaign_id, source, post_id)
);

create index campaign_posts_post_idx on silver.campaign_posts (source, post_id);
