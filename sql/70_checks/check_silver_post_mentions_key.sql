-- check: silver_post_mentions_key
-- severity: error; runs on: refresh
-- guards: silver.post_mentions has one row per (source, post_id, mention) and no
--   empty mention.
-- The query returns the offending rows and must return none. It runs as is
-- in psql (all data); smelt.scope_* narrow it to a refresh's changes.
insert into smelt.checks (check_name, severity, layer, runs_on, guards, query)
values (
    'silver_post_mentions_key',
    'error',
    'silver',
    'refresh',
    'silver.post_mentions has one row per (source, post_id, mention) and no empty mention.',
    $check$
select m.source, m.post_id, m.mention, count(*) as copies
from silver.post_mentions as m
join smelt.scope_posts('silver.post_mentions') as s on s.source = m.source and s.post_id = m.post_id
group by m.source, m.post_id, m.mention
having count(*) > 1 or m.mention = ''
$check$)
on conflict (check_name) do update
    set severity = excluded.severity,
        layer = excluded.layer,
        runs_on = excluded.runs_on,
        guards = excluded.guards,
        query = excluded.query,
        updated_at = now();
