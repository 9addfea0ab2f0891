#!/usr/bin/env python3
"""`cxc measure` at scale, side by side with DuckDB and pm4py on the same rows.

    cargo build --release
    python3 -m venv /tmp/mb && /tmp/mb/bin/pip install duckdb==2.0.1 pm4py==2.7.23.11
    /tmp/mb/bin/python benches/measure_compare.py [--contacts] [ROWS ...]    # default: 1000000 10000000

`--contacts` runs the contacts part only (no cases, no pm4py). CXC=PATH
measures another build of cxc (say, main's) on the same files.

For each size it writes, under target/measure-bench/ROWS/, a contacts export
of ROWS rows and a cases export of about ROWS step visits (fixed seed), then:

- runs the release `cxc measure` on the contacts alone, on the same kind of
  contacts with a `customer` column (repeat contacts, FCR, switching), and on
  the cases alone
  (end to end: reading, parsing timestamps, business clocks, findings,
  report files), with its peak memory from /usr/bin/time;
- computes the same wall-clock answer and first-response attainment per
  segment and channel in DuckDB (reading the same CSV) and checks that the
  counts agree exactly with cxc's measure.json;
- replays the same cases with pm4py's token-based replay on the Petri net of
  the BPMN `cxc build --target bpmn` writes for the journey, and checks that
  the cases it finds fitting are the ones the generator made fitting, and
  that cxc counts the same number.

The spec runs every target on a 24x7 calendar, so wall-clock arithmetic in
SQL is the same measure as cxc's business clock. Prints one line per tool
and size; the numbers in the README come from this script.
"""
import csv
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CXC = Path(os.environ.get("CXC", ROOT / "target" / "release" / "cxc"))
SPEC = """service "Measure bench" { language en }
calendar always { open 24x7 }
team front { lead front_lead }
team back { lead back_lead }
role front_lead { team front; duty "Leads the front line" }
role back_lead { team back; duty "Leads the back office" }
channel phone { kind phone; owner front; hours always }
channel chat { kind chat; owner front; hours always }
channel email { kind email; owner front; hours always }
segment vip { channels phone, chat, email }
segment mass { channels phone, chat, email }
sla vip_sla for vip { hours always; answer phone 90% within 20s; answer chat 90% within 1m; first_response email within 1h }
sla mass_sla for mass { hours always; answer phone 80% within 30s; answer chat 80% within 2m; first_response email within 4h }
journey order {
  segments vip, mass
  start request
  step request { owner front; channel phone; next review }
  step review { owner back; next approve }
  step approve { owner front; channel email; next deliver when "ok"; next review when "changes" }
  step deliver { owner back; next close }
  step close { owner front; channel phone; end "Done" }
}
"""
LIMITS = {  # (segment, channel) -> seconds, as in SPEC
    ("vip", "phone"): 20, ("vip", "chat"): 60, ("vip", "email"): 3600,
    ("mass", "phone"): 30, ("mass", "chat"): 120, ("mass", "email"): 14400,
}
EPOCH = 1790812800  # 2026-10-01T00:00:00Z


def stamp(seconds, cache={}):
    day, rest = divmod(seconds, 86400)
    prefix = cache.get(day)
    if prefix is None:
        prefix = cache[day] = time.strftime("%Y-%m-%dT", time.gmtime(day * 86400))
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    return f"{prefix}{h:02d}:{m:02d}:{s:02d}Z"


def write_contacts(path, rows, rng, customers=False):
    """With `customers`, a `customer` column too (one of rows/4 customers):
    the repeat-contact tallies, one 32-byte record per contact."""
    with open(path, "w", newline="") as f:
        f.write("id,segment,channel,created,answered,first_response,csat"
                + (",customer\n" if customers else "\n"))
        for i in range(rows):
            created = EPOCH + rng.randrange(31 * 86400)
            segment = "vip" if rng.random() < 0.2 else "mass"
            channel = rng.choice(("phone", "phone", "chat", "email"))
            wait = int(rng.expovariate(1 / (LIMITS[(segment, channel)] / 2)))
            answered = first = ""
            if channel == "email":
                first = stamp(created + wait)
            elif rng.random() > 0.04:
                answered = stamp(created + wait)
            csat = rng.randint(1, 5) if rng.random() < 0.2 else ""
            customer = f",P{rng.randrange(max(rows // 4, 1))}" if customers else ""
            f.write(f"C{i},{segment},{channel},{stamp(created)},{answered},{first},{csat}{customer}\n")


def write_cases(path, visits, rng):
    """Cases in time order of their first visit, each case's rows together.
    Returns the ids of the cases made to fit (start, map, end)."""
    fitting = set()
    written = 0
    case = 0
    with open(path, "w", newline="") as f:
        f.write("case,journey,step,entered\n")
        while written < visits:
            case += 1
            t = EPOCH + case * 7
            kind = rng.random()
            if kind < 0.02:
                path_ = ["request", "approve", "deliver", "close"]  # skips review
            elif kind < 0.05:
                path_ = ["request", "review"]  # stopped
            else:
                path_ = ["request", "review", "approve"]
                while rng.random() < 0.15:
                    path_ += ["review", "approve"]
                path_ += ["deliver", "close"]
                fitting.add(f"K{case}")
            for step in path_:
                f.write(f"K{case},order,{step},{stamp(t)}\n")
                t += rng.randrange(60, 86400)
                written += 1
    return fitting


