-- The id of the campaign named $1 (as smelt.add_campaign stores names), if any.
select c.campaign_id from smelt.campaigns as c where c.name = btrim($1);
