-- smelt.mark_changes(from_at) -> smelt.mark_change[]
-- The change a writer records in a post's dirty mark (smelt.dirty_posts.
-- changes): its own transaction and the earliest observed_at it touched; none
-- when it touched no engagement minute.
create or replace function smelt.mark_changes(p_from timestamptz)
returns smelt.mark_change[]
language sql
volatile
as $$
    select case when p_from is null then '{}'::smelt.mark_change[]
                else array[row(pg_current_xact_id(), p_from)::smelt.mark_change] end;
$$;

-- smelt.mark_changes_add(kept, added) -> smelt.mark_change[]
-- A mark's changes after a writer marked it again (on conflict ... set
-- changes = smelt.mark_changes_add(d.changes, excluded.changes)). A
-- transaction that marks a post twice keeps one change, the earlier from_at.
-- Past 32 transactions, or when kept is already NULL, the result is NULL:
-- not tracked, so gold rebuilds from minutes_from until a refresh releases
-- the mark.
create or replace function smelt.mark_changes_add(p_kept smelt.mark_change[], p_added smelt.mark_change[])
returns smelt.mark_change[]
language sql
immutable
as $$
    select case
        when p_kept is null or p_added is null then null
        when cardinality(p_added) = 0 then p_kept
        when cardinality(p_added) = 1 and cardinality(p_kept) > 0
             and (p_kept[cardinality(p_kept)]).version = (p_added[1]).version
            then p_kept[1:cardinality(p_kept) - 1]
                 || row((p_added[1]).version,
                        least((p_kept[cardinality(p_kept)]).from_at, (p_added[1]).from_at))::smelt.mark_change
        when cardinality(p_kept) + cardinality(p_added) > 32 then null
        else p_kept || p_added
    end;
$$;
