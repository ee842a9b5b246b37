#!/usr/bin/env bash
# Superset for smelt: initializes its metadata database, creates the admin,
# imports the "Real-Time Engagement" dashboard (export/: database, six gold
# datasets, six charts, the dashboard) and serves on 8088. Secrets come from
# files and never reach a command line.
set -euo pipefail
SUPERSET_SECRET_KEY=$(cat "$SUPERSET_SECRET_KEY_FILE")
export SUPERSET_SECRET_KEY
superset db upgrade
if ! superset fab list-users 2>/dev/null | grep -q "username:admin"; then
  superset fab create-admin --username admin --firstname smelt --lastname admin --email admin@localhost \
    --password "$(head -c 64 /dev/urandom | base64 | tr -d '\n/+=' | head -c 24)"
  # the real password is set from the secret file without putting it on a command line
  python3 - <<'PY'
import os
from superset.app import create_app
app = create_app()
with app.app_context():
    from superset import security_manager
    user = security_manager.find_user(username="admin")
    security_manager.reset_password(user.id, open(os.environ["SUPERSET_ADMIN_PASSWORD_FILE"]).read().strip())
PY
fi
superset init
# The export with the BI login's password filled in, zipped the way Superset exports it.
python3 - <<'PY'
import os, shutil, zipfile
password = open(os.environ["SUPERSET_DB_PASSWORD_FILE"]).read().strip()
with zipfile.ZipFile("/tmp/smelt_dashboard.zip", "w") as archive:
    for folder, _, files in os.walk("/app/provisioning/export"):
        for name in files:
            path = os.path.join(folder, name)
            text = open(path).read().replace("XXXXXXXXXX", password)
            archive.writestr(os.path.join("smelt_dashboard", os.path.relpath(path, "/app/provisioning/export")), text)
PY
superset import-dashboards -p /tmp/smelt_dashboard.zip -u admin
rm -f /tmp/smelt_dashboard.zip
exec /usr/bin/run-server.sh
