#!/usr/bin/env python3
"""docker/docker-compose.yml validates with docker-compose (Compose v1) and
runs every part of the product: each smelt daemon and each BI and
monitoring service is in it, long-running services have a health check and a
restart policy, Prometheus loads the alert rules, Grafana and Superset get
their provisioning. Last line: "N passed, N failed"."""
import os, subprocess, sys
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COMPOSE = os.path.join(ROOT, "docker", "docker-compose.yml")
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    print(("ok - " if ok else "not ok - ") + name + ("" if ok or not detail else ": " + detail))
    return ok


def compose(*args):
    return subprocess.run(["docker-compose", "-f", COMPOSE, "--profile", "collector", "--profile", "tools", *args],
                          capture_output=True, text=True)


def command_of(service):
    command = service.get("command", [])
    return command if isinstance(command, list) else command.split()


def main():
    validated = compose("config")
    if not check("docker-compose config accepts the file", validated.returncode == 0, validated.stderr[-800:]):
        print(f"{passed} passed, {failed} failed")
        return 1
    config = yaml.safe_load(validated.stdout)
    services = config["services"]
    daemons = {"ingest": "ingest", "scheduler": "scheduler", "serve": "serve", "collector": "collect"}
    for name, subcommand in daemons.items():
        service = services.get(name, {})
        check(f"service {name} runs `smelt {subcommand}`",
              service.get("image", "").startswith("smelt") and command_of(service)[:1] == [subcommand])
    check("migrate runs `smelt migrate up` once", command_of(services.get("migrate", {}))[:2] == ["migrate", "up"])
    for name in ["kafka", "postgres", "prometheus", "grafana", "superset"]:
        check(f"service {name} is in the stack", name in services)
    for name, service in services.items():
        if name in ("migrate", "bi-logins", "generate"):
            continue
        check(f"{name} has a health check and a restart policy",
              "healthcheck" in service and service.get("restart") in ("unless-stopped", "always", "on-failure"))
    check("the collector sits behind the 'collector' profile with its credentials as secrets",
          services["collector"].get("profiles") == ["collector"] and len(services["collector"].get("secrets", [])) >= 5)
    for name in ("ingest", "scheduler"):
        command = command_of(services[name])
        check(f"{name} exposes /metrics", "--metrics-port" in command and "0.0.0.0" in command)
    prometheus = yaml.safe_load(open(os.path.join(ROOT, "docker", "prometheus", "prometheus.yml")))
    jobs = {job["job_name"] for job in prometheus["scrape_configs"]}
    check("Prometheus scrapes serve, scheduler, ingest and the collector",
          {"smelt-serve", "smelt-scheduler", "smelt-ingest", "smelt-collector"} <= jobs, str(jobs))
    check("Prometheus loads the alert rules", prometheus["rule_files"] == ["alerts.yml"] and
          any(v.startswith(os.path.join(ROOT, "docker", "prometheus") + ":/etc/prometheus")
              for v in map(volume_text, services["prometheus"]["volumes"])))
    grafana = [volume_text(v) for v in services["grafana"]["volumes"]]
    check("Grafana gets its data sources and dashboards", any("/etc/grafana/provisioning" in v for v in grafana)
          and any("grafana/dashboards" in v for v in grafana))
    check("Superset imports the export", any("/app/provisioning" in volume_text(v) for v in services["superset"]["volumes"])
          and "start.sh" in " ".join(command_of(services["superset"])))
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def volume_text(volume):
    if isinstance(volume, str):
        return volume
    return f"{volume.get('source', '')}:{volume.get('target', '')}"


if __name__ == "__main__":
    sys.exit(main())
