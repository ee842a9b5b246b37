-- True when smelt.schema_history exists (status and validate never create it).
select to_regclass('smelt.schema_history') is not null
