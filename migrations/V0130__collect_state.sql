-- State of smelt collect, the platform API collector. Everything it must
-- remember to resume after a crash lives here; nothing holds a credential.

-- smelt.collect_cursors: where each discovery stream of a platform and
-- campaign stands (X since_id and next_token, Reddit after and the newest
-- fullname seen, YouTube page token and publishedAfter, Instagram hashtag id
-- and paging cursor, TikTok search_id and cursor). Moved only after Kafka
-- acknowledged every message of the page it follows.
-- grain: one row per (platform, campaign_id, stream)
create table smelt.collect_cursors (
    platform    text        not null,
    campaign_id integer     not null references smelt.campaigns on delete cascade,
    stream      text        not null,
    cursor      jsonb       not null default '{}',
    pages       bigint      not null default 0,
    updated_at  timestamptz not null default now(),
    primary key (platform, campaign_id, stream)
);

-- smelt.collect_tracked_posts: posts whose counters are observed again on a
-- decaying schedule (often while young, rarely when old, never past the
-- maximum age).
-- grain: one row per (platform, post_id)
create table smelt.collect_tracked_posts (
    platform       text        not null,
    post_id        text        not null,
    campaign_id    integer     not null references smelt.campaigns on delete cascade,
    created_at     timestamptz not null,
    first_seen_at  timestamptz not null default now(),
    last_polled_at timestamptz,
    next_poll_at   timestamptz not null,
    polls          integer     not null default 0,
    retired        boolean     not null default false,
    primary key (platform, post_id)
);
create index collect_tracked_posts_due on smelt.collect_tracked_posts (platform, next_poll_at) where not retired;

-- smelt.collect_quota: requests and quota units spent per platform and quota
-- day (YouTube's day ends at midnight Pacific time; the others use the same
-- day for reporting).
-- grain: one row per (platform, quota_day)
create table smelt.collect_quota (
    platform  text    not null,
    quota_day date    not null,
    requests  bigint  not null default 0,
    units     bigint  not null default 0,
    primary key (platform, quota_day)
);

-- smelt.collect_bad_pages: API responses that could not be read, kept with
-- the request (credentials removed), the HTTP status and the reason.
-- grain: one row per unreadable response
create table smelt.collect_bad_pages (
    bad_page_id bigint      generated always as identity primary key,
    platform    text        not null,
    campaign_id integer,
    request     text        not null,
    http_status integer     not null,
    reason      text        not null,
    body        bytea       not null,
    received_at timestamptz not null default now()
);

-- smelt.collect_partial_errors: errors reported inside a successful response
-- (X `errors[]`, TikTok's `error` object); the page's data is still used.
-- grain: one row per reported error
create table smelt.collect_partial_errors (
    partial_error_id bigint      generated always as identity primary key,
    platform         text        not null,
    campaign_id      integer,
    request          text        not null,
    detail           jsonb       not null,
    received_at      timestamptz not null default now()
);
