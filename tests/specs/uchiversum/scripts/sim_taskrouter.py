"""Independent TaskRouter workflow simulator (Twilio documented semantics):
filters tried in order, first whose expression matches wins; targets tried in order;
a target whose skip_if holds when the task reaches it is skipped; target timeouts are
cumulative against task age; last target holds until task Timeout (default 86400 s).
Worker availability: a team's workers are available while ITS hours (as written in my
spec, not cxc's output) are open. Calendars re-declared here from the spec."""
import json, re, sys
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo
W = json.load(open(sys.argv[1]))['task_routing']
Q = {q['sid']: q for q in json.load(open(sys.argv[2]))}
MSK=ZoneInfo('Europe/Moscow')
def cal(tz, days, start, end, closed=()):
    return dict(tz=ZoneInfo(tz), days=days, s=start, e=end, closed=set(closed))
ALL=range(7); WD=range(5)
TEAM = {
 'поддержка_мск': cal('Europe/Moscow', ALL, 14, 24, ['2027-01-01']),
 'поддержка_алм': cal('Asia/Almaty', ALL, 7, 16, ['2027-03-21','2027-03-22','2027-03-23']),
 'поддержка_таш': cal('Asia/Tashkent', ALL, 0, 9, ['2027-03-21','2027-09-01']),
 'поддержка_тбс': cal('Asia/Tbilisi', ALL, 10, 19, ['2027-01-07','2027-05-26']),
 'кураторы': cal('Europe/Moscow', ALL, 8, 23, ['2027-01-01']),
 'возвраты': cal('Europe/Moscow', WD, 9, 18, ['2026-12-31','2027-01-01','2027-01-04','2027-01-07','2027-01-08','2027-02-23','2027-03-08']),
 'корп_мск': cal('Europe/Moscow', WD, 9, 18, ['2026-12-31','2027-01-01','2027-01-04','2027-01-05','2027-01-06','2027-01-07','2027-01-08','2027-02-23','2027-03-08']),
 'корп_алм': cal('Asia/Almaty', WD, 9, 18, ['2027-01-01','2027-01-02','2027-01-07','2027-03-08','2027-03-22','2027-03-23','2027-03-24']),
 'авторы_поддержка': cal('Europe/Moscow', WD, 9, 18, ['2026-12-31','2027-01-01','2027-01-04','2027-01-05','2027-01-06','2027-01-07','2027-01-08']),
}
def open_at(c, t):
    l = t.astimezone(c['tz'])
    if l.date().isoformat() in c['closed'] or l.weekday() not in c['days']: return False
    return c['s'] <= l.hour + l.minute/60 < c['e']
def teams_of(expr):
    return re.findall(r"team == '([^']+)'", expr)
def avail(sid, t):
    q = Q[sid]; return [tm for tm in teams_of(q['target_workers']) if tm in TEAM and open_at(TEAM[tm], t)]
def match(expr, task):
    e = expr
    def atom(m):
        k, op, v = m.group(1), m.group(2), m.group(3)
        if op == '==': return str(task.get(k) == v.strip("'"))
        vals = re.findall(r"'([^']*)'", v); return str(task.get(k) in vals)
    e = re.sub(r"(\w+) (==|IN) ('[^']*'|\[[^\]]*\])", atom, e)
    e = e.replace('AND', 'and').replace('OR', 'or')
    return eval(e)
