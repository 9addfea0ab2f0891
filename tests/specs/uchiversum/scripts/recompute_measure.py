"""Independent recomputation of cxc measure figures from the documented definitions."""
import csv, json
from datetime import datetime, timedelta, time
from zoneinfo import ZoneInfo
MSK = ZoneInfo('Europe/Moscow')
SEG = {'премиум', 'корпоративные', 'рассрочка', 'студенты', 'авторы'}
CH = {'чат', 'телеграм', 'почта', 'телефон_корп', 'форма_возврата', 'вк', 'платформа'}
def pt(s):
    if not s: return None
    return datetime.fromisoformat(s)
rows = list(csv.DictReader(open('/work/audit16/data/contacts.csv')))
good, bad = [], []
for i, r in enumerate(rows, start=2):
    try:
        if not r['id']: raise ValueError('missing id')
        if r['segment'] not in SEG: raise ValueError('segment')
        if r['channel'] not in CH: raise ValueError('channel')
        c = pt(r['created'])
        for k in ('answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback'):
            v = pt(r[k]) if r[k] else None
            if v and v < c: raise ValueError('before ' + k)
        if r['csat'] and not (1 <= int(r['csat']) <= 5): raise ValueError('csat')
        r['_c'] = c
        good.append(r)
    except Exception as e:
        bad.append((i, str(e)))
print('bad rows', bad)
as_of = max(pt(r[k]) for r in good for k in ('created', 'answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback') if r[k])
print('as_of', as_of.astimezone(ZoneInfo('UTC')))
# calendars
def daily(h0, h1, days=range(7)):
    def segs(d):  # d: date
        if d.weekday() not in days: return []
        s = datetime.combine(d, time(0), MSK) + timedelta(hours=h0)
        e = datetime.combine(d, time(0), MSK) + timedelta(hours=h1)
        return [(s, e)]
    return segs
CAL = {'24x7': None, 'чат_дневной': daily(9, 24), 'корп_линия': daily(7, 18, range(5))}
def btime(cal, a, b):
    if CAL[cal] is None: return (b - a).total_seconds()
    tot = 0; d = a.astimezone(MSK).date() - timedelta(days=1)
    while datetime.combine(d, time(0), MSK) <= b:
        for s, e in CAL[cal](d):
            lo, hi = max(s, a), min(e, b)
            if hi > lo: tot += (hi - lo).total_seconds()
        d += timedelta(days=1)
    return tot
def due_running(cal, a, secs):
    if CAL[cal] is None: return a + timedelta(seconds=secs)
    # walk forward
    d = a.astimezone(MSK).date(); left = secs
    while True:
        for s, e in CAL[cal](d):
            lo = max(s, a)
            if e > lo:
                if (e - lo).total_seconds() >= left: return lo + timedelta(seconds=left)
                left -= (e - lo).total_seconds()
        d += timedelta(days=1)
def due_wd(cal, a, n):
    d = a.astimezone(MSK).date(); k = 0
    while True:
        d += timedelta(days=1)
        sg = CAL[cal](d)
        if sg: k += 1
        if k == n: return sg[-1][1]
def judge_deadline(rs, col, cal, secs=None, wd=None):
    n = met = 0
    for r in rs:
        c = r['_c']
        due = due_wd(cal, c, wd) if wd else due_running(cal, c, secs)
        v = pt(r[col]) if r[col] else None
        if col == 'first_response' and not v: v = pt(r['answered']) if r['answered'] else None
        if v is None:
            if due < as_of: n += 1
            continue
        n += 1; met += v <= due
    return n, met
def answer(rs, cal, secs):
    n = met = 0
    for r in rs:
        n += 1
        if r['answered'] and btime(cal, r['_c'], pt(r['answered'])) <= secs: met += 1
    return n, met
def sel(seg, ch=None, chs=None):
    return [r for r in good if r['segment'] == seg and (ch is None or r['channel'] == ch) and (chs is None or r['channel'] in chs)]
