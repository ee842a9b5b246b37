-- Moves a discovery stream past a page whose messages Kafka acknowledged;
-- $5: the page was the walk's last.
insert into smelt.collect_cursors as c (platform, campaign_id, stream, cursor, pages, walk_ended_at)
values ($1, $2::integer, $3, $4::jsonb, 1, case when $5::boolean then now() end)
on conflict (platform, campaign_id, stream) do update
set cursor = excluded.cursor, pages = c.pages + 1, updated_at = now(), walk_ended_at = excluded.walk_ended_at;
