#!/usr/bin/env bash
# Creates (or updates) the login roles Grafana and Superset use; both are
# members of smelt_bi, so they read gold and nothing else. Passwords come
# from the compose secrets and never appear on a command line.
set -euo pipefail
for tool in grafana superset; do
  password=$(cat "/run/secrets/${tool}_db_password")
  psql -v ON_ERROR_STOP=1 -v role="smelt_${tool}" -v password="$password" <<'SQL'
select format('create role %I login', :'role')
where not exists (select 1 from pg_roles where rolname = :'role') \gexec
select format('alter role %I login password %L in role smelt_bi', :'role', :'password') \gexec
select format('grant smelt_bi to %I', :'role') \gexec
SQL
done
