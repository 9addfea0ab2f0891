#!/usr/bin/env python3
"""Compares the figures the generated dbt project computed with cxc
measure's measure.json: equal counts, equal percentages after the same
rounding, equal medians and 90th percentiles. Exits 1 naming every
difference.

    compare.py MEASURE_JSON --duckdb FILE.duckdb
    compare.py MEASURE_JSON --parquet SPARK_WAREHOUSE/SCHEMA.db
"""
import datetime
import json
import math
import sys

import duckdb


def tables(args):
    con = duckdb.connect()
    if args[0] == "--duckdb":
        con.execute(f"attach '{args[1]}' as w (read_only)")
        return lambda name: con.execute(f"select * from w.main.{name}").fetchall(), con, lambda name: [d[0] for d in con.execute(f"select * from w.main.{name} limit 0").description]
    root = args[1]
    read = lambda name: f"read_parquet('{root}/{name}/*.parquet')"
    return (lambda name: con.execute(f"select * from {read(name)}").fetchall(), con,
            lambda name: [d[0] for d in con.execute(f"select * from {read(name)} limit 0").description])


def hundredths(x):
    if x is None:
        return None
    y = abs(x) * 100
    r = math.floor(y)
    r += 1 if y - r >= 0.5 else 0
    return math.copysign(r / 100, x)


