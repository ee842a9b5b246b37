-- silver.counter_regressions: counters that went backwards between two
-- consecutive observations of a post (a platform lowering likes after
-- removing spam, an unlike wave...). Recorded, not hidden: the negative
-- gain stays in silver.post_observations and in gold's engagement facts.
-- grain: one row per (post, observation, counter) with a negative gain
-- key: (source, post_id, observed_at, counter)
-- upstreams: silver.post_observations (partial index on regressions)
-- refresh: a view, always current
create or replace view silver.counter_regressions as
with observations as (
    select *
    from silver.post_observations
    where likes_gained < 0 or shares_gained < 0 or comments_gained < 0
       or views_gained < 0 or impressions_gained < 0
),

exploded as (
    select
        o.source,
        o.post_id,
        o.observed_at,
        o.previous_observed_at,
        c.counter,
        c.value,
        c.gained
    from observations as o
    cross join lateral (
        values
            ('likes', o.likes_carried, o.likes_gained),
            ('shares', o.shares_carried, o.shares_gained),
            ('comments', o.comments_carried, o.comments_gained),
            ('views', o.views_carried, o.views_gained),
            ('impressions', o.impressions_carried, o.impressions_gained)
    ) as c (counter, value, gained)
),

final as (
    select
        source,
        post_id,
        observed_at,
        previous_observed_at,
        counter,
        value - gained as previous_value,
        value,
        gained as change
    from exploded
    where gained < 0
)

select * from final;
