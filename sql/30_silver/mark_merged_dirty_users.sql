-- smelt.mark_merged_dirty_users() -> dirty marks written
-- Step of smelt.merge_decoded, after the accounts' merge and under
-- smelt.merge_tail: marks in smelt.dirty_users, once per key, the accounts
-- whose profile or first_seen_at the merge changed, for smelt.refresh_gold.
-- An account marked already gets the new version (smelt.gold_release keeps
-- a mark whose version moved after a refresh claimed it). Posts and comments
-- are marked before the tail (smelt.mark_merged_dirty).
-- upstreams: pg_temp.tmp_user_merged
create or replace function smelt.mark_merged_dirty_users()
returns bigint
language plpgsql
as $$
declare
    v_users bigint;
begin
    insert into smelt.dirty_users (source, user_id)
    select distinct source, user_id from pg_temp.tmp_user_merged
    where dim_changed
    order by source, user_id
    on conflict (source, user_id) do update set version = excluded.version;
    get diagnostics v_users = row_count;
    return v_users;
end;
$$;
