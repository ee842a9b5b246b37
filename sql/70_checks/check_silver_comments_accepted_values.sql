-- check: silver_comments_accepted_values
-- severity: error; runs on: refresh
-- guards: Comments come from the five platforms; sentiment_category is positive,
--   neutral or negative (or NULL when unscored); sentiment_status is scored exactly when sentiment_compound is set, else no_text, unsupported_language or undetermined_language; language is not empty;
--   likes are never negative. Reads the violation index
--   comments_invalid_values_idx.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_comments_accepted_values',
    'error',
    'silver',
    'refresh',
    'Comments come from the five platforms; sentiment_category is positive, neutral or negative (or NULL when unscored); sentiment_status is scored exactly when sentiment_compound is set, else no_text, unsupported_language or undetermined_language; language is not empty; likes are never negative. Reads the violation index comments_invalid_values_idx.',
    $check$
select c.source, c.comment_id, c.sentiment_status, c.sentiment_category, c.language, c.likes
from silver.comments as c
where c.source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
   or c.sentiment_category not in ('positive', 'neutral', 'negative')
   or c.sentiment_status not in ('scored', 'no_text', 'unsupported_language', 'undetermined_language')
   or (c.sentiment_status = 'scored') <> (c.sentiment_compound is not null)
   or c.language = ''
   or c.likes < 0
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
