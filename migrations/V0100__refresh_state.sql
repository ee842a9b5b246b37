-- The refresher's own state in schema smelt: which ingest batches are merged
-- into silver, which silver keys gold still has to process, what every run
-- did, and what the quality checks found. See docs/refresh.md.

-- smelt.settings: tunables read by the refresh procedures.
-- grain: one row per setting; key: name
create table smelt.settings (
    name        text primary key,
    value       text not null,
    description text not null
);

insert into smelt.settings (name, value, description) values
    ('watermark_idle_minutes', '5',
     'A Kafka partition that delivered nothing for this long stops holding back complete_through.'),
    ('check_sample_rows', '20',
     'How many offending rows a check result keeps in its sample.'),
    ('freshness_warn_minutes', '15',
     'The freshness checks warn when gold or pending batches lag wall-clock time by more than this.'),
    ('run_log_keep_days', '30',
     'smelt.refresh_runs and smelt.check_results rows older than this are deleted by apply_retention.');

-- smelt.refresh_state: a single row.
--   low_xid: every ingest batch whose committed_xid is below it has committed
--            or aborted and, if committed, is in smelt.refreshed_batches.
--   retention_cutoff: silver and gold hold nothing older (apply_retention).
--   gold_watermark: the event-time watermark gold was last published at.
create table smelt.refresh_state (
    singleton         boolean     primary key default true check (singleton),
    low_xid           xid8        not null default '0',
    retention_cutoff  timestamptz not null default '-infinity',
    gold_watermark    timestamptz,
    gold_published_at timestamptz
);

insert into smelt.refresh_state default values;

-- smelt.refreshed_batches: the ingest batches merged into silver.
-- grain: one row per ingest batch; key: batch_id
create table smelt.refreshed_batches (
    batch_id     bigint      primary key,
    refreshed_at timestamptz not null default now(),
    run_id       text        not null
);

-- The pending-batch scan starts at smelt.refresh_state.low_xid.
create index ingest_batches_committed_xid_idx on smelt.ingest_batches (committed_xid);

-- smelt.partition_watermarks: the newest observed_at merged into silver from
-- each Kafka partition by the live pipeline (backfills leave it alone).
-- grain: one row per Kafka partition; key: kafka_partition
create table smelt.partition_watermarks (
    kafka_partition integer     primary key,
    max_observed_at timestamptz not null,
    updated_at      timestamptz not null default now()
);

-- Dirty marks: silver keys whose gold rows must be recomputed. Written by
-- smelt.merge_decoded (and, for any other writer, by triggers on the silver
-- tables), consumed by smelt.refresh_gold.
-- grain: one row per silver key
-- smelt.dirty_posts.changed says what changed (bits): 1 the silver.posts row,
-- 2 its observations, 4 its hashtags or mentions, 8 its campaign matches;
-- minutes_from is the earliest observed_at whose engagement minute must be
-- recomputed (NULL: none; -infinity: the post's whole life).
create table smelt.dirty_posts (
    source       text        not null,
    post_id      text        not null,
    changed      integer     not null default 1,
    minutes_from timestamptz,
    marked_at    timestamptz not null default now(),
    primary key (source, post_id)
);

create table smelt.dirty_comments (
    source     text        not null,
    comment_id text        not null,
    marked_at  timestamptz not null default now(),
    primary key (source, comment_id)
);

create table smelt.dirty_users (
    source    text        not null,
    user_id   text        not null,
    marked_at timestamptz not null default now(),
    primary key (source, user_id)
);

-- smelt.refresh_runs: one row per model per run.
-- grain: one row per (run, model); key: refresh_run_id
create table smelt.refresh_runs (
    refresh_run_id bigint      generated always as identity primary key,
    run_id         text        not null,
    model          text        not null,
    rows           bigint      not null default 0,
    started_at     timestamptz not null,
    duration_ms    numeric(12, 3) not null,
    status         text        not null check (status in ('ok', 'failed', 'blocked')),
    error          text
);

create index refresh_runs_run_id_idx on smelt.refresh_runs (run_id);
create index refresh_runs_started_at_idx on smelt.refresh_runs (started_at);

-- smelt.checks: the registry of data quality checks; each row is filled by
-- one file under sql/40_checks/. query must return no rows.
-- grain: one row per check; key: check_name
-- runs_on: 'refresh' checks run scoped in every gated refresh and in full
-- with smelt check; 'demand' checks (deep reconciliations whose cost grows
-- with each key's history) run with smelt check only.
create table smelt.checks (
    check_name text        primary key,
    severity   text        not null check (severity in ('error', 'warn')),
    layer      text        not null check (layer in ('silver', 'gold', 'pipeline')),
    runs_on    text        not null default 'refresh' check (runs_on in ('refresh', 'demand')),
    guards     text        not null,
    query      text        not null,
    updated_at timestamptz not null default now()
);

-- smelt.check_results: what each check found. Gated refreshes record
-- failures; smelt.run_checks records every result.
-- grain: one row per (run, check); key: check_result_id
create table smelt.check_results (
    check_result_id bigint      generated always as identity primary key,
    run_id          text        not null,
    check_name      text        not null,
    severity        text        not null,
    status          text        not null check (status in ('pass', 'fail')),
    failing_rows    bigint      not null,
    sample          jsonb,
    scope           text        not null check (scope in ('full', 'incremental')),
    blocked_publish boolean     not null default false,
    checked_at      timestamptz not null default now(),
    duration_ms     numeric(12, 3) not null
);

create index check_results_run_id_idx on smelt.check_results (run_id);
create index check_results_checked_at_idx on smelt.check_results (checked_at);
