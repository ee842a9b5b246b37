-- smelt.date_key(day) -> the gold.dim_date key of a day: yyyymmdd as an integer.
create or replace function smelt.date_key(p_day date)
returns integer
language sql
immutable
parallel safe
return (extract(year from p_day) * 10000 + extract(month from p_day) * 100 + extract(day from p_day))::integer;
