-- Posts and comments whose newest observation lies in [$1, $2) but whose
-- sentiment does not match what the current models give: scored by another
-- model than $3 names for their language ($3: a JSON object
-- {"en": "<name>/<version>", "es": ...}, looked up by the full tag, e.g.
-- 'hi-Latn', then by the primary subtag), or unscored for lack of a model
-- although $3 now has one. What a backfill with --rescore should have left
-- at zero.
with models as (
    select $3::jsonb as by_language
)

select
    (select count(*) from silver.posts as p cross join models as m
      where p.last_observed_at >= $1::timestamptz and p.last_observed_at < $2::timestamptz
        and p.sentiment_status in ('scored', 'unsupported_language')
        and p.sentiment_model is distinct from
            coalesce(m.by_language ->> p.language, m.by_language ->> split_part(p.language, '-', 1))) as posts,
    (select count(*) from silver.comments as c cross join models as m
      where c.last_observed_at >= $1::timestamptz and c.last_observed_at < $2::timestamptz
        and c.sentiment_status in ('scored', 'unsupported_language')
        and c.sentiment_model is distinct from
            coalesce(m.by_language ->> c.language, m.by_language ->> split_part(c.language, '-', 1))) as comments;
