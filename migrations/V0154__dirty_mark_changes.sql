-- A post's dirty mark keeps, besides the earliest minutes_from of everything
-- written since gold last checked the post, the changes gold has not rebuilt
-- yet: one (version, from_at) per writing transaction. smelt.gold_claim
-- rebuilds a post from the earliest of them; smelt.gold_release, for a mark a
-- merge wrote again after the claim, drops the changes the claim saw, so the
-- next refresh starts at the merge's own change instead of at the minute the
-- refresh has just rebuilt. NULL means not tracked (the marks written before
-- this migration, or more changes than a mark keeps): gold rebuilds from
-- minutes_from, as it always did.
create type smelt.mark_change as (version xid8, from_at timestamptz);
alter table smelt.dirty_posts add column changes smelt.mark_change[];
alter table smelt.dirty_posts alter column changes set default '{}';
