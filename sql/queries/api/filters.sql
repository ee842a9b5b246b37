-- The dashboard's filter choices: platforms and campaigns, as one JSON object.
-- Reads gold only (runs as smelt_bi).
select json_build_object(
    'platforms', (select coalesce(json_agg(json_build_object('platform', p.platform, 'name', p.platform_name)
                                           order by p.platform_key), '[]')
                  from gold.dim_platform as p),
    'campaigns', (select coalesce(json_agg(json_build_object('campaign_id', c.campaign_key, 'campaign', c.campaign,
                                                             'brand', c.brand, 'hashtags', c.hashtags)
                                           order by c.campaign), '[]')
                  from gold.dim_campaign as c)
)::text;
