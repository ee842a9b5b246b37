-- Undoes session settings a script may have changed (SET search_path, SET
-- ROLE ...) so the next script starts as a fresh psql session would.
-- Unlike DISCARD ALL it keeps the migration lock.
reset all
