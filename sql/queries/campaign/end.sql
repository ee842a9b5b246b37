-- Ends campaign $1 at $2 (NULL: now); returns its id.
select smelt.end_campaign($1, coalesce($2::timestamptz, now()));
