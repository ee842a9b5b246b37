-- smelt.ensure_dim_user_authors(platforms, user_ids, usernames) -> accounts added
-- Adds to gold.dim_user the authors that have no row yet (has_profile
-- false, username as seen in their post or comment), so that facts can
-- point at them. Called by the post and comment steps of refresh_gold with
-- the authors they could not resolve. An author added without a username
-- (some appearances carry only the id) takes the first one seen later, so
-- that the order in which appearances are refreshed does not matter.
create or replace function smelt.ensure_dim_user_authors(
    p_platforms text[], p_user_ids text[], p_usernames text[])
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    insert into gold.dim_user as d (platform, user_id, username, has_profile)
    select distinct on (a.platform, a.user_id) a.platform, a.user_id, a.username, false
    from unnest(p_platforms, p_user_ids, p_usernames) as a (platform, user_id, username)
    where a.user_id is not null
    order by a.platform, a.user_id, a.username
    on conflict (platform, user_id) do update
        set username = excluded.username
        where d.username is null and not d.has_profile and excluded.username is not null;
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
