-- Deferred checks. The checks marked can_defer (those that re-read each
-- changed post's silver observations) may leave a gold refresh's path: a
-- refresh run with p_defer_checks publishes without them and records what
-- they would have looked at in smelt.unchecked_posts; smelt.check_deferred,
-- run beside the refreshes on its own connection (smelt scheduler
-- --check-interval), checks that backlog at once. Its failures close the
-- gate (smelt.refresh_state.deferred_failures): no refresh publishes until a
-- later run of the deferred checks passes.
alter table smelt.checks add column can_defer boolean not null default false;

alter table smelt.check_results drop constraint check_results_scope_check;
alter table smelt.check_results
    add constraint check_results_scope_check check (scope in ('full', 'incremental', 'deferred'));

-- smelt.unchecked_posts: posts gold published without the deferred checks.
-- grain: one row per post; key: (source, post_id)
--   changed:    the silver tables that changed (smelt.gold_scope_posts bits)
--   from_at:    the earliest observation gold rebuilt (scope_post_minutes)
--   check_from: the earliest observation not checked (scope_post_key_minutes)
--   version:    the transaction that wrote the row last; smelt.check_deferred
--               deletes only rows it read at this version
create table smelt.unchecked_posts (
    source     text        not null,
    post_id    text        not null,
    changed    integer     not null,
    from_at    timestamptz,
    check_from timestamptz,
    version    xid8        not null default pg_current_xact_id(),
    primary key (source, post_id)
);

grant select, insert, update, delete on smelt.unchecked_posts to smelt_refresh;

alter table smelt.refresh_state add column deferred_failures text;

drop procedure if exists smelt.refresh_gold(text);
drop function if exists smelt.gate_checks();
