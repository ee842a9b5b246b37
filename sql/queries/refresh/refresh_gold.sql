-- Refreshes gold for every dirty key, gated by the checks; run $1. With $2
-- true the deferrable checks are left to smelt.check_deferred.
call smelt.refresh_gold($1, $2::boolean);