def main():
    measure = json.load(open(sys.argv[1]))
    fetch, _, columns = tables(sys.argv[2:])

    def rows(name):
        cols = columns(name)
        return [dict(zip(cols, r)) for r in fetch(name)]

    problems = []
    checked = 0

    def verdict(ok):
        # A dbt `ok` is 1, 0, or null when nothing was measured, as
        # measure.json's true, false or null.
        return None if ok is None else bool(ok)

    def same(what, ours, theirs):
        nonlocal checked
        checked += 1
        if isinstance(ours, float) and isinstance(theirs, (int, float)) and theirs is not None:
            ok = ours == float(theirs)
        else:
            ok = ours == theirs
        if not ok:
            problems.append(f"{what}: dbt {ours!r}, measure {theirs!r}")

    def keyed(items, key):
        out = {}
        for item in items:
            out[key(item)] = item
        return out

    def shares(what, ours, theirs):
        for k in ours.keys() & theirs.keys():
            for a in ["n", "kept", "percent", "goal"]:
                same(f"{what} {k} {a}", ours[k][a], theirs[k][a])
            same(f"{what} {k} ok", verdict(ours[k]["ok"]), theirs[k]["ok"])

    # SLA targets.
    ours = keyed(rows("attainment"), lambda r: (r["sla"], r["segment"], r["kind"], r["idx"], r["channel"]))
    theirs = keyed(measure["targets"], lambda t: (t["sla"], t["segment"], t["kind"], t["index"], t["channel"]))
    same("targets", sorted(map(str, ours)), sorted(map(str, theirs)))
    for k in ours.keys() & theirs.keys():
        o, t = ours[k], theirs[k]
        for a, b in [("n", "n"), ("met", "met"), ("percent", "percent"), ("goal", "goal")]:
            same(f"target {k} {a}", o[a], t[b])
        same(f"target {k} ok", verdict(o["ok"]), t["ok"])
    # Promises and complaint duties.
    ours = keyed(rows("promises_kept"), lambda r: r["promise"])
    theirs = keyed(measure["promises"], lambda p: p["id"])
    same("promises", sorted(ours), sorted(theirs))
    shares("promise", ours, theirs)
    ours = keyed(rows("complaint_duties"), lambda r: (r["complaint"], r["duty"]))
    theirs = keyed(measure["complaints"], lambda c: (c["id"], c["duty"]))
    same("complaints", sorted(ours), sorted(theirs))
    shares("complaint", ours, theirs)
    # Journeys, their steps and deviations.
    ours = keyed(rows("journeys"), lambda r: r["journey"])
    theirs = keyed(measure["journeys"], lambda j: j["journey"])
    same("journeys", sorted(ours), sorted(theirs))
    steps = {}
    for r in rows("journey_steps"):
        steps[(r["journey"], r["step"])] = r
    detours = {}
    for r in rows("journey_deviations"):
        detours.setdefault(r["journey"], set()).add((r["from_step"], r["to_step"], r["cases"]))
    for k in ours.keys() & theirs.keys():
        o, t = ours[k], theirs[k]
        for a in ["cases", "fitting", "completed", "in_progress", "deviating", "over_handoff_limit", "handoffs_median"]:
            same(f"journey {k} {a}", o[a], t[a])
        same(f"journey {k} handoffs_max", o["handoffs_max"], t["handoffs_max"])
        same(f"journey {k} end_to_end n", o["end_to_end_n"], t["end_to_end"]["n"])
        same(f"journey {k} end_to_end median", o["end_to_end_median"], t["end_to_end"]["median"])
        same(f"journey {k} end_to_end p90", o["end_to_end_p90"], t["end_to_end"]["p90"])
        if t["on_time"] is not None:
            for a in ["n", "kept", "percent"]:
                same(f"journey {k} on_time {a}", o[f"on_time_{a}"], t["on_time"][a])
            same(f"journey {k} on_time ok", verdict(o["on_time_ok"]), t["on_time"]["ok"])
        else:
            same(f"journey {k} on_time", o["on_time_n"], None)
        same(f"journey {k} detours", detours.get(k, set()),
             {(d["from"], d["to"], d["count"]) for d in t["detours"]})
        for st in t["steps"]:
            s = steps.get((k, st["step"]))
            if s is None:
                problems.append(f"step {k}.{st['step']}: missing in dbt")
                continue
            w = f"step {k}.{st['step']}"
            for a in ["visits", "reached", "stopped", "dropoff", "csat", "csat_n"]:
                same(f"{w} {a}", s[a], st[a])
            same(f"{w} time n", s["time_n"], st["time"]["n"])
            same(f"{w} time median", s["time_median"], st["time"]["median"])
            same(f"{w} time p90", s["time_p90"], st["time"]["p90"])
            if st["on_time"] is not None:
                for a in ["n", "kept", "percent"]:
                    same(f"{w} on_time {a}", s[f"on_time_{a}"], st["on_time"][a])
                same(f"{w} on_time ok", verdict(s["on_time_ok"]), st["on_time"]["ok"])
    # Cases set aside whole for a bad row of theirs, per journey.
    aside = keyed(rows("journey_set_aside"), lambda r: r["journey"])
    for j in measure["journeys"]:
        t, o = j["cases_set_aside"], aside.get(j["journey"], {})
        for a in ["cases", "bad_rows", "visits"]:
            same(f"journey {j['journey']} cases_set_aside {a}", o.get(a, 0), t[a])
    shown = {j["journey"] for j in measure["journeys"]}
    same("cases set aside in journeys measured", sorted(k for k in aside if k in shown),
         sorted(j["journey"] for j in measure["journeys"] if j["cases_set_aside"]["cases"]))
    # The SLAs' `target` metrics, per SLA and segment, in the spec's order.
    ours = {}
    for r in sorted(rows("sla_metrics"), key=lambda r: (r["sla"], r["segment"], r["idx"])):
        ours.setdefault((r["sla"], r["segment"]), []).append(r)
    theirs = {}
    for m in measure["metrics"]:
        theirs.setdefault((m["sla"], m["segment"]), []).append(m)
    same("sla metrics", sorted(ours), sorted(theirs))
    for k in ours.keys() & theirs.keys():
        o, t = ours[k], theirs[k]
        same(f"sla metrics {k}", [r["metric"] for r in o], [m["metric"] for m in t])
        for r, m in zip(o, t):
            w = f"sla metric {k} {m['metric']} {m['statement']}"
            same(f"{w} n", r["n"], m["n"])
            same(f"{w} value", r["value"], m["value"])
            same(f"{w} ok", bool(r["ok"]), m["ok"])
    # Repeats, first-contact resolution and switching, per segment and channel.
    cells = rows("repeats")
    for key, listed in [("segment", measure.get("segments", [])), ("channel", measure.get("channels", []))]:
        for item in listed:
            mine = [c for c in cells if c[key] == item[key]]
            theirs = item.get("repeats")
            if theirs is None:
                same(f"{key} {item[key]} repeats", sum(c["contacts"] for c in mine), 0)
                continue
            total = {a: sum(c[a] for c in mine) for a in ["contacts", "repeated", "switched", "resolved", "first_contact"]}
            for a in ["contacts", "repeated", "switched", "resolved"]:
                same(f"{key} {item[key]} repeats {a}", total[a], theirs[a])
            # Exact, as measure.json keeps every share.
            fcr = total["first_contact"] * 100.0 / total["resolved"] if total["resolved"] else None
            same(f"{key} {item[key]} fcr percent", fcr, theirs["fcr_percent"])
    same("switches", {(r["from_channel"], r["to_channel"], r["switches"]) for r in rows("repeat_switches")},
         {(x["from"], x["to"], x["count"]) for x in measure.get("switches", [])})
    # Per segment: contacts, complaints per 1,000, surveys, repeats and FCR.
    ours = keyed(rows("segment_metrics"), lambda r: r["segment"])
    for item in measure.get("segments", []):
        k = item["segment"]
        o = ours.get(k)
        if o is None:
            same(f"segment {k} contacts", 0, item["contacts"])
            continue
        same(f"segment {k} contacts", o["contacts"], item["contacts"])
        s = item["surveys"]
        for a, b in [("csat_satisfied", "csat_satisfied"), ("csat_n", "csat_n"),
                     ("effort_n", "effort_n"), ("nps_n", "nps_n")]:
            same(f"segment {k} {b}", o[a], s[b])
        # The survey means in hundredths, rounded as Rust rounds (half away
        # from zero); the figures beside them exact.
        for a, b in [("csat", "csat"), ("ces", "effort"), ("nps", "nps")]:
            same(f"segment {k} {b}", hundredths(o[a]), s[b])
        for f in item["figures"]:
            if f["metric"] in ("csat", "ces", "nps") and f["target"] is None:
                same(f"segment {k} {f['metric']} figure", o[f["metric"]], f["value"])
        figures = {f["metric"]: f for f in item["figures"] if f["target"] is None or f["metric"] == "repeat"}
        for metric, column, n in [("complaints_per_1000", "complaints_per_1000", "contacts"),
                                  ("repeat", "repeat_percent", "repeat_contacts"), ("fcr", "fcr", "resolved")]:
            f = figures.get(metric)
            if f is not None:
                same(f"segment {k} {metric}", o[column], f["value"])
                same(f"segment {k} {metric} n", o[n], f["n"])
            elif metric == "complaints_per_1000":
                problems.append(f"segment {k}: measure shows no complaints_per_1000")
        r = item.get("repeats")
        if r is not None:
            same(f"segment {k} repeat_percent", o["repeat_percent"], r["repeat_percent"])
            same(f"segment {k} fcr_percent", o["fcr"], r["fcr_percent"])
    same("segments measured", sorted(ours), sorted(i["segment"] for i in measure.get("segments", []) if i["contacts"]))
    # Measured pain: the steps and channels that hurt, and how.
    pain = rows("pain")
    for j in measure["journeys"]:
        for st in j["steps"]:
            s = steps.get((j["journey"], st["step"]))
            if s is not None:
                same(f"step {j['journey']}.{st['step']} effort", hundredths(s["effort"]), st["effort"])
                same(f"step {j['journey']}.{st['step']} effort_n", s["effort_n"], st["effort_n"])
    same("step pain", sorted((p["journey"], p["step"], p["hurt"]) for p in pain if p["subject"] == "step"),
         sorted((j["journey"], st["step"], h) for j in measure["journeys"] for st in j["steps"] for h in st["pain"]))
    same("channel pain", sorted((p["channel"], p["hurt"]) for p in pain if p["subject"] == "channel"),
         sorted((c["channel"], h) for c in measure.get("channels", []) for h in c["pain"]))
    # Complaints by root cause: the causes listed, their segments and weeks.
    causes = sorted(rows("complaint_causes"), key=lambda r: r["rank"])
    listed = measure.get("causes", [])
    same("causes", [(c["cause"], c["complaints"], c["trend"]) for c in causes],
         [(c["cause"], c["complaints"], c["trend"]) for c in listed])
    by_segment, by_week = {}, {}
    for r in rows("complaint_cause_segments"):
        by_segment[(r["cause"], r["segment"])] = r["complaints"]
    for r in rows("complaint_cause_weeks"):
        week = (datetime.date(1970, 1, 1) + datetime.timedelta(days=r["week"])).isoformat()
        by_week[(r["cause"], week)] = r["complaints"]
    for c in listed:
        same(f"cause {c['cause']} segments", {s: n for (k, s), n in by_segment.items() if k == c["cause"]},
             {s["name"]: s["count"] for s in c["segments"]})
        same(f"cause {c['cause']} weeks", {w["name"]: by_week.get((c["cause"], w["name"]), 0) for w in c["weeks"]},
             {w["name"]: w["count"] for w in c["weeks"]})
    # Money: cost to serve, revenue at risk, savings (each figure in
    # hundredths, as measure.json writes it).
    money = measure.get("money") or {}
    cells = rows("cost_to_serve")
    ours = keyed(cells, lambda r: (r["segment"], r["channel"]))
    theirs = keyed(money.get("cost_to_serve", []), lambda c: (c["segment"], c["channel"]))
    same("cost cells", sorted(ours), sorted(theirs))
    for k in ours.keys() & theirs.keys():
        o, t = ours[k], theirs[k]
        for a in ["contacts", "costed", "timed"]:
            same(f"cost {k} {a}", o[a], t[a])
        for a, b in [("cost", "cost"), ("per_contact", "per_contact"), ("price_per_contact", "price_per_contact"),
                     ("price_per_hour", "price_per_hour")]:
            same(f"cost {k} {b}", hundredths(o[a]), t[b])
        same(f"cost {k} queue", o["queue"], t["queue"])
    for key, listed in [("segment", money.get("cost_by_segment", [])), ("channel", money.get("cost_by_channel", []))]:
        for t in listed:
            mine = [c for c in cells if c[key] == t["name"]]
            cost, costed = sum(c["cost"] for c in mine), sum(c["costed"] for c in mine)
            same(f"cost by {key} {t['name']} costed", costed, t["costed"])
            same(f"cost by {key} {t['name']} cost", hundredths(cost), t["cost"])
            same(f"cost by {key} {t['name']} per_contact", hundredths(cost / costed) if costed else None, t["per_contact"])
    ours = keyed(rows("revenue_at_risk"), lambda r: r["segment"])
    theirs = keyed(money.get("revenue_at_risk", []), lambda r: r["segment"])
    same("revenue at risk", sorted(ours), sorted(theirs))
    for k in ours.keys() & theirs.keys():
        o, t = ours[k], theirs[k]
        for a in ["customers_at_risk", "counted_by_row", "segment_customers"]:
            same(f"at risk {k} {a}", o[a], t[a])
        for a in ["average_check", "revenue_at_risk"]:
            same(f"at risk {k} {a}", hundredths(o[a]), t[a])
        same(f"at risk {k} churn_share", o["churn_share"], t["churn_share"])
    ours = keyed(rows("savings"), lambda r: (r["segment"], r["lever"]))
    theirs = keyed(money.get("savings", []), lambda r: (r["segment"], r["lever"]))
    same("savings", sorted(ours), sorted(theirs))
    for k in ours.keys() & theirs.keys():
        o, t = ours[k], theirs[k]
        same(f"saving {k} n", o["n"], t["n"])
        same(f"saving {k} measured", o["measured"] * 100.0, t["measured"])
        same(f"saving {k} target", hundredths(o["target"] * 100.0), t["target"])
        for a, b in [("contacts", "contacts"), ("unit", "unit_saving"), ("saving", "saving")]:
            same(f"saving {k} {b}", hundredths(o[a]), t[b])
    # Bad data, by file and kind.
    bad = {}
    for r in rows("bad_rows"):
        bad[(r["file"], r["reason"])] = bad.get((r["file"], r["reason"]), 0) + 1
    same("bad data", bad, {(b["file"], b["kind"]): b["count"] for b in measure["bad_data"]})
    for p in problems:
        print(p)
    print(f"{checked - len(problems)} passed, {len(problems)} failed: figures of dbt against measure.json")
    sys.exit(1 if problems else 0)


main()
