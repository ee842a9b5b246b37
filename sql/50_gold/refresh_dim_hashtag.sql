-- smelt.refresh_dim_hashtag() -> hashtags inserted or changed
-- gold.dim_hashtag
-- grain: one row per normalized hashtag; key: hashtag_key; hashtag is unique
-- upstreams: silver.post_hashtags of the claimed posts whose hashtags
--   changed or that are new to gold (pg_temp.tmp_post_new vs tmp_post_old)
-- refresh: incremental, insert-only. display_hashtag is the least spelling
-- seen and first_used_at the earliest created_at seen, so the result does
-- not depend on arrival order.
create or replace function smelt.refresh_dim_hashtag()
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    with changed as (
        select n.platform, n.post_id
        from pg_temp.tmp_post_new as n
        where n.hashtags_changed
    ),

    final as (
        select h.hashtag, min(h.display_hashtag) as display_hashtag, min(h.created_at) as first_used_at
        from changed as c
        join silver.post_hashtags as h on h.source = c.platform and h.post_id = c.post_id
        group by h.hashtag
    )

    insert into gold.dim_hashtag as d (hashtag, display_hashtag, first_used_at)
    select hashtag, display_hashtag, first_used_at
    from final
    order by hashtag
    on conflict (hashtag) do update
        set display_hashtag = least(d.display_hashtag, excluded.display_hashtag),
            first_used_at = least(d.first_used_at, excluded.first_used_at)
        where excluded.display_hashtag < d.display_hashtag
           or excluded.first_used_at < d.first_used_at;
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
