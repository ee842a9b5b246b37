-- smelt.advance_partition_watermarks() -> partitions advanced
-- Moves each Kafka partition's event-time watermark
-- (smelt.partition_watermarks) to the newest observed_at in the decode
-- staging tables, and notes that the partition delivered now. Live merges
-- only; these watermarks bound gold's complete_through (docs/refresh.md).
-- A watermark never passes now(): an event stamped in the future (a
-- producer's clock off, or hostile input) is merged, but cannot declare
-- event time complete that has not happened yet.
create or replace function smelt.advance_partition_watermarks()
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    insert into smelt.partition_watermarks as w (kafka_partition, max_observed_at, updated_at)
    select kafka_partition, least(max(observed_at), now()), now()
    from (
        select kafka_partition, observed_at from pg_temp.stg_posts
        union all
        select kafka_partition, observed_at from pg_temp.stg_comments
        union all
        select kafka_partition, observed_at from pg_temp.stg_users
    ) as staged
    where kafka_partition is not null and observed_at is not null
    group by kafka_partition
    order by kafka_partition
    on conflict (kafka_partition) do update
        set max_observed_at = greatest(w.max_observed_at, excluded.max_observed_at),
            updated_at = excluded.updated_at;
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
