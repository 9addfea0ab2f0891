"""Simulate the generated TaskRouter workflow by Twilio's documented semantics:
filters in order, first match wins; targets in order, each `timeout` cumulative against
the task's age; `skip_if: workers.available == 0` skips at once when no worker of the
TaskQueue is available; last target holds until the task Timeout (default 86,400 s).
Worker availability = the team's working hours from the spec, encoded here by hand
(with each country's holidays), independent of cxc."""
import json, re, sys
from datetime import datetime, timedelta, date
from zoneinfo import ZoneInfo
LIS, MAD, ATH = ZoneInfo('Europe/Lisbon'), ZoneInfo('Europe/Madrid'), ZoneInfo('Europe/Athens')
HOL = {
 'PT': {'2026-01-01','2026-04-03','2026-04-05','2026-04-25','2026-05-01','2026-06-04','2026-06-10','2026-06-13','2026-08-15','2026-10-05','2026-11-01','2026-12-01','2026-12-08','2026-12-25',
        '2027-01-01','2027-03-26','2027-03-28','2027-04-25','2027-05-01','2027-05-27','2027-06-10','2027-06-13','2027-08-15','2027-10-05','2027-11-01','2027-12-01','2027-12-08','2027-12-25'},
 'ES': {'2026-01-01','2026-01-06','2026-04-02','2026-04-03','2026-05-01','2026-05-02','2026-05-15','2026-08-15','2026-10-12','2026-11-02','2026-11-09','2026-12-07','2026-12-08','2026-12-25',
        '2027-01-01','2027-01-06','2027-03-25','2027-03-26','2027-05-01','2027-05-03','2027-05-15','2027-08-16','2027-10-12','2027-11-01','2027-11-09','2027-12-06','2027-12-08','2027-12-25'},
 'GR': {'2026-01-01','2026-01-06','2026-02-23','2026-03-25','2026-04-10','2026-04-13','2026-05-01','2026-06-01','2026-08-15','2026-10-28','2026-12-25','2026-12-26',
        '2027-01-01','2027-01-06','2027-03-15','2027-03-25','2027-04-30','2027-05-03','2027-06-21','2027-08-15','2027-10-28','2027-12-25','2027-12-26'},
}
def daily(tz, start, end):  # every day, end may pass midnight
    def f(t):
        l = t.astimezone(tz); h = l.hour + l.minute/60
        return (start <= h < end) if start < end else (h >= start or h < end)
    return f
def office(tz, country):
    def f(t):
        l = t.astimezone(tz)
        return l.weekday() < 5 and 9 <= l.hour < 18 and l.date().isoformat() not in HOL[country]
    return f
TEAM = {
 'diner_ath': daily(ATH, 7, 15), 'diner_mad': daily(MAD, 10, 24), 'diner_lis': daily(LIS, 22, 8),
 'key_accounts': office(MAD, 'ES'), 'partner_lis': office(LIS, 'PT'), 'partner_mad': office(MAD, 'ES'), 'partner_ath': office(ATH, 'GR'),
 'payouts': office(MAD, 'ES'), 'courier_lis': daily(LIS, 11, 1), 'courier_mad': daily(MAD, 11, 1), 'courier_ath': daily(ATH, 11, 1),
 'social': daily(LIS, 8, 24), 'relations': office(LIS, 'PT'), 'cx_management': office(LIS, 'PT'),
}
wf = json.load(open(sys.argv[1] if len(sys.argv) > 1 else 'out/build/routing/taskrouter-workflow.json'))
wf = wf.get('configuration', wf); wf = json.loads(wf) if isinstance(wf, str) else wf
queues = {q['sid']: q for q in json.load(open('out/build/routing/taskrouter-queues.json'))}
def teams_of(expr):
    return re.findall(r"team == '([a-z_]+)'", expr)
def roles_of(expr):
    return re.findall(r"roles HAS '([a-z_]+)'", expr)
def match(expr, task):
    ok = True
    for part in expr.split(' AND '):
        part = part.strip()
        m = re.match(r"(\w+) == '([^']*)'", part)
        if m: ok &= task.get(m.group(1)) == m.group(2); continue
        m = re.match(r"(\w+) IN \[(.*)\]", part)
        if m: ok &= task.get(m.group(1)) in re.findall(r"'([^']*)'", m.group(2)); continue
        raise ValueError(part)
    return ok
def available(target, t):
    q = queues[target['queue']]
    teams = [x for x in teams_of(q['target_workers']) if TEAM[x](t)]
    return teams