def timed(args):
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak_kb = int(out.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb, out


def main():
    only_contacts = "--contacts" in sys.argv
    sizes = [int(a) for a in sys.argv[1:] if a != "--contacts"] or [1_000_000, 10_000_000]
    for rows in sizes:
        folder = ROOT / "target" / "measure-bench" / str(rows)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "spec.cx").write_text(SPEC)
        rng = random.Random(2026)
        contacts, cases = folder / "contacts.csv", folder / "cases.csv"
        if not contacts.exists():
            write_contacts(contacts, rows, rng)
        mb = contacts.stat().st_size / 1e6

        # cxc on the contacts.
        out = folder / "out-contacts"
        secs, peak, run = timed([str(CXC), "measure", str(folder / "spec.cx"), "--contacts",
                                 str(contacts), "--format", "json", "-o", str(out)])
        measured = json.loads((out / "measure.json").read_text())
        print(f"{rows:>11,} contacts {mb:7.0f} MB  cxc measure  {secs:7.2f} s  "
              f"{mb / secs:6.0f} MB/s  peak {peak / 1024:6.0f} MB")

        # DuckDB: the same attainment, from the same file.
        import duckdb
        start = time.perf_counter()
        con = duckdb.connect()
        result = con.execute(f"""
            SELECT segment, channel, count(*) AS n,
                   count(*) FILTER (WHERE epoch(coalesce(answered, first_response)) - epoch(created)
                                    <= CASE segment || '/' || channel
                                       {' '.join(f"WHEN '{s}/{c}' THEN {l}" for (s, c), l in LIMITS.items())}
                                       END) AS met
            FROM read_csv('{contacts}', header = true,
                          types = {{'created': 'TIMESTAMPTZ', 'answered': 'TIMESTAMPTZ', 'first_response': 'TIMESTAMPTZ'}})
            GROUP BY ALL ORDER BY ALL""").fetchall()
        duck = time.perf_counter() - start
        ours = {(t["segment"], t["channel"]): (t["n"], t["met"]) for t in measured["targets"]}
        theirs = {(s, c): (n, m) for s, c, n, m in result}
        agree = ours == theirs
        print(f"{rows:>11,} contacts {mb:7.0f} MB  DuckDB       {duck:7.2f} s  "
              f"{mb / duck:6.0f} MB/s  counts agree: {agree}  cxc/DuckDB time {secs / duck:.2f}")
        if not agree:
            for key in sorted(set(ours) | set(theirs)):
                if ours.get(key) != theirs.get(key):
                    print(f"    {key}: cxc {ours.get(key)}, DuckDB {theirs.get(key)}")

        # cxc on the same kind of contacts with a customer column: what the
        # repeat-contact tallies cost.
        with_customers = folder / "contacts-customers.csv"
        if not with_customers.exists():
            write_contacts(with_customers, rows, random.Random(2027), customers=True)
        wmb = with_customers.stat().st_size / 1e6
        out = folder / "out-customers"
        secs_c, peak_c, _ = timed([str(CXC), "measure", str(folder / "spec.cx"), "--contacts",
                                   str(with_customers), "--format", "json", "-o", str(out)])
        repeats = json.loads((out / "measure.json").read_text())
        print(f"{rows:>11,} contacts with customer {wmb:7.0f} MB  cxc measure  {secs_c:7.2f} s  "
              f"peak {peak_c / 1024:6.0f} MB  customers {repeats['customers']:,}")

        if only_contacts:
            continue
        fitting_file = folder / "fitting.json"
        if not cases.exists() or not fitting_file.exists():
            fitting_file.write_text(json.dumps(sorted(write_cases(cases, rows, rng))))
        fitting = set(json.loads(fitting_file.read_text()))
        cmb = cases.stat().st_size / 1e6

        # cxc on the cases.
        out = folder / "out-cases"
        secs, peak, run = timed([str(CXC), "measure", str(folder / "spec.cx"), "--cases",
                                 str(cases), "--format", "json", "-o", str(out)])
        journey = json.loads((out / "measure.json").read_text())["journeys"][0]
        print(f"{rows:>11,} visits   {cmb:7.0f} MB  cxc measure  {secs:7.2f} s  "
              f"{cmb / secs:6.0f} MB/s  peak {peak / 1024:6.0f} MB  "
              f"{journey['cases']:,} cases, {journey['fitting']:,} fit "
              f"(generator: {len(fitting):,}, agree: {journey['fitting'] == len(fitting)})")

        # pm4py: token replay on the Petri net of cxc's own BPMN.
        if rows > 2_000_000:
            print(f"{rows:>11,} visits   pm4py skipped above 2,000,000 rows (hours of replay)")
            continue
        subprocess.run([str(CXC), "build", str(folder / "spec.cx"), "-o", str(folder / "build"),
                        "--target", "bpmn"], check=True, capture_output=True)
        import pandas
        import pm4py
        start = time.perf_counter()
        frame = pandas.read_csv(cases)
        frame = pm4py.format_dataframe(frame, case_id="case", activity_key="step", timestamp_key="entered")
        bpmn = pm4py.read_bpmn(str(folder / "build" / "journeys" / "order.bpmn"))
        net, im, fm = pm4py.convert_to_petri_net(bpmn)
        replayed = pm4py.conformance_diagnostics_token_based_replay(frame, net, im, fm)
        pm = time.perf_counter() - start
        ids = frame.groupby("case:concept:name", sort=False).size().index
        order = pm4py.convert_to_event_log(frame)
        fit = {trace.attributes["concept:name"] for trace, r in zip(order, replayed) if r["trace_is_fit"]}
        print(f"{rows:>11,} visits   {cmb:7.0f} MB  pm4py        {pm:7.2f} s  "
              f"{len(fit):,} fit, same cases as the generator: {fit == fitting}  "
              f"pm4py/cxc time {pm / secs:.0f}×")


if __name__ == "__main__":
    main()
