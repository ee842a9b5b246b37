-- True when [$1, $2) is a finite, non-empty time range.
select isfinite($1::timestamptz) and isfinite($2::timestamptz) and $2::timestamptz > $1::timestamptz;
