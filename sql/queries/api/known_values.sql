-- The values the dashboard API accepts for its platform and campaign
-- parameters: (kind, value) rows. Reads gold only.
select 'platform' as kind, p.platform as value from gold.dim_platform as p
union all
select 'campaign', c.campaign_key::text from gold.dim_campaign as c;
