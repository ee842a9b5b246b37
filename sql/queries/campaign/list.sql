-- Every campaign with its rules, its window, whether it runs now, and how
-- many posts silver matched to it so far.
select
    c.campaign_id,
    c.name,
    c.brand,
    array_to_string(array(select '#' || h from unnest(c.hashtags) as h), ' ') as hashtags,
    array_to_string(c.keywords, ', ') as keywords,
    c.starts_at,
    c.ends_at,
    case when c.starts_at > now() then 'scheduled'
         when c.ends_at is not null and c.ends_at <= now() then 'ended'
         else 'running' end as state,
    (select count(*) from silver.campaign_posts as p where p.campaign_id = c.campaign_id) as posts
from smelt.campaigns as c
order by c.starts_at, c.name;