out = {}
out['премиум answer чат 2m'] = answer(sel('премиум', 'чат'), '24x7', 120)
for s in ('студенты', 'рассрочка'):
    out[f'{s} answer чат 5m'] = answer(sel(s, 'чат'), 'чат_дневной', 300)
    out[f'{s} fr телеграм 30m'] = judge_deadline(sel(s, 'телеграм'), 'first_response', 'чат_дневной', 1800)
    out[f'{s} fr почта 8h'] = judge_deadline(sel(s, 'почта'), 'first_response', 'чат_дневной', 8*3600)
    out[f'{s} fr вк 1h'] = judge_deadline(sel(s, 'вк'), 'first_response', 'чат_дневной', 3600)
    out[f'{s} resolution 3wd'] = judge_deadline(sel(s, chs={'чат','телеграм','почта','вк','платформа'}), 'resolved', 'чат_дневной', wd=3)
out['премиум fr телеграм 15m'] = judge_deadline(sel('премиум', 'телеграм'), 'first_response', '24x7', 900)
out['премиум fr почта 2h'] = judge_deadline(sel('премиум', 'почта'), 'first_response', '24x7', 7200)
out['премиум fr вк 30m (чат_дневной)'] = judge_deadline(sel('премиум', 'вк'), 'first_response', 'чат_дневной', 1800)
out['премиум resolution 24h'] = judge_deadline(sel('премиум', chs={'чат','телеграм','почта','платформа'}), 'resolved', '24x7', 86400)
out['корп answer тел 20s'] = answer(sel('корпоративные', 'телефон_корп'), 'корп_линия', 20)
out['корп fr почта 2h'] = judge_deadline(sel('корпоративные', 'почта'), 'first_response', 'корп_линия', 7200)
def csat(rs):
    v = [int(r['csat']) for r in rs if r['csat']]
    return len(v), sum(x >= 4 for x in v)
out['премиум csat'] = csat(sel('премиум', chs={'чат','телеграм','почта','платформа'}))
out['студенты csat'] = csat(sel('студенты', chs={'чат','телеграм','почта','вк','платформа'}))
out['рассрочка csat'] = csat(sel('рассрочка', chs={'чат','телеграм','почта','вк','платформа'}))
out['корп csat'] = csat(sel('корпоративные'))
# promise on refund form: first answer within 10 calendar days
n = k = 0
for r in good:
    if r['channel'] == 'форма_возврата' and r['segment'] in ('премиум','студенты','рассрочка'):
        v = pt(r['answered'] or r['first_response'] or '') if (r['answered'] or r['first_response']) else None
        due = r['_c'] + timedelta(days=10)
        if v is None:
            if due < as_of: n += 1
            continue
        n += 1; k += v <= due
out['promise ответ_на_возврат'] = (n, k)
for kk, (n, m) in out.items():
    print(f'{kk}: {m}/{n} = {100*m/n if n else float("nan"):.2f}%')
# journey promise: from заявление to закрыто within 10d
cases = list(csv.DictReader(open('/work/audit16/data/cases.csv')))
badcase = set()
from collections import defaultdict
vis = defaultdict(list)
steps = {'заявление','проверка_причины','предложение_остаться','остался','решение','отказ','одобрен','деньги_возвращены','закрыто'}
for r in cases:
    try:
        if r['step'] not in steps: raise ValueError
        t = datetime.fromisoformat(r['entered'])
        vis[r['case']].append((t, r['step']))
    except Exception:
        badcase.add(r['case'])
for c in badcase: vis.pop(c, None)
cas_asof = max(t for v in vis.values() for t, _ in v)
n = k = 0
for c, v in vis.items():
    v.sort()
    t0 = next((t for t, s in v if s == 'заявление'), None)
    if t0 is None: continue
    te = next((t for t, s in v if s == 'закрыто' and t >= t0), None)
    ends = [s for _, s in v if s in ('остался', 'отказ')]
    if te is None:
        if ends: continue
        if t0 + timedelta(days=10) < cas_asof: n += 1
        continue
    n += 1; k += (te - t0) <= timedelta(days=10)
print(f'promise возврат_денег: {k}/{n} = {100*k/n:.2f}%  (cases as_of {cas_asof})')
