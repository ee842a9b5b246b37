-- When a discovery stream was last followed to its end, so that --interval
-- holds for every collector of a deployment: a stream walked to its end less
-- than --interval ago, by any collector, is not walked again yet. Two
-- collectors of the same campaign then spend the platform's quota once, not
-- twice. Null while a walk is under way (its pages are resumed at once).
alter table smelt.collect_cursors add column walk_ended_at timestamptz;
