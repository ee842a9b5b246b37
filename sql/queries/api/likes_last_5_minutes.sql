-- Likes gained per platform in the last five complete minutes
-- (gold.mart_likes_last_5_minutes). $1 platform (NULL: every platform).
-- Reads gold only.
with rows as (
    select l.platform, l.likes_gained, l.window_start, l.window_end
    from gold.mart_likes_last_5_minutes as l
    where $1::text is null or l.platform = $1::text
)

select json_build_object(
    'window_start', (select min(window_start) from rows),
    'window_end', (select max(window_end) from rows),
    'rows', coalesce((select json_agg(r order by r.platform) from rows as r), '[]')
)::text;
