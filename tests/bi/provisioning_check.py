#!/usr/bin/env python3
"""The BI provisioning in docker/ names only gold tables and columns that exist.

Migrates a fresh database and checks, against its catalog and as the
read-only role smelt_bi:
  - every SQL query of the Grafana dashboard (panels and variables) plans
    (EXPLAIN) as smelt_bi, with Grafana's macros and variables filled in;
  - every Superset dataset is a gold table or view, its columns exist, its
    metric expressions plan as smelt_bi; every chart uses columns and
    metrics of its dataset; the dashboard places the six charts;
  - the Grafana data sources point at gold through a member of smelt_bi.

  provisioning_check.py --database CONNINFO --smelt BINARY
Last line: "N passed, N failed".
"""
import argparse, glob, json, os, re, subprocess, sys
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOCKER = os.path.join(ROOT, "docker")
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok - " + name)
    else:
        failed += 1
        print("not ok - " + name + (": " + detail if detail else ""))
    return ok


def psql(conninfo, sql, as_bi=False):
    script = ("set role smelt_bi;\n" if as_bi else "") + sql
    return subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo],
                          input=script, text=True, capture_output=True)


def explain_as_bi(conninfo, sql):
    result = psql(conninfo, "explain " + sql.strip().rstrip(";") + ";", as_bi=True)
    return result.returncode == 0, result.stderr.strip()


def grafana_sql(text):
    """Grafana's macros and variables, filled in the way Grafana would."""
    text = re.sub(r"\$__timeFilter\(([^)]+)\)", r"\1 between now() - interval '6 hours' and now()", text)
    text = text.replace("$platform", "'x', 'tiktok'").replace("$campaign", "1, 2")
    return text


def other_schemas(sql):
    return sorted(set(re.findall(r"\b(bronze|silver|smelt|public)\.[a-z_]+", sql)))


def check_grafana(conninfo):
    dashboard = json.load(open(os.path.join(DOCKER, "grafana", "dashboards", "real_time_engagement.json")))
    queries = [(p["title"], t["rawSql"]) for p in dashboard["panels"] for t in p["targets"] if "rawSql" in t]
    queries += [("variable " + v["name"], v["query"]) for v in dashboard["templating"]["list"]]
    check("the Grafana dashboard has SQL panels for the six charts", len(queries) >= 8, f"{len(queries)} queries")
    for title, sql in queries:
        ok, error = explain_as_bi(conninfo, grafana_sql(sql))
        check(f"Grafana '{title}' plans as smelt_bi", ok and not other_schemas(sql), error or str(other_schemas(sql)))
    sources = yaml.safe_load(open(os.path.join(DOCKER, "grafana", "provisioning", "datasources", "smelt.yml")))
    gold = [d for d in sources["datasources"] if d["type"] == "grafana-postgresql-datasource"]
    logins = open(os.path.join(DOCKER, "postgres", "bi_logins.sh")).read()
    check("Grafana reads gold through a login that is a member of smelt_bi",
          len(gold) == 1 and gold[0]["user"] == "smelt_grafana" and gold[0]["jsonData"]["database"] == "smelt"
          and "grant smelt_bi to" in logins and "for tool in grafana superset" in logins)
    uids = {d["uid"] for d in sources["datasources"]}
    used = {t["datasource"]["uid"] for p in dashboard["panels"] for t in p["targets"]}
    check("every panel uses a provisioned data source", used <= uids, str(used - uids))


def catalog_columns(conninfo, table):
    result = psql(conninfo, f"select column_name from information_schema.columns "
                            f"where table_schema = 'gold' and table_name = '{table}'")
    return set(result.stdout.split())


def check_superset(conninfo):
    export = os.path.join(DOCKER, "superset", "export")
    datasets = {}
    for path in sorted(glob.glob(os.path.join(export, "datasets", "*", "*.yaml"))):
        ds = yaml.safe_load(open(path))
        datasets[ds["uuid"]] = ds
        table = ds["table_name"]
        existing = catalog_columns(conninfo, table)
        named = {c["column_name"] for c in ds["columns"]}
        check(f"Superset dataset {table} is a gold table with these columns",
              ds["schema"] == "gold" and ds["sql"] is None and existing and named <= existing,
              f"not in gold.{table}: {sorted(named - existing)}")
        if ds["main_dttm_col"]:
            check(f"  its time column {ds['main_dttm_col']} exists", ds["main_dttm_col"] in named)
        for metric in ds["metrics"]:
            ok, error = explain_as_bi(conninfo, f"select {metric['expression']} from gold.{table}")
            check(f"  metric {metric['metric_name']} plans as smelt_bi", ok, error)
    database = yaml.safe_load(open(os.path.join(export, "databases", "smelt_gold.yaml")))
    check("the Superset database is smelt through smelt_superset",
          database["sqlalchemy_uri"].startswith("postgresql://smelt_superset:") and database["sqlalchemy_uri"].endswith("/smelt")
          and not database["allow_dml"])
    charts = {}
    for path in sorted(glob.glob(os.path.join(export, "charts", "*.yaml"))):
        chart = yaml.safe_load(open(path))
        charts[chart["uuid"]] = chart
        ds = datasets.get(chart["dataset_uuid"])
        if not check(f"Superset chart '{chart['slice_name']}' has its dataset", ds is not None):
            continue
        params = chart["params"]
        columns = {c["column_name"] for c in ds["columns"]}
        metrics = {m["metric_name"] for m in ds["metrics"]}
        used_columns = set(params.get("groupby", [])) | set(params.get("all_columns", []))
        if params.get("x_axis"):
            used_columns.add(params["x_axis"])
        used_metrics = set(params.get("metrics", [])) | ({params["metric"]} if "metric" in params else set())
        check(f"  uses only columns and metrics of gold.{ds['table_name']}",
              used_columns <= columns and used_metrics <= metrics and
              params["datasource"] == "__table__" + ds["table_name"],
              f"columns {sorted(used_columns - columns)} metrics {sorted(used_metrics - metrics)}")
    check("Superset has the six charts", len(charts) == 6, str(len(charts)))
    dashboard = yaml.safe_load(open(os.path.join(export, "dashboards", "real_time_engagement.yaml")))
    placed = {v["meta"]["uuid"] for v in dashboard["position"].values() if isinstance(v, dict) and v.get("type") == "CHART"}
    check("the Superset dashboard places the six charts", placed == set(charts), str(placed ^ set(charts)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True, help="conninfo of a server where a database may be created")
    parser.add_argument("--smelt", required=True)
    args = parser.parse_args()
    name = f"smelt_bi_provisioning_{os.getpid()}"
    admin = args.database + " dbname=postgres"
    conninfo = args.database + " dbname=" + name
    subprocess.run(["psql", "-X", "-q", "-d", admin, "-c", f'create database "{name}"'], check=True)
    try:
        migrated = subprocess.run([args.smelt, "migrate", "up", "-d", conninfo, "--log-format", "text"],
                                  capture_output=True, text=True)
        if check("smelt migrate up", migrated.returncode == 0, migrated.stderr[-500:]):
            check_grafana(conninfo)
            check_superset(conninfo)
    finally:
        subprocess.run(["psql", "-X", "-q", "-d", admin, "-c", f'drop database if exists "{name}" with (force)'])
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
