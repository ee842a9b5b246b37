#!/usr/bin/env bash
# The alert rules and Prometheus configuration of docker/prometheus: valid
# for promtool, and every alert fires in at least one case of
# alerts_test.yml (promtool test rules). Last line: "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"; else failed=$((failed + 1)); echo "not ok - $name"; fi
}

check "promtool check rules" promtool check rules "$root/docker/prometheus/alerts.yml"
check "promtool check config" promtool check config "$root/docker/prometheus/prometheus.yml"
check "promtool test rules" bash -c "cd '$here' && promtool test rules alerts_test.yml"

every_alert_fires() {
    python3 - "$root/docker/prometheus/alerts.yml" "$here/alerts_test.yml" <<'PY'
import re, sys
alerts = re.findall(r"^\s*- alert:\s*(\S+)", open(sys.argv[1]).read(), re.M)
tests = open(sys.argv[2]).read()
# an evaluation that expects the alert firing: alertname X followed by exp_alerts with an entry
firing = set(re.findall(r"alertname:\s*(\S+)\s*\n\s*exp_alerts:\s*\n\s*- exp_labels", tests))
missing = [a for a in alerts if a not in firing]
print("alerts:", ", ".join(alerts))
if missing or not alerts:
    print("no firing case for:", ", ".join(missing) or "(no alerts found)")
    sys.exit(1)
PY
}
check "every alert rule fires in a test case" every_alert_fires

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
