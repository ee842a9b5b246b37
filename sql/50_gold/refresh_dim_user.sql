-- smelt.refresh_dim_user() -> accounts inserted or changed
-- gold.dim_user
-- grain: one row per account; key: user_key; (platform, user_id) is unique
-- upstreams: silver.users (accounts whose profile changed)
-- refresh: incremental. Accounts get their latest profile (has_profile).
-- Authors seen only in posts or comments are added by
-- smelt.ensure_dim_user_authors with their username from there
-- (has_profile false) until a profile arrives.
create or replace function smelt.refresh_dim_user()
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    insert into gold.dim_user as d (
        platform, user_id, username, display_name, followers, following, verified, region,
        has_profile, first_seen_at)
    select
        u.source, u.user_id, u.username, u.display_name, u.followers, u.following, u.verified,
        u.region, true, u.first_seen_at
    from pg_temp.gold_scope_users as s
    join silver.users as u on u.source = s.source and u.user_id = s.user_id
    order by u.source, u.user_id
    on conflict (platform, user_id) do update
        set username = excluded.username,
            display_name = excluded.display_name,
            followers = excluded.followers,
            following = excluded.following,
            verified = excluded.verified,
            region = excluded.region,
            has_profile = true,
            first_seen_at = excluded.first_seen_at
        where (d.username, d.display_name, d.followers, d.following, d.verified, d.region,
               d.has_profile, d.first_seen_at)
              is distinct from
              (excluded.username, excluded.display_name, excluded.followers, excluded.following,
               excluded.verified, excluded.region, true, excluded.first_seen_at);
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
