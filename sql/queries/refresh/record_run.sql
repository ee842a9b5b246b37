-- Records one step of run $1 in smelt.refresh_runs: model $2, rows $3,
-- started at $4, status $5 ('ok', 'failed'), error or remark $6.
call smelt.record_run($1, $2, $3::bigint, $4::timestamptz, $5, $6);
