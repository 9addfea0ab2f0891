"""Independent recomputation of cxc measure figures from the documented definitions."""
import csv, json, sys, re
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo
from collections import defaultdict
EKB, OMSK, NSK = ZoneInfo('Asia/Yekaterinburg'), ZoneInfo('Asia/Omsk'), ZoneInfo('Asia/Novosibirsk')
HOL = {'2026-11-04','2026-12-31'}|{f'2027-01-0{d}' for d in range(1,9)}|{'2027-02-22','2027-02-23','2027-03-08','2027-05-03','2027-05-10','2027-06-14','2027-11-04','2027-11-05'}
DATED = {'2027-02-20'}
def cal(tz, wk, sat, dated_hours):
    def hours(d):
        iso = d.isoformat()
        if iso in DATED: return [dated_hours]
        if iso in HOL: return []
        wd = d.weekday()
        return wk(wd) if wd < 5 else ([sat] if (wd == 5 and sat) else [])
    return tz, hours
KC = lambda tz: cal(tz, lambda wd: [(8*60, 20*60)], (9*60, 15*60), (8*60, 20*60))
OFFICE = lambda tz: cal(tz, lambda wd: [(8*60+30, 17*60+30)] if wd < 4 else [(8*60+30, 16*60+30)], (9*60, 13*60), (8*60+30, 17*60+30))
BACK = cal(EKB, lambda wd: [(8*60+30, 17*60+30)] if wd < 4 else [(8*60+30, 16*60+30)], None, (8*60+30, 17*60+30))
ALWAYS = None
CALS = {'кц_екб': KC(EKB), 'кц_омск': KC(OMSK), 'кц_нск': KC(NSK), 'бэк_офис': BACK, 'круглосуточно': ALWAYS}
def open_intervals(c, a, b):
    tz, hours = c
    d = a.astimezone(tz).date() - timedelta(1)
    while True:
        for (s, e) in hours(d):
            st = datetime.combine(d, time(0), tz) + timedelta(minutes=s)
            en = datetime.combine(d, time(0), tz) + timedelta(minutes=e)
            yield st, en
        d += timedelta(1)
        if datetime.combine(d, time(0), tz) > b: return
def btime(calname, a, b):
    c = CALS[calname]
    if c is None: return (b - a).total_seconds()
    tot = 0
    for st, en in open_intervals(c, a, b):
        lo, hi = max(st, a), min(en, b)
        if hi > lo: tot += (hi - lo).total_seconds()
    return tot
def wd_due(calname, a, n):
    tz, hours = CALS[calname]
    d = a.astimezone(tz).date(); k = 0
    while True:
        d += timedelta(1)
        h = hours(d)
        if h:
            k += 1
            if k == n:
                return datetime.combine(d, time(0), tz) + timedelta(minutes=max(e for _, e in h))
P = lambda s: datetime.fromisoformat(s)
FROM = datetime(2026, 11, 1, tzinfo=EKB); TO = datetime(2026, 12, 1, tzinfo=EKB)
SEGS = {'население','уязвимые','юрлица','должники'}
CH = {'аварийная_линия','телефон_екб','телефон_омск','телефон_нск','офис_екб','офис_омск','офис_нск','личный_кабинет','электронная_почта','письмо','телеграм','выезд'}
good = []; bad = 0
for i, r in enumerate(csv.DictReader(open(sys.argv[1], encoding='utf-8')), start=2):
    try:
        assert r['segment'] in SEGS and r['channel'] in CH
        c = P(r['created'])
        for k in ('answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback'):
            if r[k]: assert P(r[k]) >= c, k
        if r['csat']: assert 1 <= float(r['csat']) <= 5
        if r['complaint']: assert r['complaint'] in {'письменная_жалоба','жалоба_кц_екб','жалоба_кц_омск','жалоба_кц_нск','необоснованное_ограничение'}
    except Exception as e:
        bad += 1; continue
    if not (FROM <= c < TO): continue
    good.append(r)
print('good rows in period', len(good), 'bad', bad)
# answer targets: (segment, channel) -> (pct, secs, calendar)
ANS = {}
for s in ('население', 'должники'):
    ANS[(s, 'аварийная_линия')] = (90, 30, 'круглосуточно')
    for city in ('екб', 'омск', 'нск'): ANS[(s, f'телефон_{city}')] = (80, 60, f'кц_{city}')
    ANS[(s, 'телеграм')] = (80, 120, 'кц_екб')
ANS[('юрлица', 'аварийная_линия')] = (90, 30, 'круглосуточно')
ANS[('уязвимые', 'аварийная_линия')] = (95, 10, 'круглосуточно')
for city in ('екб', 'омск', 'нск'):
    ANS[('уязвимые', f'телефон_{city}')] = (90, 20, f'кц_{city}')
    ANS[('юрлица', f'телефон_{city}')] = (85, 30, f'кц_{city}')