def route(task, t0, timeout=86400, step=60):
    for f in wf['task_routing']['filters']:
        if match(f['expression'], task): break
    else:
        return ('default', None, None)
    age = 0; trail = []
    for i, tg in enumerate(f['targets']):
        last = i == len(f['targets']) - 1
        limit = timeout if last or 'timeout' not in tg else min(timeout, sum(x.get('timeout', 0) for x in f['targets'][:i+1]))
        qn = queues[tg['queue']]['queue']
        if available(tg, t0 + timedelta(seconds=age)):
            return (f['filter_friendly_name'], qn, available(tg, t0 + timedelta(seconds=age)), age, trail, tg.get('expression'))
        if tg.get('skip_if') == 'workers.available == 0':
            trail.append(f'skip {qn}@{age}s'); continue
        # wait in this target until someone is at work or its cumulative timeout passes
        a = age
        while a < limit:
            a = min(limit, a + step)
            if available(tg, t0 + timedelta(seconds=a)):
                return (f['filter_friendly_name'], qn, available(tg, t0 + timedelta(seconds=a)), a, trail, tg.get('expression'))
        trail.append(f'timeout {qn}@{limit}s'); age = limit
        if age >= timeout: return (f['filter_friendly_name'], 'CANCELLED', None, age, trail, None)
    return (f['filter_friendly_name'], 'CANCELLED', None, age, trail, None)

SC = [
 ('S1 Plus diner chat, Sat 00:30 Lisbon', dict(channel='app_chat', segment='diner_plus'), datetime(2027,1,9,0,30,tzinfo=LIS), 'Lisbon night hub at once (only hub at work)'),
 ('S1b same chat tagged complaint order_problem', dict(channel='app_chat', segment='diner_plus', complaint='order_problem'), datetime(2027,1,9,0,30,tzinfo=LIS), 'a diner-care agent at work; acknowledged within 15 min (24x7 clock)'),
 ('S1c regular diner chat Sat 00:30 Lisbon, summer', dict(channel='app_chat', segment='diner_regular'), datetime(2027,7,10,0,30,tzinfo=LIS), 'Lisbon night hub'),
 ('S2 independent partner call Mon 09:00 Athens', dict(channel='partner_phone', segment='partner_indie'), datetime(2027,1,11,9,0,tzinfo=ATH), 'Athens partner team (Lisbon closed until 11:00 Athens)'),
 ('S2b chain call Mon 09:00 Athens', dict(channel='partner_phone', segment='partner_chain'), datetime(2027,1,11,9,0,tzinfo=ATH), 'account managers closed (Madrid 08:00) -> Athens partner team'),
 ('S2c chain call Mon 11:00 Madrid', dict(channel='partner_phone', segment='partner_chain'), datetime(2027,1,11,11,0,tzinfo=MAD), 'chain account managers'),
 ('S3 courier hotline PT Sat 00:30 Lisbon', dict(channel='courier_pt', segment='courier'), datetime(2027,1,9,0,30,tzinfo=LIS), 'Lisbon courier team (open until 01:00)'),
 ('S3b courier hotline GR Sun 00:45 Athens summer', dict(channel='courier_gr', segment='courier'), datetime(2027,7,11,0,45,tzinfo=ATH), 'Athens courier team'),
 ('S3c courier hotline ES 01:30 Madrid (closed)', dict(channel='courier_es', segment='courier'), datetime(2027,1,9,1,30,tzinfo=MAD), 'line closed (IVR); a task would wait to 11:00'),
 ('S4 indie partner call Greek Easter Monday 2027-05-03 09:30 Athens', dict(channel='partner_phone', segment='partner_indie'), datetime(2027,5,3,9,30,tzinfo=ATH), 'line open per partner_line; Athens+Madrid on holiday; Lisbon opens 11:00 Athens'),
 ('S4b indie partner call Greek Easter Monday 2026-04-13 09:30 Athens', dict(channel='partner_phone', segment='partner_indie'), datetime(2026,4,13,9,30,tzinfo=ATH), 'Athens on holiday; Madrid opens 10:00 Athens'),
 ('S4c chain payout e-mail Thu 2026-04-02 10:00 Madrid (Madrid holiday)', dict(channel='partner_email', segment='partner_chain'), datetime(2026,4,2,10,0,tzinfo=MAD), 'payouts desk back Mon 6 Apr 09:00 (4d+ closure > 24h Timeout)'),
 ('S5 Plus web form Sun 09:30 Madrid', dict(channel='web_form', segment='diner_plus'), datetime(2027,1,10,9,30,tzinfo=MAD), 'Madrid diner team at 10:00'),
 ('S6 formal complaint Plus by chat Sat 00:30 Lisbon', dict(channel='app_chat', segment='diner_plus', complaint='formal'), datetime(2027,1,9,0,30,tzinfo=LIS), 'relations team (owner) - has no queue; routed as ordinary chat'),
 ('S7 order_problem complaint regular diner chat Tue 08:00 Athens', dict(channel='app_chat', segment='diner_regular', complaint='order_problem'), datetime(2027,1,12,8,0,tzinfo=ATH), 'Athens hub is at work'),
]
for name, task, t0, exp in SC:
    r = route(task, t0)
    print(f"{name}\n   expected: {exp}\n   got: filter='{r[0]}' -> queue {r[1]} teams {r[2]} after {r[3] if len(r)>3 else '-'} s ({(r[3]/3600 if len(r)>3 and r[3] else 0):.2f} h); trail {r[4] if len(r)>4 else ''} {('expr '+r[5]) if len(r)>5 and r[5] else ''}")
