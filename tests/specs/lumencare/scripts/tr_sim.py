#!/usr/bin/env python3
"""Independent TaskRouter simulation for the Lumen Care spec.
Semantics (Twilio docs): first matching filter wins; targets in order; target timeouts are
cumulative from task age; skip_if 'workers.available == 0' skips a step if nobody available
at entry; last step without timeout holds until task Timeout (86400 s default).
Workers are available exactly during their team's hours in the team's zone (from the spec)."""
import json, sys, re
from datetime import datetime, timedelta, date, time, timezone
from zoneinfo import ZoneInfo
OUT = sys.argv[1] if len(sys.argv) > 1 else '/work/audit18/out'
wf = json.load(open(f'{OUT}/routing/taskrouter-workflow.json'))['task_routing']
qs = {q['sid']: q for q in json.load(open(f'{OUT}/routing/taskrouter-queues.json'))}
W = ZoneInfo('Europe/Warsaw'); M = ZoneInfo('America/Mexico_City'); H = ZoneInfo('Pacific/Honolulu')
def opened(tz, weekly, closed=(), dated={}):
    def f(t):
        l = t.astimezone(tz); d = l.date(); hm = l.hour*60 + l.minute
        if d in closed: return False
        spans = dated.get(d, weekly.get(l.weekday(), []))
        if d in dated: spans = dated[d]
        return any(a <= hm < b for a, b in spans)
    return f
wk = lambda spans, days: {d: spans for d in days}
team_open = {
 'clinical': lambda t: True,
 'waw_centre': opened(W, wk([(480,1080)], range(5)), {date(2026,12,24),date(2026,12,25),date(2026,12,26),date(2027,1,1),date(2027,1,6)}, {date(2027,1,9): [(540,780)]}),
 'mex_centre': opened(M, {**wk([(480,1140)], range(5)), **wk([(240,960)], [5,6])}, {date(2026,12,12),date(2026,12,25),date(2027,1,1),date(2027,2,1)}),
 'hnl_night': opened(H, wk([(720,1440)], range(7))),
}
def teams_of(sid):
    if sid not in qs: return None
    return re.findall(r"team == '([^']+)'", qs[sid]['target_workers'])
def avail(sid, t, target):
    ts = teams_of(sid)
    if ts is None: return False
    if 'expression' in target and 'clinical_lead' in target['expression']:
        return True  # clinical leads: headcount 5 on a 24x7 team; assume covered
    return any(team_open[x](t) for x in ts)
def match(attrs):
    for f in wf['filters']:
        e = f['expression']
        ok = True
        for part in e.split(' AND '):
            m = re.match(r"(\w+) == '([^']*)'", part)
            if m: ok &= attrs.get(m[1]) == m[2]; continue
            m = re.match(r"(\w+) IN \[(.*)\]", part)
            if m: ok &= attrs.get(m[1]) in re.findall(r"'([^']*)'", m[2]); continue
            raise SystemExit('unparsed ' + part)
        if ok: return f
    return None
TASK_TIMEOUT = 86400
def route(attrs, t0, step=60):
    f = match(attrs)
    targets = f['targets'] if f else [wf['default_filter']]
    age = 0; end = 0
    for i, tg in enumerate(targets):
        last = 'timeout' not in tg
        end = TASK_TIMEOUT if last else end + tg['timeout']
        now = t0 + timedelta(seconds=age)
        if avail(tg['queue'], now, tg):
            return tg['queue'].replace('SET-ME-queue-sid-for-',''), age, tg.get('priority'), f and f['filter_friendly_name']
        if tg.get('skip_if') == 'workers.available == 0':
            continue   # skipped at once; cumulative clock keeps running
        a = age
        while a < end:
            if avail(tg['queue'], t0 + timedelta(seconds=a), tg):
                return tg['queue'].replace('SET-ME-queue-sid-for-',''), a, tg.get('priority'), f and f['filter_friendly_name']
            a += step
        age = end
    return None, None, None, f and f['filter_friendly_name']
