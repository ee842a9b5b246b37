-- smelt.regex_escape(text) -> text with every regular-expression
-- metacharacter escaped, so it matches itself literally.
create or replace function smelt.regex_escape(p_text text)
returns text
language sql
immutable
strict
parallel safe
return regexp_replace(p_text, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g');
