#!/usr/bin/env python3
"""Writes contacts.csv and cases.csv for the kitchen example: October 2026 as
the contact centre's exports would show it, from a fixed seed, so the files
are the same on every run and machine.

    python3 examples/kitchen/data/generate.py          # write the files
    python3 examples/kitchen/data/generate.py --check  # exit 1 if they differ

What the data holds, so `cxc measure` has something true to say:
- standard-segment calls wait longer than their 80%-within-30s target;
  about 4% of calls are abandoned;
- one "defect" complaint of twelve is acknowledged late;
- one kitchen order skips installation (a journey deviation);
- the designer's measurement visit overruns its 3 days in about one case
  in ten; a few customers drop out after the measurement or the approval.
"""

import csv
import io
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
MSK = timezone(timedelta(hours=3))
rng = random.Random(2026)


def stamp(t):
    return t.isoformat(timespec="seconds") if t else ""


def office_instant(day):
    """A moment inside office hours (Mon-Fri 9-18, Sat 10-16) of `day`, or None on Sunday."""
    wd = day.weekday()
    if wd == 6:
        return None
    start, end = (9, 17) if wd < 5 else (10, 15)
    minute = rng.randrange(start * 60, end * 60)
    return datetime(day.year, day.month, day.day, minute // 60, minute % 60, rng.randrange(60), tzinfo=MSK)


def contacts():
    rows = []
    n = 0
    day0 = datetime(2026, 10, 1, tzinfo=MSK)
    for d in range(31):
        day = day0 + timedelta(days=d)
        for _ in range(rng.randint(85, 115)):
            created = office_instant(day)
            if created is None:
                continue
            n += 1
            premium = rng.random() < 0.2
            segment = "premium" if premium else "standard"
            channel = rng.choices(["phone", "chat", "email", "field"], [50, 25, 20, 5])[0]
            row = {"id": f"C{n:05d}", "segment": segment, "channel": channel, "created": created}
            if channel in ("phone", "chat"):
                if rng.random() < (0.03 if premium else 0.045):
                    row["answered"] = None  # the customer gave up
                else:
                    mean = {("phone", True): 7, ("phone", False): 26, ("chat", True): 15, ("chat", False): 40}[(channel, premium)]
                    row["answered"] = created + timedelta(seconds=round(rng.expovariate(1 / mean)))
            else:
                mean = {("email", True): 15, ("email", False): 50, ("field", True): 120, ("field", False): 180}[(channel, premium)]
                wait = min(rng.expovariate(1 / mean), 55 if channel == "email" and premium else 200)
                row["first_response"] = created + timedelta(minutes=round(wait, 1))
            reply = row.get("answered") or row.get("first_response")
            if reply and rng.random() < 0.97:
                row["resolved"] = reply + timedelta(hours=rng.uniform(0.1, 70))
            if reply and rng.random() < 0.3:
                satisfied = 0.93 if premium else 0.88
                row["csat"] = rng.choice([4, 5]) if rng.random() < satisfied else rng.choice([1, 2, 3])
                r = rng.random()
                row["nps"] = rng.choice([9, 10]) if r < (0.7 if premium else 0.55) else (rng.choice([7, 8]) if r < 0.92 else rng.randint(0, 6))
            rows.append(row)
    # Complaints come by phone during office hours, Mondays to Thursdays.
    late = None
    for k, rule in enumerate(["defect"] * 12 + ["missed_appointment"] * 8):
        day = day0 + timedelta(days=2 + 7 * (k % 4) + (k // 4) % 4)
        if day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())  # Monday: complaints here come on weekdays
        created = datetime(day.year, day.month, day.day, 10 + k % 5, 5 * (k % 7), tzinfo=MSK)
        n += 1
        ack_minutes = rng.randint(5, 25)
        if rule == "defect" and late is None and k == 5:
            late = k
            ack_minutes = 150  # the one acknowledged late
        acknowledged = created + timedelta(minutes=ack_minutes)
        resolved = created + timedelta(hours=rng.uniform(2, 6) if rule == "defect" else rng.uniform(1, 3))
        rows.append({
            "id": f"C{n:05d}", "segment": rng.choice(["premium", "standard"]), "channel": "phone",
            "created": created, "answered": created + timedelta(seconds=rng.randint(3, 15)),
            "resolved": resolved, "complaint": rule, "acknowledged": acknowledged,
            "feedback": resolved + timedelta(minutes=rng.randint(10, 90)),
        })
    rows.sort(key=lambda r: (r["created"], r["id"]))
    return rows


STEPS = ["request", "measure", "approve", "production", "install", "feedback"]


def cases():
    visits = []
    start = datetime(2026, 8, 17, 10, 0, tzinfo=MSK)
    for c in range(1, 301):
        t = start + timedelta(hours=rng.uniform(0, 24 * 70))
        path = []
        def visit(step, hours):
            nonlocal t
            path.append((step, t))
            t = t + timedelta(hours=hours)
        visit("request", rng.uniform(1, 20))
        while True:
            visit("measure", rng.uniform(24, 66) if rng.random() > 0.1 else rng.uniform(75, 110))
            if rng.random() < 0.05:
                break  # the customer stopped answering after the measurement
            visit("approve", rng.uniform(10, 40))
            if rng.random() < 0.15:
                continue  # changes requested: measure again
            break
        else:
            pass
        if path[-1][0] == "approve" and rng.random() > 0.04:
            visit("production", rng.uniform(240, 330))
            if c != 137:
                visit("install", rng.uniform(6, 40))
            # Case 137 went from production straight to the quality call.
            visit("feedback", rng.uniform(2, 20))
        end = datetime(2026, 10, 31, 18, 0, tzinfo=MSK)
        for step, entered in path:
            if entered > end:
                break
            csat = ""
            if step == "feedback":
                csat = rng.choices([5, 4, 3, 2], [60, 28, 9, 3])[0]
            visits.append({"case": f"K{c:04d}", "journey": "order", "step": step, "entered": entered, "csat": csat})
    visits.sort(key=lambda v: (v["entered"], v["case"]))
    return visits


def to_csv(rows, fields):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for r in rows:
        writer.writerow([stamp(r.get(f)) if isinstance(r.get(f), datetime) or r.get(f) is None else r.get(f) for f in fields])
    return out.getvalue()


def main():
    files = {
        "contacts.csv": to_csv(contacts(), ["id", "segment", "channel", "created", "answered", "first_response", "resolved", "complaint", "acknowledged", "feedback", "csat", "nps"]),
        "cases.csv": to_csv(cases(), ["case", "journey", "step", "entered", "csat"]),
    }
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in files.items():
        path = HERE / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run examples/kitchen/data/generate.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
