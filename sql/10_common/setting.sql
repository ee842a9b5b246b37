-- smelt.setting(name) -> the value of a row of smelt.settings (NULL if absent).
create or replace function smelt.setting(p_name text)
returns text
language sql
stable
return (select s.value from smelt.settings as s where s.name = p_name);
