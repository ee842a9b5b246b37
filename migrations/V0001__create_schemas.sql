-- The layers are schemas: bronze (raw, kept forever), silver (clean,
-- conformed), gold (star schema and marts that BI tools read) and smelt
-- (the pipeline's own state: offsets, batches, runs).
create schema if not exists bronze;
create schema if not exists silver;
create schema if not exists gold;
create schema if not exists smelt;
