-- smelt.last_reported(value) -> the last non-NULL value in the aggregate's
-- order. As a window aggregate over (order by observed_at) it carries a
-- counter forward past observations that did not report it.
create or replace aggregate smelt.last_reported(anyelement) (
    sfunc = smelt.keep_reported,
    stype = anyelement
);
