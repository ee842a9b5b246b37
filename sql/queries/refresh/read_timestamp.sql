-- $1 read as a timestamptz (any form PostgreSQL accepts), in UTC text.
select $1::timestamptz;
