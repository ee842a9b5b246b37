-- check: silver_posts_accepted_values
-- severity: error; runs on: refresh
-- guards: Posts come from the five platforms (x, instagram, tiktok, youtube,
--   reddit); sentiment_category is positive, neutral or negative, set
--   exactly when sentiment_compound is, which lies in [-1, 1]; language is
--   not empty. Reads the violation index posts_invalid_values_idx.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_posts_accepted_values',
    'error',
    'silver',
    'refresh',
    'Posts come from the five platforms (x, instagram, tiktok, youtube, reddit); sentiment_category is positive, neutral or negative, set exactly when sentiment_compound is, which lies in [-1, 1]; sentiment_status is scored exactly when sentiment_compound is set, else no_text, unsupported_language or undetermined_language; language is not empty. Reads the violation index posts_invalid_values_idx.',
    $check$
select p.source, p.post_id, p.sentiment_status, p.sentiment_category, p.sentiment_compound, p.language
from silver.posts as p
where p.source not in ('x', 'instagram', 'tiktok', 'youtube', 'reddit')
   or p.sentiment_category not in ('positive', 'neutral', 'negative')
   or p.sentiment_status not in ('scored', 'no_text', 'unsupported_language', 'undetermined_language')
   or (p.sentiment_status = 'scored') <> (p.sentiment_compound is not null)
   or (p.sentiment_category is null) <> (p.sentiment_compound is null)
   or p.sentiment_compound < -1 or p.sentiment_compound > 1
   or p.language = ''
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
