-- smelt.apply_mart_deltas, the one materialization of the incremental marts:
-- on a small target of its own, new keys are inserted, existing ones move
-- by their deltas with derived columns recomputed from the new values and
-- replaced columns copied, zero deltas are dropped from the delta table,
-- rows that fall to zero are deleted, and mistakes in the column lists are
-- refused by name. (Every mart going through it is tested by 03_marts and
-- 05_backfill against hand-computed values and a rebuild.)
begin;
\ir lib/helpers.sql
select plan(14);

create temp table target (
    day           date        not null,
    tag           text        not null,
    label         text,
    posts         bigint      not null check (posts >= 0),
    scored_posts  bigint      not null check (scored_posts >= 0),
    sentiment_sum numeric     not null,
    avg_sentiment numeric,
    updated_at    timestamptz not null default '2000-01-01 00:00+00',
    primary key (day, tag)
);
insert into target (day, tag, label, posts, scored_posts, sentiment_sum, avg_sentiment) values
    ('2026-01-01', 'a', 'old a', 4, 2, 1.0, 0.5000),
    ('2026-01-01', 'b', 'old b', 1, 1, -0.5, -0.5000),
    ('2026-01-02', 'c', 'old c', 3, 0, 0, null);

create temp table deltas (day date, tag text, label text, posts bigint, scored_posts bigint, sentiment_sum numeric);
insert into deltas values
    ('2026-01-01', 'a', 'new a', 2, 2, 1.0),     -- moves: 6 posts, 4 scored, sum 2.0, avg 0.5
    ('2026-01-01', 'b', 'new b', -1, -1, 0.5),   -- falls to zero: deleted
    ('2026-01-02', 'c', 'new c', 0, 0, 0),       -- no change: dropped from the deltas, row untouched
    ('2026-01-03', 'd', 'new d', 1, 1, -0.25),   -- new key: inserted with its average
    ('2026-01-03', 'e', 'new e', 0, 0, null);    -- unknown: dropped like a zero

select is(
    smelt.apply_mart_deltas('pg_temp.target', 'pg_temp.deltas', '{day,tag}',
                            '{"avg_sentiment": "smelt.average_sentiment(sentiment_sum, scored_posts)"}', '{label}'),
    3::bigint, 'returns the rows updated and inserted (a and b moved, d inserted)');

select results_eq(
    $$select day, tag, label, posts, scored_posts, sentiment_sum, avg_sentiment from target order by day, tag$$,
    $$values ('2026-01-01'::date, 'a'::text, 'new a'::text, 6::bigint, 4::bigint, 2.0::numeric, 0.5000::numeric),
             ('2026-01-02', 'c', 'old c', 3, 0, 0, null),
             ('2026-01-03', 'd', 'new d', 1, 1, -0.25, -0.2500)$$,
    'measures move by their deltas, derived columns follow the new values, replaced columns are copied, zero rows go');
select results_eq(
    $$select tag from deltas order by tag$$,
    $$values ('a'::text), ('b'), ('d')$$,
    'the delta table keeps only what changed');
select results_eq(
    $$select tag, updated_at = now() from target order by tag$$,
    $$values ('a'::text, true), ('c', false), ('d', false)$$,
    'moved rows get updated_at = now(), untouched rows keep theirs');

-- a measure whose name ends another's (posts, scored_posts) is substituted as a whole word
truncate deltas;
insert into deltas values ('2026-01-01', 'a', 'a', 2, 0, 0);
select is(
    smelt.apply_mart_deltas('pg_temp.target', 'pg_temp.deltas', '{day,tag}',
                            '{"avg_sentiment": "smelt.average_sentiment(sentiment_sum, scored_posts)"}', '{label}'),
    1::bigint, 'one row moved');
select results_eq(
    $$select posts, scored_posts, avg_sentiment from target where tag = 'a'$$,
    $$values (8::bigint, 4::bigint, 0.5000::numeric)$$,
    'posts moved alone; the average still divides by scored_posts');

-- without derived or replaced columns every other column is a measure
create temp table counts (day date, tag text, posts bigint check (posts >= 0), updated_at timestamptz not null default now(),
                          primary key (day, tag));
create temp table count_deltas (day date, tag text, posts bigint);
insert into count_deltas values ('2026-01-01', 'x', 5), ('2026-01-01', 'y', 0);
select is(smelt.apply_mart_deltas('pg_temp.counts', 'pg_temp.count_deltas', '{day,tag}'), 1::bigint,
          'a single measure: one row inserted');
select results_eq($$select tag, posts from counts$$, $$values ('x'::text, 5::bigint)$$, 'the new row');
truncate count_deltas;
insert into count_deltas values ('2026-01-01', 'x', -5);
select is(smelt.apply_mart_deltas('pg_temp.counts', 'pg_temp.count_deltas', '{day,tag}'), 1::bigint,
          'the row moved to zero');
select is_empty($$select * from counts$$, 'and was deleted');

-- a broken delta fails the call instead of publishing nonsense
truncate count_deltas;
insert into count_deltas values ('2026-01-01', 'z', -1);
select throws_ok($$select smelt.apply_mart_deltas('pg_temp.counts', 'pg_temp.count_deltas', '{day,tag}')$$,
                 '23514', null, 'a negative count violates the target''s check');

-- mistakes in the column lists are refused by name
create temp table wrong_deltas (day date, tag text, likes bigint);
select throws_ok($$select smelt.apply_mart_deltas('pg_temp.counts', 'pg_temp.wrong_deltas', '{day,tag}')$$,
                 'smelt.apply_mart_deltas: counts has no column likes',
                 'a measure the target lacks');
select throws_ok($$select smelt.apply_mart_deltas('pg_temp.counts', 'pg_temp.count_deltas', '{day,tag}',
                                                  '{"ratio": "posts * 2"}')$$,
                 'smelt.apply_mart_deltas: counts has no column ratio',
                 'a derived column the target lacks');
select throws_ok($$select smelt.apply_mart_deltas('pg_temp.counts', 'pg_temp.count_deltas', '{day,tag,posts}')$$,
                 'smelt.apply_mart_deltas: count_deltas has no measure columns',
                 'a delta table without measures');

select * from finish();
rollback;
