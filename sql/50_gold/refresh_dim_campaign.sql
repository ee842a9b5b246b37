-- smelt.refresh_dim_campaign() -> campaigns inserted or changed
-- gold.dim_campaign
-- grain: one row per campaign; key: campaign_key (= smelt.campaigns.campaign_id)
-- upstreams: smelt.campaigns
-- refresh: full compare of a small table on every run; only differences are
-- written.
create or replace function smelt.refresh_dim_campaign()
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    insert into gold.dim_campaign as d (campaign_key, campaign, brand, hashtags, keywords, starts_at, ends_at)
    select campaign_id, name, brand, hashtags, keywords, starts_at, ends_at
    from smelt.campaigns
    order by campaign_id
    on conflict (campaign_key) do update
        set campaign = excluded.campaign,
            brand = excluded.brand,
            hashtags = excluded.hashtags,
            keywords = excluded.keywords,
            starts_at = excluded.starts_at,
            ends_at = excluded.ends_at
        where (d.campaign, d.brand, d.hashtags, d.keywords, d.starts_at, d.ends_at)
              is distinct from
              (excluded.campaign, excluded.brand, excluded.hashtags, excluded.keywords,
               excluded.starts_at, excluded.ends_at);
    get diagnostics v_rows = row_count;
    return v_rows;
end;
$$;
