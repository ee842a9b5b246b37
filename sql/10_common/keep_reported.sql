-- smelt.keep_reported(state, value) -> value: the transition function of
-- smelt.last_reported. Being strict, a NULL value leaves the state alone.
create or replace function smelt.keep_reported(p_state anyelement, p_value anyelement)
returns anyelement
language sql
immutable
strict
parallel safe
as 'select p_value';
