-- Each mart's complete_through and last refresh, and the pipeline's lag as
-- gold sees it: seconds from the minute marts' complete_through to now.
-- Reads gold only.
select json_build_object(
    'now', now(),
    'lag_s', (select round(extract(epoch from now() - f.complete_through)::numeric, 1)
              from gold.mart_freshness as f where f.mart = 'mart_engagement_minute'),
    'refreshed_s_ago', (select round(extract(epoch from now() - max(f.refreshed_at))::numeric, 1)
                        from gold.mart_freshness as f),
    'marts', coalesce((select json_agg(json_build_object('mart', f.mart, 'grain', f.grain,
                                                         'complete_through', f.complete_through,
                                                         'refreshed_at', f.refreshed_at)
                                       order by f.mart)
                       from gold.mart_freshness as f), '[]')
)::text;
