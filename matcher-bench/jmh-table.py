#!/usr/bin/env python3
"""Prints JMH JSON results (one or more files) as Markdown tables: one table per unit, with the
median of the measurement iterations and JMH's error (99.9% confidence half-width of the mean).
Usage: python3 matcher-bench/jmh-table.py matcher-bench/results/full-*.json"""
import json, statistics, sys
from collections import defaultdict

rows = defaultdict(list)
for path in sys.argv[1:]:
    for r in json.load(open(path)):
        name = r["benchmark"].replace("org.rolematch.bench.", "")
        params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        for label, m in [("", r["primaryMetric"])] + [(":" + k, v) for k, v in r.get("secondaryMetrics", {}).items()]:
            raw = [x for fork in m.get("rawData", []) for x in fork]
            med = statistics.median(raw) if raw else m["score"]
            rows[m["scoreUnit"]].append((name + label, params, med, m["scoreError"], m["score"], len(raw)))
for unit, rs in rows.items():
    print(f"\n| benchmark | params | median ({unit}) | error ({unit}) | mean | n |\n|---|---|---:|---:|---:|---:|")
    for name, params, med, err, mean, n in rs:
        e = f"{err:.4g}" if isinstance(err, (int, float)) and err == err else ""
        print(f"| {name} | {params} | {med:.4g} | {e} | {mean:.4g} | {n} |")
