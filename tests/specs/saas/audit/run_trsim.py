import json, sys
sys.path.insert(0, '/work/audit9/scripts')
from trsim import route
from cal import sydney, dublin, austin, always, parse, UTC
from datetime import datetime, timedelta
wf = json.load(open('/work/audit9/out/routing/taskrouter-workflow.json'))
HUB = {'syd': sydney, 'dub': dublin, 'aus': austin}
def open_at(cal, t):
    return any(s <= t < e for d in [t.astimezone(cal.tz).date()] for s, e in cal.intervals(d))
def mk_avail(busy_until=None):
    # busy_until: dict hub -> datetime until which the hub's agents are Available but at capacity
    def available(q, wexpr, t):
        name = q.replace('SET-ME-queue-sid-for-', '')
        if name == 'outage_line': return 2
        if name == 'tickets_free': return 1 if open_at(dublin, t) else 0
        hub = name.split('_')[1]
        if not open_at(HUB[hub], t): return 0
        if busy_until and hub in busy_until and t < busy_until[hub]: return -1  # available activity, no capacity
        return 3
    return available
def avail_wrap(av):
    # -1 means workers.available>0 but no reservation possible
    def f(q, w, t):
        return av(q, w, t)
    return f
import trsim
# patch: treat -1 as "workers available but no capacity": not assigned, skip_if false
orig = trsim.route
def route2(wf, task, created, av, task_timeout=259200):
    def a(q, w, t):
        v = av(q, w, t); return v
    tr = wf['task_routing']
    for f in tr['filters']:
        if trsim.tr_eval(f['expression'], task): break
    else:
        return 'default', [(created, 'default')]
    log = []; t = created; budget = 0
    for k, tg in enumerate(f['targets']):
        q = tg['queue'].replace('SET-ME-queue-sid-for-', '')
        v = a(tg['queue'], None, t)
        if v > 0: log.append((t, f'ASSIGNED at once in {q} (prio {tg["priority"]})')); return f['filter_friendly_name'], log
        if v == 0 and tg.get('skip_if'): log.append((t, f'skip {q}')); continue
        budget = budget + tg['timeout'] if 'timeout' in tg else task_timeout
        until = created + timedelta(seconds=min(budget, task_timeout))
        log.append((t, f'waits in {q} (prio {tg["priority"]}) until age {min(budget,task_timeout)}s = {until:%a %d %b %H:%M}Z'))
        s = t
        while s < until:
            s += timedelta(seconds=60)
            if a(tg['queue'], None, s) > 0: log.append((s, f'ASSIGNED in {q}')); return f['filter_friendly_name'], log
        t = until
        if budget >= task_timeout: log.append((t, 'CANCELLED: task Timeout')); return f['filter_friendly_name'], log
    log.append((t, 'no target left'))
    return f['filter_friendly_name'], log
S = [
 ('Premier ticket, Tue 10 Nov 10:00 Dublin (Dublin open, idle)', dict(segment='premier', channel='tickets'), '2026-11-10T10:00:00Z', None),
 ('Premier ticket, Tue 10 Nov 10:00 Dublin, Dublin at capacity for 90 min', dict(segment='premier', channel='tickets'), '2026-11-10T10:00:00Z', {'dub': '2026-11-10T11:30:00Z'}),
 ('Enterprise chat, Tue 10 Nov 15:00 UTC (Dublin+Austin open), Dublin busy 5 min', dict(segment='enterprise', channel='chat'), '2026-11-10T15:00:00Z', {'dub': '2026-11-10T15:05:00Z'}),
 ('Premier phone, Wed 11 Nov 02:00 UTC = 13:00 Sydney, Sydney busy 2 min', dict(segment='premier', channel='phone'), '2026-11-11T02:00:00Z', {'syd': '2026-11-11T02:02:00Z'}),
 ('Enterprise ticket, Fri 13 Nov 23:30 UTC (Austin 17:30, Sydney Sat)', dict(segment='enterprise', channel='tickets'), '2026-11-13T23:30:00Z', {'aus': '2026-11-14T00:30:00Z'}),
 ('Business ticket, Sat 14 Nov 12:00 UTC (weekend)', dict(segment='business', channel='tickets'), '2026-11-14T12:00:00Z', None),
 ('Premier ticket, Thanksgiving Thu 26 Nov 16:00 UTC (Austin closed, Dublin open)', dict(segment='premier', channel='tickets'), '2026-11-26T16:00:00Z', None),
 ('Premier ticket, Thanksgiving Thu 26 Nov 19:00 UTC (Dublin closed, Austin holiday)', dict(segment='premier', channel='tickets'), '2026-11-26T19:00:00Z', None),
 ('Premier ticket, Thu 24 Dec 23:00 UTC (Christmas)', dict(segment='premier', channel='tickets'), '2026-12-24T23:00:00Z', None),
 ('Enterprise ticket, Mon 28 Dec 15:00 UTC (Austin open; Syd, Dub holiday)', dict(segment='enterprise', channel='tickets'), '2026-12-28T15:00:00Z', None),
 ('Premier P1 reported by phone (complaint=p1_outage), Wed 11 Nov 10:00 UTC', dict(segment='premier', channel='phone', complaint='p1_outage'), '2026-11-11T10:00:00Z', None),
 ('Premier P4 question by phone (complaint=p4_question), Wed 11 Nov 02:00 UTC (Sydney 13:00)', dict(segment='premier', channel='phone', complaint='p4_question'), '2026-11-11T02:00:00Z', None),
 ('Premier P3 ticket, Wed 11 Nov 02:00 UTC (Sydney 13:00, Dublin night)', dict(segment='premier', channel='tickets', complaint='p3_issue'), '2026-11-11T02:00:00Z', None),
 ('Self-serve ticket Fri 13 Nov 17:30 UTC', dict(segment='selfserve', channel='tickets'), '2026-11-13T17:30:00Z', None),
 ('Premier outage-hotline call, Sun 15 Nov 03:00 UTC', dict(segment='premier', channel='outage'), '2026-11-15T03:00:00Z', None),
 ('Unknown-segment task (segment=trial)', dict(segment='trial', channel='chat'), '2026-11-10T10:00:00Z', None),
]
for name, task, t, busy in S:
    task.setdefault('complaint', None)
    b = {k: parse(v) for k, v in busy.items()} if busy else None
    fn, log = route2(wf, task, parse(t), mk_avail(b))
    print('##', name); print('   filter:', fn)
    for when, ev in log: print(f'   {when:%a %d %b %H:%M}Z  {ev}')
