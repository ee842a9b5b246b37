-- Keeps a response that could not be read ($6: its bytes, hex-encoded).
insert into smelt.collect_bad_pages (platform, campaign_id, request, http_status, reason, body)
values ($1, $2::integer, $3, $4::integer, $5, decode($6, 'hex'));
