-- smelt.refresh_dim_post() -> posts inserted or changed
-- gold.dim_post
-- grain: one row per post; key: post_key; (platform, post_id) is unique
-- upstreams: silver.posts, silver.campaign_posts (of claimed posts),
--   gold.dim_user, gold.dim_platform
-- refresh: incremental; only descriptive changes are written. Builds
-- pg_temp.tmp_post_new - the new gold state of every claimed post still in
-- silver: keys, attributes, current counters, its distinct normalized
-- hashtags (sorted) and campaigns, and whether those changed - for the
-- fact, bridge and mart steps.
-- Authors without a dim_user row get one (smelt.ensure_dim_user_authors).
-- Posts of an unknown platform are left out of gold (check
-- silver_posts_accepted_values blocks the run anyway). Posts gone from
-- silver lose their dim_post row in smelt.refresh_fct_posts.
create or replace function smelt.refresh_dim_post()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_authors bigint;
    v_rows    bigint;
begin
    drop table if exists pg_temp.tmp_post_new;
    create temp table tmp_post_new on commit drop as
    -- The campaigns of the claimed posts in one join (a subquery per post
    -- cost more than the rest of the row).
    with campaigns as (
        select cp.source, cp.post_id, array_agg(cp.campaign_id order by cp.campaign_id) as campaign_ids
        from pg_temp.gold_scope_posts as s
        join silver.campaign_posts as cp on cp.source = s.source and cp.post_id = s.post_id
        group by cp.source, cp.post_id
    ),

    posts as (
    select
        d.post_key,
        p.source as platform,
        pl.platform_key,
        u.user_key,
        p.post_id,
        p.author_id,
        p.author_username,
        p.created_at,
        smelt.date_key(smelt.utc_day(p.created_at)) as date_key,
        p.language,
        p.region,
        p.url,
        p.text,
        -- no hashtag, or a single one: already distinct and in order
        -- (most posts; the subqueries cost more than the rest of the row)
        case when cardinality(p.hashtags_normalized) = 0 then '{}'
             when cardinality(p.hashtags_normalized) = 1 and p.hashtags_normalized[1] <> ''
                 then p.hashtags_normalized
             else array(select h.hashtag
                          from unnest(p.hashtags_normalized) with ordinality as h (hashtag, position)
                         where h.hashtag <> ''
                         group by h.hashtag
                         order by min(h.position))
        end as hashtags_in_order,
        case when cardinality(p.hashtags_normalized) = 0 then '{}'
             when cardinality(p.hashtags_normalized) = 1 and p.hashtags_normalized[1] <> ''
                 then p.hashtags_normalized
             else array(select distinct h.hashtag
                          from unnest(p.hashtags_normalized) as h (hashtag)
                         where h.hashtag <> ''
                         order by h.hashtag)
        end as hashtags,
        coalesce(c.campaign_ids, '{}') as campaign_ids,
        p.mentions,
        p.cashtags,
        p.sentiment_compound,
        p.sentiment_category,
        p.sentiment_model,
        p.likes,
        p.shares,
        p.comments,
        p.views,
        p.impressions,
        p.first_seen_at,
        p.last_observed_at,
        d.user_key as dim_user_key,
        d.author_username as dim_author_username,
        d.created_at as dim_created_at,
        d.language as dim_language,
        d.region as dim_region,
        d.url as dim_url,
        d.text as dim_text,
        d.hashtags as dim_hashtags,
        d.mentions as dim_mentions,
        d.cashtags as dim_cashtags,
        d.sentiment_compound as dim_sentiment_compound,
        d.sentiment_category as dim_sentiment_category,
        d.sentiment_model as dim_sentiment_model
    from pg_temp.gold_scope_posts as s
    join silver.posts as p on p.source = s.source and p.post_id = s.post_id
    join gold.dim_platform as pl on pl.platform = p.source
    left join gold.dim_user as u on u.platform = p.source and u.user_id = p.author_id
    left join gold.dim_post as d on d.platform = p.source and d.post_id = p.post_id
    left join campaigns as c on c.source = p.source and c.post_id = p.post_id
    ),

    final as (
        select
            p.*,
            o.post_key is null or o.hashtags is distinct from p.hashtags as hashtags_changed,
            o.post_key is null or o.campaign_ids is distinct from p.campaign_ids as campaigns_changed
        from posts as p
        left join pg_temp.tmp_post_old as o on o.post_key = p.post_key
    )

    select * from final;

    select smelt.ensure_dim_user_authors(array_agg(platform), array_agg(author_id), array_agg(author_username))
      into v_authors
      from tmp_post_new as n
     where n.author_id is not null
       and (n.user_key is null
            or (n.author_username is not null
                and exists (select from gold.dim_user as u
                             where u.user_key = n.user_key and u.username is null and not u.has_profile)));

    if v_authors > 0 then
        update tmp_post_new as n
           set user_key = u.user_key
          from gold.dim_user as u
         where n.user_key is null and n.author_id is not null
           and u.platform = n.platform and u.user_id = n.author_id;
    end if;

    with upserted as (
        insert into gold.dim_post as d (
            platform, post_id, user_key, author_username, created_at, date_key, language, region, url,
            text, hashtags, mentions, cashtags, sentiment_compound, sentiment_category, sentiment_model)
        select
            platform, post_id, user_key, author_username, created_at, date_key, language, region, url,
            text, hashtags_in_order, mentions, cashtags, sentiment_compound, sentiment_category,
            sentiment_model
        from tmp_post_new
        where post_key is null
           or (dim_user_key, dim_author_username, dim_created_at, dim_language, dim_region, dim_url,
               dim_text, dim_hashtags, dim_mentions, dim_cashtags, dim_sentiment_compound,
               dim_sentiment_category, dim_sentiment_model)
              is distinct from
              (user_key, author_username, created_at, language, region, url, text, hashtags_in_order,
               mentions, cashtags, sentiment_compound, sentiment_category, sentiment_model)
        order by platform, post_id
        on conflict (platform, post_id) do update
            set user_key = excluded.user_key,
                author_username = excluded.author_username,
                created_at = excluded.created_at,
                date_key = excluded.date_key,
                language = excluded.language,
                region = excluded.region,
                url = excluded.url,
                text = excluded.text,
                hashtags = excluded.hashtags,
                mentions = excluded.mentions,
                cashtags = excluded.cashtags,
                sentiment_compound = excluded.sentiment_compound,
                sentiment_category = excluded.sentiment_category,
                sentiment_model = excluded.sentiment_model
            where (d.user_key, d.author_username, d.created_at, d.date_key, d.language, d.region, d.url,
                   d.text, d.hashtags, d.mentions, d.cashtags, d.sentiment_compound,
                   d.sentiment_category, d.sentiment_model)
                  is distinct from
                  (excluded.user_key, excluded.author_username, excluded.created_at, excluded.date_key,
                   excluded.language, excluded.region, excluded.url, excluded.text, excluded.hashtags,
                   excluded.mentions, excluded.cashtags, excluded.sentiment_compound,
                   excluded.sentiment_category, excluded.sentiment_model)
        returning d.post_key, d.platform, d.post_id
    )

    update tmp_post_new as n
       set post_key = u.post_key
      from upserted as u
     where n.post_key is null and u.platform = n.platform and u.post_id = n.post_id;

    select count(*) into v_rows from tmp_post_new;
    analyze tmp_post_new (post_key, platform, post_id, hashtags_changed, campaigns_changed);
    return v_rows;
end;
$$;
