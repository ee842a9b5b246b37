-- Moves a discovery stream past a page whose messages Kafka acknowledged.
insert into smelt.collect_cursors as c (platform, campaign_id, stream, cursor, pages)
values ($1, $2::integer, $3, $4::jsonb, 1)
on conflict (platform, campaign_id, stream) do update
set cursor = excluded.cursor, pages = c.pages + 1, updated_at = now();
