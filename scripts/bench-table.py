#!/usr/bin/env python3
"""Renders the JSON of ./duijie bench (--out FILE) as a Markdown table for docs/performance.md.
Usage: scripts/bench-table.py FILE.json [FILE.json …]   (rows of several runs in order)"""
import json, sys

def fmt(v):
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}"
    return str(v)

print("| section | workload | records | config | figures | load (1 min) | target |")
print("|---|---|---:|---|---|---:|---|")
for path in sys.argv[1:]:
    for r in json.load(open(path, encoding="utf-8"))["rows"]:
        figures = ", ".join(f"{k} {fmt(v)}" for k, v in r["figures"].items())
        target = "" if r["target"] is None else \
            ("? " if r["met"] is None else "✅ " if r["met"] else "❌ ") + r["target"]
        records = "" if r["records"] is None else f"{r['records']:,}"
        print(f"| {r['section']} | {r['workload']} | {records} | {r['config']} | {figures} | {r['load1']:.2f} | {target} |")