out = {}
cnt = defaultdict(lambda: [0, 0])
for r in good:
    k = (r['segment'], r['channel'])
    if k in ANS:
        pct, secs, cl = ANS[k]
        cnt[k][0] += 1
        if r['answered'] and btime(cl, P(r['created']), P(r['answered'])) <= secs: cnt[k][1] += 1
for k, (n, m) in sorted(cnt.items()):
    out[f'answer {k[1]} {k[0]}'] = (n, m, round(m * 100 / n, 4))
# first_response e-mail in wd on бэк_офис; resolution wd
FR = {'население': 2, 'должники': 2, 'уязвимые': 1, 'юрлица': 1}
FRL = {'население': 10, 'должники': 10, 'уязвимые': 5, 'юрлица': 5}
RES = {'население': 10, 'должники': 10, 'уязвимые': 5, 'юрлица': 5}
endx = max(P(x) for r in good for x in [r['created'], r['answered'], r['first_response'], r['resolved']] if x)
fr = defaultdict(lambda: [0, 0]); rs = defaultdict(lambda: [0, 0])
for r in good:
    s, ch = r['segment'], r['channel']; c = P(r['created'])
    if ch in ('электронная_почта', 'письмо'):
        n = FR[s] if ch == 'электронная_почта' else FRL[s]
        due = wd_due('бэк_офис', c, n)
        if r['first_response']:
            fr[(s, ch)][0] += 1; fr[(s, ch)][1] += P(r['first_response']) <= due
        elif due <= endx: fr[(s, ch)][0] += 1
        due = wd_due('бэк_офис', c, RES[s])
        if r['resolved']:
            rs[s][0] += 1; rs[s][1] += P(r['resolved']) <= due
        elif due <= endx: rs[s][0] += 1
for k, (n, m) in sorted(fr.items()): out[f'first_response {k[1]} {k[0]}'] = (n, m, round(m*100/n, 4))
for k, (n, m) in sorted(rs.items()): out[f'resolution {k}'] = (n, m, round(m*100/n, 4))
# CSAT (share 4-5) per SLA with target csat: governed channels
CS = {('население', 'население_екб'): {'телефон_екб', 'телеграм', 'офис_омск', 'офис_нск', 'личный_кабинет'},
      ('должники', 'население_екб'): {'телефон_екб', 'телеграм', 'офис_омск', 'офис_нск', 'личный_кабинет'}}
for city in ('екб', 'омск', 'нск'):
    CS[('юрлица', f'юрлица_{city}')] = {f'телефон_{city}'}
for (s, sla), chans in CS.items():
    v = [float(r['csat']) for r in good if r['segment'] == s and r['channel'] in chans and r['csat']]
    out[f'csat {sla} {s}'] = (len(v), sum(1 for x in v if x >= 4), round(sum(1 for x in v if x >= 4) * 100 / len(v), 4))
# complaint письменная_жалоба: acknowledge 3d, resolve 30d wall clock
ck = [r for r in good if r['complaint'] == 'письменная_жалоба']
a = sum(1 for r in ck if r['acknowledged'] and (P(r['acknowledged']) - P(r['created'])) <= timedelta(days=3))
b = sum(1 for r in ck if r['resolved'] and (P(r['resolved']) - P(r['created'])) <= timedelta(days=30))
out['complaint ack 3d'] = (len(ck), a, round(a*100/len(ck), 4)); out['complaint resolve 30d'] = (len(ck), b, round(b*100/len(ck), 4))
for k, v in out.items(): print(f'{k:55s} n={v[0]:4d} met={v[1]:4d} {v[2]}%')
json.dump(out, open('/work/audit14/out/recomputed.json', 'w'), ensure_ascii=False, indent=1)
# FCR for role targets: contacts on channels the role or its team owns; resolved ones; not followed by a repeat
by_cust = defaultdict(list)
for r in good:
    if r['customer']: by_cust[r['customer']].append(r)
def fcr(chans):
    n = k = 0
    for r in good:
        if r['channel'] not in chans or not r['resolved']: continue
        n += 1
        c = P(r['created']); lim = P(r['resolved']) + timedelta(days=7)
        rep = False
        for o in by_cust.get(r['customer'], []):
            if o is r: continue
            oc = P(o['created'])
            if c < oc <= lim and (not r['reason'] or not o['reason'] or o['reason'] == r['reason']):
                rep = True; break
        k += not rep
    return n, k, round(k*100/n, 4)
for role, ch in [('оператор_екб', {'телефон_екб','телеграм'}), ('оператор_омск', {'телефон_омск'}), ('оператор_нск', {'телефон_нск'})]:
    print('FCR', role, fcr(ch))
    v = [float(r['csat']) for r in good if r['channel'] in ch and r['csat']]
    print('CSAT', role, len(v), round(sum(x >= 4 for x in v)*100/len(v), 4), 'mean', round(sum(v)/len(v), 4))
