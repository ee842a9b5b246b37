-- Posts and comments whose newest observation lies in [$1, $2) but whose
-- sentiment was scored by another model than $3: what a backfill with
-- --rescore should have left at zero.
select
    (select count(*) from silver.posts as p
      where p.last_observed_at >= $1::timestamptz and p.last_observed_at < $2::timestamptz
        and p.sentiment_model is distinct from $3 and p.sentiment_compound is not null) as posts,
    (select count(*) from silver.comments as c
      where c.last_observed_at >= $1::timestamptz and c.last_observed_at < $2::timestamptz
        and c.sentiment_model is distinct from $3 and c.sentiment_compound is not null) as comments;
