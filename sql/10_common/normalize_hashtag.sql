-- smelt.normalize_hashtag(tag) -> the grouping key of a hashtag for input
-- typed by people (smelt.add_campaign): leading '#'/'＃' removed, NFKC,
-- lowercased, NFKC again. The decoders compute hashtags_normalized with
-- smelt's C++ library (NFKC + full case folding); both agree on the tags
-- people type, full case folding differs only for a few letters (ß).
create or replace function smelt.normalize_hashtag(p_tag text)
returns text
language sql
immutable
strict
parallel safe
return normalize(lower(normalize(ltrim(btrim(p_tag), '#＃'), nfkc)), nfkc);
