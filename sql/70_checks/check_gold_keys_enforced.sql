-- check: gold_keys_enforced
-- severity: error; runs on: refresh
-- guards: Every gold table has its surrogate and natural keys enforced: a unique
--   index on exactly the key columns, all NOT NULL.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'gold_keys_enforced',
    'error',
    'gold',
    'refresh',
    'Every gold table has its surrogate and natural keys enforced: a unique index on exactly the key columns, all NOT NULL.',
    $check$
with expected (table_name, key_columns) as (
    values
        ('gold.dim_date', '{date_key}'::text[]),
        ('gold.dim_date', '{date}'::text[]),
        ('gold.dim_platform', '{platform_key}'::text[]),
        ('gold.dim_platform', '{platform}'::text[]),
        ('gold.dim_user', '{user_key}'::text[]),
        ('gold.dim_user', '{platform,user_id}'::text[]),
        ('gold.dim_post', '{post_key}'::text[]),
        ('gold.dim_post', '{platform,post_id}'::text[]),
        ('gold.dim_hashtag', '{hashtag_key}'::text[]),
        ('gold.dim_hashtag', '{hashtag}'::text[]),
        ('gold.dim_campaign', '{campaign_key}'::text[]),
        ('gold.dim_campaign', '{campaign}'::text[]),
        ('gold.bridge_post_hashtag', '{post_key,hashtag_key}'::text[]),
        ('gold.bridge_post_campaign', '{post_key,campaign_key}'::text[]),
        ('gold.fct_posts', '{post_key}'::text[]),
        ('gold.fct_engagement_minute', '{post_key,minute}'::text[]),
        ('gold.fct_comments', '{platform_key,comment_id}'::text[]),
        ('gold.fct_user_activity_daily', '{day,user_key}'::text[]),
        ('gold.fct_campaign_author_daily', '{day,campaign_key,user_key}'::text[]),
        ('gold.mart_engagement_minute', '{minute,platform}'::text[]),
        ('gold.mart_hourly_activity', '{hour,platform}'::text[]),
        ('gold.mart_hashtag_sentiment_hourly', '{hour,hashtag}'::text[]),
        ('gold.mart_hashtag_daily', '{day,hashtag}'::text[]),
        ('gold.mart_hashtag_totals_7d', '{hashtag}'::text[]),
        ('gold.mart_campaign_daily', '{day,campaign_id}'::text[]),
        ('gold.mart_share_of_voice_daily', '{day,brand}'::text[]),
        ('gold.mart_daily_active_users', '{day,platform}'::text[]),
        ('gold.mart_volume_by_region_daily', '{day,platform,region}'::text[]),
        ('gold.mart_volume_by_language_daily', '{day,platform,language}'::text[]),
        ('gold.mart_freshness', '{mart}'::text[])
)

select e.table_name, e.key_columns
from expected as e
where not smelt.key_enforced(e.table_name, e.key_columns)
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
