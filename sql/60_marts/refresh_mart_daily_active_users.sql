-- smelt.refresh_mart_daily_active_users() -> mart rows changed
-- gold.mart_daily_active_users: daily active users per platform.
-- grain: one row per (UTC day, platform) with activity; key: (day, platform)
-- upstreams: gold.fct_user_activity_daily (via pg_temp.tmp_activity_change)
-- refresh: incremental: an account whose activity row appears adds one, one
-- whose row disappears removes one (smelt.apply_mart_deltas); rows that fall
-- to zero are deleted.
-- metrics (docs/data-dictionary.md):
--   active_users      distinct accounts (known author_id) that created at
--                     least one post or comment that day
--   posting_users     ... at least one post
--   commenting_users  ... at least one comment
create or replace function smelt.refresh_mart_daily_active_users()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_daily_active_users;
    create temp table tmp_mart_daily_active_users on commit drop as
    with deltas as (
        select
            day,
            platform,
            sum((new_posts + new_comments > 0)::integer - (old_posts + old_comments > 0)::integer) as active_users,
            sum((new_posts > 0)::integer - (old_posts > 0)::integer) as posting_users,
            sum((new_comments > 0)::integer - (old_comments > 0)::integer) as commenting_users
        from pg_temp.tmp_activity_change
        group by day, platform
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_daily_active_users',
                                      'pg_temp.tmp_mart_daily_active_users',
                                      '{day,platform}');

    return v_rows;
end;
$$;
