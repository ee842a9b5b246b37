-- 90 days of gold history at the source plan's volume, built directly (no
-- pipeline), for bench/dashboard_queries.sh. Fills what the dashboard reads:
-- the marts, the trending totals (gold.mart_hashtag_totals_7d),
-- gold.dim_hashtag, gold.dim_campaign and gold.mart_freshness.
-- psql variables: days (history length), end_ts (complete_through, a whole
-- minute), hashtags (general hashtags besides the campaigns' 16).
--
-- Volume (docs/generator.md): 10 M events/hour over five platforms, 5% of
-- them new posts, so 500,000 posts/hour; about 4 hashtags per post drawn by
-- Zipf(1.1) over 3,712 general tags plus the campaigns' tags, so every tag
-- has posts in every hour (rank 1 about 300,000, the last rank about 40).
-- Row counts for 90 days: mart_engagement_minute 648,000 (minute x platform),
-- mart_hourly_activity 10,800, mart_hashtag_sentiment_hourly 8.1 M
-- (hour x hashtag), mart_hashtag_daily 339,000, mart_campaign_daily and
-- mart_share_of_voice_daily 540 each (6 campaigns, 6 brands).
-- Deterministic: setseed below.

\set ON_ERROR_STOP on
select setseed(0.42);

truncate gold.mart_engagement_minute, gold.mart_hourly_activity, gold.mart_hashtag_sentiment_hourly,
         gold.mart_hashtag_daily, gold.mart_hashtag_totals_7d, gold.mart_campaign_daily, gold.mart_share_of_voice_daily,
         gold.mart_daily_active_users, gold.mart_volume_by_region_daily, gold.mart_volume_by_language_daily;
delete from gold.dim_hashtag;
delete from gold.dim_campaign;

insert into gold.dim_campaign (campaign_key, campaign, brand, hashtags, keywords, starts_at)
select c.id, c.slug, c.brand, c.tags, c.keywords, :'end_ts'::timestamptz - make_interval(days => :days)
from (values
    (1, 'aurora-x2-launch', 'Aurora', array['aurorax2', 'shotonaurora', 'auroralaunch'], array['Aurora X2', 'Aurora phone']),
    (2, 'verde-cola-summer', 'Verde Cola', array['verdecola', 'tastethegreen', 'verdesummer'], array['Verde Cola']),
    (3, 'helix-bank-app', 'Helix Bank', array['helixbank', 'helixdown', 'helixrewards'], array['Helix Bank', 'Helix app']),
    (4, 'nimbus-air-routes', 'Nimbus Air', array['nimbusair', 'flynimbus', 'nimbusdelays'], array['Nimbus Air']),
    (5, 'pulse-30-day-challenge', 'Pulse Fit', array['pulsechallenge', '30daysofpulse'], array['Pulse Fit', 'Pulse app']),
    (6, 'orbit-originals', 'Orbit+', array['orbitoriginals', 'orbitfinale', 'orbitplus'], array['Orbit+', 'Orbit Originals'])
) as c (id, slug, brand, tags, keywords);

-- Hashtags by popularity rank: the campaigns' tags among the popular ones.
create temp table tag_rank as
with campaign_tags as (
    select t.tag, row_number() over (order by c.campaign_key, t.ord) as n
    from gold.dim_campaign as c, unnest(c.hashtags) with ordinality as t (tag, ord)
),
general as (
    select 'tag' || g as tag, g as n from generate_series(1, :hashtags) as g
)
select tag, row_number() over (order by case when n <= 16 and tag not like 'tag%' then n * 7 else n end, tag) as rank
from (select tag, n from campaign_tags union all select tag, n + 16 from general) as t;

insert into gold.dim_hashtag (hashtag, display_hashtag, first_used_at)
select tag, initcap(tag), :'end_ts'::timestamptz - make_interval(days => :days) from tag_rank;

-- Posts per hour and hashtag: 2 M hashtag uses per hour split by Zipf(1.1),
-- with a daily cycle and noise.
create temp table tag_share as
select tag, power(rank, -1.1) / sum(power(rank, -1.1)) over () as share from tag_rank;

insert into gold.mart_hashtag_sentiment_hourly (hour, hashtag, posts, scored_posts, sentiment_sum, avg_sentiment,
                                                positive_posts, neutral_posts, negative_posts)
select h.hour, s.tag, p.posts, p.scored, p.scored * p.tone, p.tone,
       (p.scored * 0.5)::bigint, p.scored - (p.scored * 0.5)::bigint - (p.scored * 0.2)::bigint, (p.scored * 0.2)::bigint
from generate_series(date_trunc('hour', :'end_ts'::timestamptz) - make_interval(days => :days),
                     date_trunc('hour', :'end_ts'::timestamptz), interval '1 hour') as h (hour)
cross join tag_share as s
cross join lateral (
    select greatest(1, round(2000000 * s.share * (0.75 + 0.5 * sin(extract(hour from h.hour) / 24.0 * 2 * pi()) ^ 2)
                             * (0.8 + 0.4 * random())))::bigint as posts,
           (random() * 1.4 - 0.7)::numeric(6, 4) as tone
) as q
cross join lateral (select q.posts, (q.posts * 0.97)::bigint as scored, q.tone) as p;

insert into gold.mart_hashtag_daily (day, hashtag, posts, scored_posts, sentiment_sum, avg_sentiment)
select (hour at time zone 'UTC')::date, hashtag, sum(posts), sum(scored_posts), sum(sentiment_sum),
       sum(sentiment_sum) / nullif(sum(scored_posts), 0)
from gold.mart_hashtag_sentiment_hourly
group by 1, 2;

-- Engagement per minute and platform: 10 M events/hour, 70% observations.
insert into gold.mart_engagement_minute (minute, platform, posts_observed, observations, likes_gained, shares_gained,
                                         comments_gained, views_gained, impressions_gained, engagement_gained,
                                         reach_gained, engagement_rate)
select m.minute, p.platform, e.observations * 7 / 10, e.observations, e.likes, e.likes / 8, e.likes / 5,
       e.likes * 25, e.likes * 40, e.likes + e.likes / 8 + e.likes / 5, e.likes * 30,
       round((e.likes + e.likes / 8 + e.likes / 5)::numeric / nullif(e.likes * 30, 0), 6)
from generate_series(:'end_ts'::timestamptz - make_interval(days => :days),
                     :'end_ts'::timestamptz - interval '1 minute', interval '1 minute') as m (minute)
cross join gold.dim_platform as p
cross join lateral (
    select (23000 * (0.8 + 0.4 * random()))::bigint as observations,
           (9000 * (0.5 + random()))::bigint as likes
    where m.minute is not null and p.platform is not null  -- correlated: fresh random() per row
) as e;

insert into gold.mart_hourly_activity (hour, platform, posts, comments, observations, scored_posts, sentiment_sum,
                                       avg_sentiment, likes_gained, shares_gained, comments_gained, views_gained,
                                       impressions_gained, engagement_gained, reach_gained, engagement_rate)
select date_trunc('hour', minute), platform, sum(posts_observed) / 14, sum(posts_observed) / 4, sum(observations),
       sum(posts_observed) / 15, sum(posts_observed) / 150, 0.1, sum(likes_gained), sum(shares_gained),
       sum(comments_gained), sum(views_gained), sum(impressions_gained), sum(engagement_gained), sum(reach_gained),
       round(sum(engagement_gained)::numeric / nullif(sum(reach_gained), 0), 6)
from gold.mart_engagement_minute
group by 1, 2;

-- Campaigns: 22% of 500,000 posts/hour, split by the campaigns' shares.
insert into gold.mart_campaign_daily (day, campaign_id, campaign, brand, posts, authors, observations, scored_posts,
                                      sentiment_sum, avg_sentiment, positive_posts, neutral_posts, negative_posts,
                                      likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
                                      engagement_gained, reach_gained, engagement_rate)
select d.day, c.campaign_key, c.campaign, c.brand, v.posts, v.posts * 6 / 10, v.posts * 14, v.posts * 97 / 100,
       v.posts * 0.2, 0.2, v.posts / 2, v.posts * 3 / 10, v.posts / 5, v.posts * 40, v.posts * 5, v.posts * 8,
       v.posts * 1000, v.posts * 1600, v.posts * 53, v.posts * 1200, round(53.0 / 1200, 6)
from generate_series((:'end_ts'::timestamptz at time zone 'UTC')::date - (:days - 1),
                     (:'end_ts'::timestamptz at time zone 'UTC')::date, interval '1 day') as d (day)
cross join gold.dim_campaign as c
cross join lateral (
    select (2640000 * (array[0.28, 0.20, 0.18, 0.14, 0.12, 0.08])[c.campaign_key] * (0.8 + 0.4 * random()))::bigint
        as posts
) as v;

insert into gold.mart_share_of_voice_daily (day, brand, posts, observations, engagement_gained, share_of_voice,
                                            engagement_share)
select day, brand, posts, observations, engagement_gained,
       round(100.0 * posts / sum(posts) over (partition by day), 2),
       round(100.0 * engagement_gained / sum(engagement_gained) over (partition by day), 2)
from gold.mart_campaign_daily;

insert into gold.mart_daily_active_users (day, platform, active_users, posting_users, commenting_users)
select day, p.platform, 2000000, 900000, 1200000
from generate_series((:'end_ts'::timestamptz at time zone 'UTC')::date - (:days - 1),
                     (:'end_ts'::timestamptz at time zone 'UTC')::date, interval '1 day') as d (day)
cross join gold.dim_platform as p;

insert into gold.mart_volume_by_region_daily (day, platform, region, posts)
select day, p.platform, r.region, 120000
from generate_series((:'end_ts'::timestamptz at time zone 'UTC')::date - (:days - 1),
                     (:'end_ts'::timestamptz at time zone 'UTC')::date, interval '1 day') as d (day)
cross join gold.dim_platform as p
cross join unnest(array['US', 'GB', 'CA', 'AU', 'IN', 'ES', 'MX', 'AR', 'CO', 'BR', 'PT', 'JP', 'FR', 'BE', 'DE',
                        'AT', 'CH', 'IT', 'IE', 'NZ']) as r (region);

insert into gold.mart_volume_by_language_daily (day, platform, language, posts, comments)
select day, p.platform, l.language, 300000, 1000000
from generate_series((:'end_ts'::timestamptz at time zone 'UTC')::date - (:days - 1),
                     (:'end_ts'::timestamptz at time zone 'UTC')::date, interval '1 day') as d (day)
cross join gold.dim_platform as p
cross join unnest(array['en', 'es', 'pt', 'ja', 'fr', 'de', 'it']) as l (language);

update gold.mart_freshness set complete_through = :'end_ts'::timestamptz, refreshed_at = now();

-- the trending totals of the published window, as the refresh keeps them
select smelt.refresh_mart_hashtag_totals_7d(false);

analyze gold.mart_engagement_minute, gold.mart_hourly_activity, gold.mart_hashtag_sentiment_hourly,
        gold.mart_hashtag_daily, gold.mart_hashtag_totals_7d, gold.mart_campaign_daily, gold.mart_share_of_voice_daily,
        gold.mart_daily_active_users, gold.mart_volume_by_region_daily, gold.mart_volume_by_language_daily,
        gold.dim_hashtag, gold.dim_campaign, gold.mart_freshness;
