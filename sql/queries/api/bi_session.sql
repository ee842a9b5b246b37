-- Makes a dashboard connection read-only and gold-only: it acts as smelt_bi
-- (migrations/V0106__bi_role.sql) from here on, every transaction is read
-- only, and no statement runs longer than $1 milliseconds. JIT is off: the
-- API's statements are short, but their windows come from mart_freshness,
-- so the planner cannot see their bounds, overestimates the rows tenfold and
-- passes jit_above_cost, and compiling then costs 30 to 60 ms of a 10 ms
-- statement (EXPLAIN ANALYZE of hashtag_sentiment on 90 days of gold).
select
    set_config('jit', 'off', false),
    set_config('role', 'smelt_bi', false),
    set_config('default_transaction_read_only', 'on', false),
    set_config('statement_timeout', $1::text, false),
    current_user;
