-- Records one applied script; runs in the script's own transaction.
-- $1 version (null for repeatables), $2 description, $3 script path,
-- $4 kind, $5 checksum, $6 execution_ms
insert into smelt.schema_history
    (version, description, script, kind, checksum, execution_ms, success)
values ($1, $2, $3, $4, $5, $6, true)
