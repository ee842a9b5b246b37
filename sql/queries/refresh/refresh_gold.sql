-- Refreshes gold for every dirty key, gated by the checks; run $1.
call smelt.refresh_gold($1);
