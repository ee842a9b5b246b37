#!/usr/bin/env python3
"""Latency of the dashboard API's queries, as `smelt serve` issues them.

Runs every statement of sql/queries/api/ on one connection set up like the
dashboard's (bi_session.sql: role smelt_bi, read only), with the parameters
web/dashboard/dashboard.js sends for each time range and filter (see
workers/serve/api.cpp), each parameter set --repeat times in a shuffled
order. Values are sent as literals, so PostgreSQL plans every execution for
its values, as with serve's unnamed PQexecParams statements. Latency is
client-observed: execute plus fetching the JSON text.
Prints p50/p95/max per query and range, and per query over all its sets.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time

import psycopg2

RANGES = [15, 60, 360, 1440, 10080, 43200]  # the dashboard's range choices, minutes
PLATFORMS = [None, "x", "instagram", "tiktok", "youtube", "reddit"]


def load(root, name):
    text = open(os.path.join(root, "sql", "queries", "api", name + ".sql")).read()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    # $n -> psycopg2 placeholders; literal % doubled first.
    return re.sub(r"\$(\d+)", r"%(p\1)s", text.replace("%", "%%"))


def calls(campaigns):
    """(query, range label, params) as the dashboard issues them."""
    out = []
    for minutes in RANGES:
        days = max(1, -(-minutes // 1440))
        label = "%dm" % minutes
        for platform in PLATFORMS:
            out.append(("engagement_minute", label, [platform, str(minutes)]))
            out.append(("likes_last_5_minutes", "-", [platform]))
        for campaign_id, tags in [(None, None)] + campaigns:
            hashtags = json.dumps([t.lower() for t in tags]) if tags else None
            out.append(("hashtag_sentiment", "%dm" % max(60, minutes), [hashtags, str(max(60, minutes))]))
            out.append(("campaign_daily", "%dd" % days, [None if campaign_id is None else str(campaign_id), str(days)]))
        out.append(("share_of_voice", "%dd" % days, [str(days)]))
        out.append(("trending_hashtags", "-", ["10"]))
        out.append(("freshness", "-", []))
    out.append(("filters", "-", []))
    out.append(("known_values", "-", []))
    out.append(("readiness", "-", []))
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--target-ms", type=float, default=50.0)
    args = parser.parse_args()

    db = psycopg2.connect(args.database)
    db.autocommit = True
    cursor = db.cursor()
    cursor.execute(load(args.root, "bi_session"), {"p1": "30000"})
    cursor.execute("select campaign_key, hashtags from gold.dim_campaign order by campaign_key")
    campaigns = [(key, tags) for key, tags in cursor.fetchall()]
    statements = {}
    plan = calls(campaigns) * args.repeat
    random.Random(1).shuffle(plan)
    times = {}
    for name, label, params in plan:
        sql = statements.setdefault(name, load(args.root, name))
        started = time.perf_counter()
        cursor.execute(sql, {"p%d" % (i + 1): v for i, v in enumerate(params)})
        cursor.fetchall()
        elapsed = (time.perf_counter() - started) * 1000.0
        times.setdefault((name, label), []).append(elapsed)
    db.close()

    print("%-22s %-7s %6s %9s %9s %9s" % ("query", "range", "calls", "p50_ms", "p95_ms", "max_ms"))
    for (name, label), values in sorted(times.items()):
        print("%-22s %-7s %6d %9.1f %9.1f %9.1f" % (name, label, len(values), statistics.median(values),
                                                   pct(values, 95), max(values)))
    print()
    print("per query, every parameter set:")
    missed = []
    by_query = {}
    for (name, _), values in times.items():
        by_query.setdefault(name, []).extend(values)
    for name, values in sorted(by_query.items()):
        p95 = pct(values, 95)
        verdict = "ok" if p95 <= args.target_ms else "MISSES %.0f ms" % args.target_ms
        if p95 > args.target_ms:
            missed.append(name)
        print("%-22s %6d calls  p50 %7.1f ms  p95 %7.1f ms  %s" % (name, len(values), statistics.median(values), p95,
                                                                 verdict))
    print("queries over the p95 target: %s" % (", ".join(missed) if missed else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
