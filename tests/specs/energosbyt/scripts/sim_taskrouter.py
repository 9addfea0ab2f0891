"""Independent TaskRouter simulation by Twilio's documented semantics:
filters tried in order, first match wins; targets in order; a target's timeout is
cumulative against task age; skip_if evaluated on arrival at a target; the last
target holds the task until Task Timeout (default 86400 s)."""
import json, re, sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
W = json.load(open(sys.argv[1]))['task_routing']
Q = {q['sid']: q for q in json.load(open(sys.argv[2]))}

def ev(expr, attrs):
    # supports: a == 'x', a IN ['x','y'], AND
    parts = [p.strip() for p in expr.split(' AND ')]
    for p in parts:
        m = re.fullmatch(r"(\w+) == '([^']*)'", p)
        if m:
            if attrs.get(m[1]) != m[2]: return False
            continue
        m = re.fullmatch(r"(\w+) IN \[(.*)\]", p)
        if m:
            vals = re.findall(r"'([^']*)'", m[2])
            if attrs.get(m[1]) not in vals: return False
            continue
        raise ValueError(p)
    return True

def route(attrs, available):
    """available: set of team names with an available worker right now"""
    for f in W['filters']:
        if ev(f['expression'], attrs):
            out = []; age = 0
            for i, t in enumerate(f['targets']):
                q = Q[t['queue']]
                tw = q['target_workers']
                teams = re.findall(r"team == '([^']*)'", tw)
                avail = any(tm in available for tm in teams)
                last = i == len(f['targets']) - 1
                if t.get('skip_if') == 'workers.available == 0' and not avail:
                    out.append(f"skip {q['queue']}"); continue
                out.append(f"{q['queue']} (prio {t['priority']}, timeout {t.get('timeout','-')}, expr {t.get('expression','')})")
                if avail: return f['filter_friendly_name'], out, q['queue']
                if last: return f['filter_friendly_name'], out, q['queue'] + ' [waits until Timeout 86400s]'
            return f['filter_friendly_name'], out, None
    return 'default', [], W['default_filter']['queue']

def open_teams(utc):
    """which teams are at work, by the spec's calendars (local time)"""
    teams = {'диспетчерская'}
    for team, tz in [('кц_екатеринбург','Asia/Yekaterinburg'),('кц_омск','Asia/Omsk'),('кц_новосибирск','Asia/Novosibirsk')]:
        l = utc.astimezone(ZoneInfo(tz))
        hol = l.date().isoformat() in HOL
        wd = l.weekday()
        hm = l.hour*60+l.minute
        if l.date().isoformat() in WORKSAT: o = 480 <= hm < 1200
        elif hol: o = False
        elif wd < 5: o = 480 <= hm < 1200
        elif wd == 5: o = 540 <= hm < 900
        else: o = False
        if o: teams.add(team)
    return teams
HOL = {'2026-11-04','2026-12-31'} | {f'2027-01-0{d}' for d in range(1,9)} | {'2027-02-22','2027-02-23','2027-03-08','2027-05-03','2027-05-10','2027-06-14','2027-11-04','2027-11-05'}
WORKSAT = {'2027-02-20'}

cases = [
  ("уязвимый, аварийная линия, 23:30 Новосибирск 1 января", {'channel':'аварийная_линия','segment':'уязвимые'}, datetime(2027,1,1,23,30,tzinfo=ZoneInfo('Asia/Novosibirsk'))),
  ("юрлицо, КЦ Омск, перенесённая рабочая суббота 20.02.2027 10:00 Омск", {'channel':'телефон_омск','segment':'юрлица'}, datetime(2027,2,20,10,0,tzinfo=ZoneInfo('Asia/Omsk'))),
  ("население, КЦ Екб, 19:30 Екб (Омск уже закрыт: 20:30 Омск)", {'channel':'телефон_екб','segment':'население'}, datetime(2026,12,8,19,30,tzinfo=ZoneInfo('Asia/Yekaterinburg'))),
  ("население, КЦ Нск, 08:30 Нск (Омск 07:30 — закрыт)", {'channel':'телефон_нск','segment':'население'}, datetime(2026,12,8,8,30,tzinfo=ZoneInfo('Asia/Novosibirsk'))),
  ("население, КЦ Екб, 12:00 Екб, Екб занят (нет свободных), Омск свободен", {'channel':'телефон_екб','segment':'население'}, datetime(2026,12,8,12,0,tzinfo=ZoneInfo('Asia/Yekaterinburg'))),
  ("уязвимый, Telegram, 21:00 Екб", {'channel':'телеграм','segment':'уязвимые'}, datetime(2026,12,8,21,0,tzinfo=ZoneInfo('Asia/Yekaterinburg'))),
  ("должник, жалоба на ограничение, КЦ Нск 10:00 Нск", {'channel':'телефон_нск','segment':'должники','complaint':'необоснованное_ограничение'}, datetime(2026,12,8,10,0,tzinfo=ZoneInfo('Asia/Novosibirsk'))),
  ("население, письменная жалоба, письмо", {'channel':'письмо','segment':'население','complaint':'письменная_жалоба'}, datetime(2026,12,8,10,0,tzinfo=ZoneInfo('Asia/Yekaterinburg'))),
  ("население, жалоба КЦ Екб, звонит на КЦ Нск", {'channel':'телефон_нск','segment':'население','complaint':'жалоба_кц_екб'}, datetime(2026,12,8,10,0,tzinfo=ZoneInfo('Asia/Novosibirsk'))),
]
for name, attrs, t in cases:
    av = open_teams(t.astimezone(ZoneInfo('UTC')))
    if 'Екб занят' in name: av.discard('кц_екатеринбург')
    ff, path, landed = route(attrs, av)
    print('##', name, '| at work:', sorted(av))
    print('   filter:', ff); [print('     ', p) for p in path]; print('   LANDS:', landed)
