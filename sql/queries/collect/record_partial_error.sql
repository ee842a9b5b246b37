-- Keeps an error reported inside a successful response.
insert into smelt.collect_partial_errors (platform, campaign_id, request, detail)
values ($1, $2::integer, $3, $4::jsonb);
