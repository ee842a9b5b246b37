-- smelt.end_campaign(name, at) -> campaign_id
-- Ends a campaign at `at` (smelt campaign end): posts created from then on
-- no longer match. Posts already matched after `at` leave the campaign once
-- smelt.backfill_gold has run over [at, now()). Raises when the campaign
-- does not exist or `at` is not after its start.
create or replace function smelt.end_campaign(p_name text, p_at timestamptz default now())
returns integer
language plpgsql
as $$
declare
    v_campaign_id integer;
begin
    update smelt.campaigns
       set ends_at = p_at
     where name = btrim(p_name) and starts_at < p_at
    returning campaign_id into v_campaign_id;
    if v_campaign_id is null then
        raise exception 'no campaign named "%" that starts before %', p_name, p_at
            using errcode = 'no_data_found';
    end if;
    return v_campaign_id;
end;
$$;
