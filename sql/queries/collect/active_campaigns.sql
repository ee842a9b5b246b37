-- Campaigns running now, with their hashtags and keywords as JSON arrays.
select campaign_id,
       name,
       array_to_json(hashtags)::text as hashtags,
       array_to_json(keywords)::text as keywords,
       (extract(epoch from starts_at) * 1000000)::bigint as starts_at_us
from smelt.campaigns
where starts_at <= now()
  and (ends_at is null or ends_at > now())
order by campaign_id;
