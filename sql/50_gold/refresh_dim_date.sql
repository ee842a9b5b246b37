-- smelt.refresh_dim_date() -> days inserted
-- gold.dim_date
-- grain: one row per UTC day; key: date_key (yyyymmdd)
-- upstreams: the days of pg_temp.tmp_post_new, tmp_minute_new, tmp_comment_new
-- refresh: incremental, insert-only: every day a fact row points at exists.
create or replace function smelt.refresh_dim_date()
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    with days as (
        select smelt.utc_day(created_at) as day from pg_temp.tmp_post_new
        union
        select smelt.utc_day(minute) from pg_temp.tmp_minute_new
        union
        select smelt.utc_day(created_at) from pg_temp.tmp_comment_new
    ),

    final as (
        select
            smelt.date_key(day) as date_key,
            day as date,
            extract(year from day)::smallint as year,
            extract(quarter from day)::smallint as quarter,
            extract(month from day)::smallint as month,
            to_char(day, 'FMMonth') as month_name,
            extract(day from day)::smallint as day_of_month,
            extract(isodow from day)::smallint as day_of_week,
            to_char(day, 'FMDay') as day_name,
            extract(isoyear from day)::smallint as iso_year,
            extract(week from day)::smallint as iso_week,
            extract(isodow from day) in (6, 7) as is_weekend
        from days
        where day is not null
    )

    insert into gold.dim_date (
        date_key, date, year, quarter, month, month_name, day_of_month, day_of_week, day_name,
        iso_year, iso_week, is_weekend)
    select * from final
    order by date_key
    on conflict do nothing;
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