def route(task, t0, timeout=86400):
    for f in W['filters']:
        if match(f['expression'], task): break
    else: f = None
    if f is None: return ('default', W.get('default_filter'))
    age = 0; log=[]
    for i, tg in enumerate(f['targets']):
        t = t0 + timedelta(seconds=age)
        a = avail(tg['queue'], t)
        last = i == len(f['targets'])-1
        if tg.get('skip_if') == 'workers.available == 0' and not a:
            log.append(f"skip {Q[tg['queue']]['queue']}"); continue
        if a:
            return (f['filter_friendly_name'], Q[tg['queue']]['queue'], f"taken at +{age}s by {a}", tg['priority'], log)
        if last or 'timeout' not in tg:
            # wait until someone available or Timeout
            tt = t
            while (tt - t0).total_seconds() < timeout:
                tt += timedelta(minutes=5)
                a = avail(tg['queue'], tt)
                if a: return (f['filter_friendly_name'], Q[tg['queue']]['queue'], f"waited {(tt-t0)} then {a}", tg['priority'], log)
            return (f['filter_friendly_name'], Q[tg['queue']]['queue'], 'CANCELLED by Timeout', tg['priority'], log)
        age += tg['timeout']
    return (f['filter_friendly_name'], None, 'fell through', None, log)
S = [
 ('Premium chat Sat 02:00 MSK', dict(channel='чат', segment='премиум'), datetime(2027,1,16,2,0,tzinfo=MSK)),
 ('Premium chat Sun 21 Mar 02:00 MSK (Navruz/Nauryz)', dict(channel='чат', segment='премиум'), datetime(2027,3,21,2,0,tzinfo=MSK)),
 ('Regular student chat Sat 02:00 MSK (channel for students 09-24)', dict(channel='чат', segment='студенты'), datetime(2027,1,16,2,0,tzinfo=MSK)),
 ('Regular student chat Tue 20:30 MSK (evening peak)', dict(channel='чат', segment='студенты'), datetime(2027,2,2,20,30,tzinfo=MSK)),
 ('Corporate call Mon 09:00 Almaty', dict(channel='телефон_корп', segment='корпоративные'), datetime(2027,1,18,9,0,tzinfo=ZoneInfo('Asia/Almaty'))),
 ('Corporate call Mon 22 Mar 10:00 Almaty (Nauryz)', dict(channel='телефон_корп', segment='корпоративные'), datetime(2027,3,22,10,0,tzinfo=ZoneInfo('Asia/Almaty'))),
 ('Corporate call 2 Jan 12:00 MSK', dict(channel='телефон_корп', segment='корпоративные'), datetime(2027,1,2,12,0,tzinfo=MSK)),
 ('Refund form 2 Jan 12:00 MSK (student)', dict(channel='форма_возврата', segment='студенты'), datetime(2027,1,2,12,0,tzinfo=MSK)),
 ('Refund form 2 Jan with Timeout 486000', dict(channel='форма_возврата', segment='студенты'), datetime(2027,1,2,12,0,tzinfo=MSK), 486000),
 ('Premium complaint (обучение) chat 02:00 MSK Sat', dict(channel='чат', segment='премиум', complaint='обучение'), datetime(2027,1,16,2,0,tzinfo=MSK)),
 ('Refund complaint premium chat Sat 02:00', dict(channel='чат', segment='премиум', complaint='возврат_жалоба'), datetime(2027,1,16,2,0,tzinfo=MSK)),
 ('Premium student calls corporate line Mon 10:00 MSK', dict(channel='телефон_корп', segment='премиум'), datetime(2027,1,18,10,0,tzinfo=MSK)),
 ('Author chat Mon 10:00 MSK', dict(channel='чат', segment='авторы'), datetime(2027,1,18,10,0,tzinfo=MSK)),
 ('Corporate chat Mon 10:00 MSK', dict(channel='чат', segment='корпоративные'), datetime(2027,1,18,10,0,tzinfo=MSK)),
 ('Author e-mail about payout 10 Jan (Sun) 12:00', dict(channel='почта', segment='авторы'), datetime(2027,1,10,12,0,tzinfo=MSK)),
 ('Corporate e-mail 31 Dec 12:00', dict(channel='почта', segment='корпоративные'), datetime(2026,12,31,12,0,tzinfo=MSK)),
]
for s in S:
    name, task, t0 = s[:3]; to = s[3] if len(s)>3 else 86400
    print(f"* {name} [{t0.isoformat()}] ->", route(task, t0, to))
