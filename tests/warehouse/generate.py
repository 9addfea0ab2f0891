#!/usr/bin/env python3
"""Writes N contacts and about N/3 visits for the kitchen example from a
fixed seed: a year of exports with every kind of row `cxc measure` reads —
offsets, UTC and local times, abandoned calls, open deadlines, complaints
with every duty, journeys that follow the map, deviate, stop or are under
way — and some bad rows of the kinds measure excludes from every figure
(missing fields, unknown names, unreadable times and survey answers).

Customers (about forty contacts a year each, one row in ten without one)
and reasons (some empty) come from a second generator of the same seed, so
the other columns are what they were before those two were added: repeats,
first-contact resolution and channel switching are measured too.

Times written as local times can contradict `created` in one of the spec's
zones (the around-the-clock calendar has none, so it reads them in UTC):
`cxc measure` and the dbt project both set such rows aside.

    generate.py N OUT_DIR [SEED]
"""
import csv
import random
import sys
from datetime import datetime, timedelta, timezone

n = int(sys.argv[1])
out = sys.argv[2]
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 28
rng = random.Random(seed)
who = random.Random(seed + 1)
extra = random.Random(seed + 2)
CAUSES = ["hinge", "paint", "late crew", "wrong size", "scratch", "handle", "drawer", "worktop",
          "sink cut-out", "delivery damage", "invoice", "colour", "glass"]
CUSTOMERS = max(1, n // 40)
REASONS = ["delivery", "billing", "defect", "", ""]
MSK = timezone(timedelta(hours=3))
START = datetime(2026, 1, 1, tzinfo=MSK)


def stamp(t):
    if t is None:
        return ""
    r = rng.random()
    if r < 0.7:
        return t.isoformat(timespec="seconds")
    if r < 0.85:
        return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # A local time, read in the zone of the rule's calendar.
    return t.strftime("%Y-%m-%d %H:%M:%S")


def later(t, mean):
    return t + timedelta(seconds=round(rng.expovariate(1 / mean)))


with open(f"{out}/contacts.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "segment", "channel", "created", "answered", "first_response", "resolved",
                "complaint", "acknowledged", "escalated", "feedback", "csat", "nps", "effort", "customer", "reason",
                "cause", "handle_time"])
    for i in range(n):
        created = START + timedelta(seconds=rng.randrange(365 * 86400))
        segment = "premium" if rng.random() < 0.2 else "standard"
        channel = rng.choices(["phone", "chat", "email", "field", "portal"], [45, 25, 20, 5, 5])[0]
        answered = first = resolved = None
        if channel in ("phone", "chat"):
            if rng.random() > 0.05:
                answered = later(created, 30 if channel == "phone" else 60)
        elif rng.random() > 0.02 or created > START + timedelta(days=360):
            first = later(created, 3 * 3600)
        reply = answered or first
        if reply and rng.random() < 0.95:
            resolved = later(reply, 3 * 86400)
        complaint = ack = esc = fb = ""
        if rng.random() < 0.03:
            complaint = rng.choice(["defect", "missed_appointment"])
            ack = stamp(later(created, 1800)) if rng.random() < 0.97 else ""
            esc = stamp(later(created, 86400)) if rng.random() < 0.5 else ""
            fb = stamp(later(created, 4 * 86400)) if resolved and rng.random() < 0.9 else ""
        csat = nps = effort = ""
        if reply and rng.random() < 0.3:
            csat, nps, effort = rng.randint(1, 5), rng.randint(0, 10), rng.randint(1, 5)
        row = [f"C{i:07d}", segment, channel, stamp(created), stamp(answered), stamp(first), stamp(resolved),
               complaint, ack, esc, fb, csat, nps, effort,
               f"P{who.randrange(CUSTOMERS):06d}" if who.random() < 0.9 else "", who.choice(REASONS)]
        cause = ""
        if complaint and extra.random() < 0.9:
            k = min(extra.randrange(len(CAUSES)), extra.randrange(len(CAUSES)))
            # Half free text, as a column typed by hand: from a million
            # rows, more distinct causes than measure's 10,000 named ones.
            cause = CAUSES[k] if extra.random() < 0.5 else f"free text {extra.randrange(10**6)}"
        h = extra.random()
        handle = "90000" if h < 0.001 else ("" if h < 0.2 else str(extra.randrange(20, 1800)))
        row += [cause, handle]
        bad = rng.random()
        if bad < 0.001:
            row[1] = ""  # missing segment
        elif bad < 0.002:
            row[2] = "fax"  # unknown channel
        elif bad < 0.003:
            row[3] = "yesterday"  # unreadable time
        elif bad < 0.004:
            row[11] = "7"  # CSAT off its scale
        elif bad < 0.005:
            row[1] = "gold"  # unknown segment
        w.writerow(row)

# The order journey: request → measure → approve → production → install → feedback,
# approve → measure when changes are requested.
STEPS = ["request", "measure", "approve", "production", "install", "feedback"]
MEAN = {"request": 20 * 3600, "measure": 2 * 86400, "approve": 86400, "production": 10 * 86400,
        "install": 86400, "feedback": 3600}
with open(f"{out}/cases.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "journey", "step", "entered", "left", "csat", "effort"])
    for c in range(n // 18):
        at = START + timedelta(seconds=rng.randrange(360 * 86400))
        path = list(STEPS)
        r = rng.random()
        if r < 0.05:
            path.remove("install")  # a transition the map lacks
        elif r < 0.1:
            path = path[: rng.randrange(1, 5)]  # stopped, or under way
        elif r < 0.15:
            path = path[:3] + ["measure", "approve"] + path[3:]  # changes requested
        elif r < 0.17:
            path = path[1:]  # began elsewhere than the start
        for step in path:
            left = later(at, MEAN[step])
            w.writerow([f"K{c:06d}", "order", step, stamp(at),
                        stamp(left) if rng.random() < 0.5 else "",
                        rng.randint(1, 5) if rng.random() < 0.2 else "",
                        extra.randint(2 if step == "approve" else 1, 5) if extra.random() < 0.2 else ""])
            at = left + timedelta(seconds=rng.randrange(0, 3600))
        if rng.random() < 0.001:
            w.writerow([f"K{c:06d}", "order", "teleport", stamp(at), "", "", ""])  # unknown step
