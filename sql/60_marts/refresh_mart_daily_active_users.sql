-- smelt.refresh_mart_daily_active_users() -> mart rows changed
-- gold.mart_daily_active_users: daily active users per platform.
-- grain: one row per (UTC day, platform) with activity; key: (day, platform)
-- upstreams: gold.fct_user_activity_daily (via pg_temp.tmp_activity_change)
-- refresh: incremental: an account whose activity row appears adds one, one
-- whose row disappears removes one; rows that fall to zero are deleted.
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
    v_rows     bigint;
    v_inserted bigint;
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
    ),

    final as (
        select * from deltas where (active_users, posting_users, commenting_users) <> (0, 0, 0)
    )

    select * from final;

    update gold.mart_daily_active_users as m
       set active_users = m.active_users + d.active_users,
           posting_users = m.posting_users + d.posting_users,
           commenting_users = m.commenting_users + d.commenting_users,
           updated_at = now()
      from tmp_mart_daily_active_users as d
     where m.day = d.day and m.platform = d.platform;
    get diagnostics v_rows = row_count;

    insert into gold.mart_daily_active_users (day, platform, active_users, posting_users, commenting_users)
    select day, platform, active_users, posting_users, commenting_users
    from tmp_mart_daily_active_users as d
    where not exists (
        select 1 from gold.mart_daily_active_users as m
        where m.day = d.day and m.platform = d.platform)
    order by day, platform;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_daily_active_users as m
     using tmp_mart_daily_active_users as s
     where m.day = s.day and m.platform = s.platform
       and (m.active_users, m.posting_users, m.commenting_users) = (0, 0, 0);

    return v_rows;
end;
$$;
