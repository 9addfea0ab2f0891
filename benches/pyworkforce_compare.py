#!/usr/bin/env python3
"""Staff the same 10,000 forecast intervals with pyworkforce and compare.

    CXC_BENCH_KEEP=target/staff-bench cargo bench --bench staff
    python3 -m venv /tmp/pwf && /tmp/pwf/bin/pip install pyworkforce==0.5.1
    /tmp/pwf/bin/python benches/pyworkforce_compare.py target/staff-bench

Reads forecast.csv and cxc's staff.json from the folder, runs
pyworkforce.queuing.ErlangC for every row with the same target (80% within
20 s, 30-minute intervals, 30% shrinkage), times it, and prints every kind of
disagreement with an example.
"""
import csv
import json
import sys
import time
from pathlib import Path

from pyworkforce.queuing import ErlangC

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "target/staff-bench")
rows = list(csv.DictReader(open(folder / "forecast.csv")))
cxc = json.load(open(folder / "staff.json"))["queues"][0]["intervals"]
assert len(rows) == len(cxc)

start = time.perf_counter()
results = []
for row in rows:
    erlang = ErlangC(transactions=float(row["volume"]), aht=float(row["aht"]) / 60,
                     asa=20 / 60, interval=30, shrinkage=0.30)
    results.append(erlang.required_positions(service_level=0.8))
elapsed = time.perf_counter() - start
print(f"pyworkforce 0.5.1: {len(rows)} intervals in {elapsed * 1000:.0f} ms "
      f"({elapsed * 1e6 / len(rows):.0f} µs/interval)")

agents = [i for i, (r, c) in enumerate(zip(results, cxc)) if r["raw_positions"] != c["required_agents"]]
heads = [i for i, (r, c) in enumerate(zip(results, cxc)) if r["positions"] != c["required_headcount"]]
print(f"required agents differ in {len(agents)} intervals")
for i in agents[:5]:
    print(f"  {rows[i]['start']}: load {cxc[i]['offered_load']}, "
          f"pyworkforce {results[i]['raw_positions']}, cxc {cxc[i]['required_agents']}")
print(f"required headcount differs in {len(heads)} intervals")
for i in heads[:5]:
    raw = results[i]["raw_positions"]
    print(f"  {rows[i]['start']}: {raw} agents / 0.7 = {raw / 0.7!r}: "
          f"pyworkforce {results[i]['positions']}, cxc {cxc[i]['required_headcount']}")
