-- Makes a dashboard connection read-only and gold-only: it acts as smelt_bi
-- (migrations/V0106__bi_role.sql) from here on, every transaction is read
-- only, and no statement runs longer than $1 milliseconds.
select
    set_config('role', 'smelt_bi', false),
    set_config('default_transaction_read_only', 'on', false),
    set_config('statement_timeout', $1::text, false),
    current_user;
