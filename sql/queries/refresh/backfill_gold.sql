-- Recomputes gold for the event-time range [$2, $3); run $1.
call smelt.backfill_gold($1, $2::timestamptz, $3::timestamptz);
