"""Independent recomputation of cxc measure figures from the documents' definitions."""
import csv, sys, json, math
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo
IST, NPT, ACT, UTC = ZoneInfo('Asia/Kolkata'), ZoneInfo('Asia/Kathmandu'), ZoneInfo('Australia/Adelaide'), ZoneInfo('UTC')
HOME = IST
def D(s): return date.fromisoformat(s)
CAL = {
 'blr_office': dict(tz=IST, week={d:[(480,1200)] for d in range(6)}, closed={D(x) for x in ['2026-10-02','2026-11-08','2026-11-09','2026-12-25','2027-01-26','2027-03-22']}, dated={}),
 'ktm_office': dict(tz=NPT, week={d:[(540,1080)] for d in [6,0,1,2,3,4]}, closed={D(x) for x in ['2026-10-17','2026-10-18','2026-10-19','2026-10-20','2026-10-21','2026-10-22','2026-11-08','2026-11-09','2026-11-10','2026-12-25']}, dated={}),
 'adl_office': dict(tz=ACT, week={**{d:[(510,1050)] for d in range(5)}, 5:[(540,780)]}, closed={D(x) for x in ['2026-10-05','2026-12-25','2026-12-26','2027-01-01','2027-01-26','2027-03-08','2027-03-26']}, dated={D('2026-12-24'):[(510,900)], D('2026-12-31'):[(510,900)]}),
 'digital_hours': dict(tz=IST, week={d:[(360,1440)] for d in range(7)}, closed=set(), dated={}),
 'trade_hours': dict(tz=IST, week={d:[(420,1260)] for d in range(6)}, closed={D(x) for x in ['2026-10-02','2026-11-08','2026-12-25','2027-01-26']}, dated={}),
 'always': dict(tz=HOME, week={d:[(0,1440)] for d in range(7)}, closed=set(), dated={}),
}
def day_intervals(cal, d):
    c = CAL[cal]
    if d in c['closed']: return []
    iv = c['dated'].get(d, c['week'].get(d.weekday(), []))
    out = []
    for a, b in iv:
        s = datetime.combine(d, time()) + timedelta(minutes=a); e = datetime.combine(d, time()) + timedelta(minutes=b)
        out.append((s.replace(tzinfo=c['tz']).astimezone(UTC), e.replace(tzinfo=c['tz']).astimezone(UTC)))
    return out
def running(cal, t1, t2):
    if t2 <= t1: return 0.0
    tz = CAL[cal]['tz']; d = t1.astimezone(tz).date() - timedelta(days=1); end = t2.astimezone(tz).date() + timedelta(days=1)
    tot = 0.0
    while d <= end:
        for s, e in day_intervals(cal, d):
            a, b = max(s, t1), min(e, t2)
            if b > a: tot += (b-a).total_seconds()
        d += timedelta(days=1)
    return tot
def add_running(cal, t1, secs):
    """instant when `secs` of running time have passed since t1"""
    tz = CAL[cal]['tz']; d = t1.astimezone(tz).date() - timedelta(days=1); left = secs
    for _ in range(4000):
        for s, e in day_intervals(cal, d):
            a = max(s, t1)
            if e > a:
                if (e-a).total_seconds() >= left: return a + timedelta(seconds=left)
                left -= (e-a).total_seconds()
        d += timedelta(days=1)
def wd_deadline(cal, t, n):
    tz = CAL[cal]['tz']; d = t.astimezone(tz).date(); k = 0
    while True:
        d += timedelta(days=1)
        iv = day_intervals(cal, d)
        if iv:
            k += 1
            if k == n: return max(e for s, e in iv)
def parse(s, cal):
    if not s: return None
    s2 = s.replace('Z', '+00:00')
    t = datetime.fromisoformat(s2)
    if t.tzinfo is None:
        tz = CAL[cal]['tz'] if cal else HOME
        t = t.replace(tzinfo=tz, fold=0)
        # spring gap: read an hour later (as the clock shows once it has moved)
        if t.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != t.replace(tzinfo=None):
            t = (t.replace(tzinfo=None) + timedelta(hours=1)).replace(tzinfo=tz)
    return t.astimezone(UTC)
rows = list(csv.DictReader(open(sys.argv[1])))
SEGS = {'standard','gold','agents','groups'}; CHS = {'phone_in','phone_np','phone_au','gold_line','trade_line','emergency','whatsapp','email','trade_email','app','branch'}
good, bad = [], []
for i, r in enumerate(rows, start=2):
    why = None
    if r['segment'] not in SEGS: why = 'segment'
    elif r['channel'] not in CHS: why = 'channel'
    elif r['complaint'] and r['complaint'] not in ('service_failure','refund_dispute','trip_failure','gold_complaint'): why = 'complaint'
    else:
        try:
            if not r['created']: why = 'missing created'
            else:
                c = parse(r['created'], None)
                for k in ('answered','first_response','resolved','acknowledged','escalated','feedback'):
                    if r[k]:
                        v = parse(r[k], None)
                        if v < c: why = f'{k} before created'
                if r['csat'] and not (1 <= int(r['csat']) <= 5): why = 'csat'
        except ValueError: why = 'timestamp'
    (bad if why else good).append((i, r, why))
print('bad rows:', [(i, r['id'], w) for i, r, w in bad])
# end of export: latest time anywhere (good rows)
END = max(parse(r[k], None) for _, r, _ in good for k in ('created','answered','first_response','resolved','acknowledged','escalated','feedback') if r[k])
print('end of export', END)
res = {}
def share(name, items):
    n = len(items); met = sum(items)
    res[name] = (met, n, round(100*met/n, 2) if n else None)
# answer targets: (name, cal, segs, channel, pct, secs)
ANS = [('std_india phone_in 60s','blr_office',{'standard','groups'},'phone_in',60), ('std_nepal phone_np 60s','ktm_office',{'standard','groups'},'phone_np',60),
       ('std_aus phone_au 30s','adl_office',{'standard','groups'},'phone_au',30), ('std_digital whatsapp 2m','digital_hours',{'standard','groups'},'whatsapp',120),
       ('gold gold_line 20s','digital_hours',{'gold'},'gold_line',20), ('gold whatsapp 1m','digital_hours',{'gold'},'whatsapp',60),
       ('trade trade_line 20s','trade_hours',{'agents'},'trade_line',20), ('emergency 20s','always',SEGS,'emergency',20)]
for name, cal, segs, ch, secs in ANS:
    for seg in sorted(segs):
        items = []
        for _, r, _ in good:
            if r['segment'] != seg or r['channel'] != ch: continue
            c = parse(r['created'], cal); a = parse(r['answered'], cal)
            items.append(a is not None and running(cal, c, a) <= secs)
        if items: share(f'{name} [{seg}]', items)
FR = [('std_digital email 8h','digital_hours',{'standard','groups'},'email',8*3600), ('gold email 2h','digital_hours',{'gold'},'email',2*3600), ('trade trade_email 1h','trade_hours',{'agents'},'trade_email',3600)]
for name, cal, segs, ch, secs in FR:
    for seg in sorted(segs):
        items = []
        for _, r, _ in good:
            if r['segment'] != seg or r['channel'] != ch: continue
            c = parse(r['created'], cal); f = parse(r['first_response'], cal)
            if f is not None: items.append(running(cal, c, f) <= secs)
            elif running(cal, c, END) > secs: items.append(False)
        if items: share(f'{name} [{seg}]', items)
RES = [('std_digital resolution 5wd','digital_hours',{'standard','groups'},{'whatsapp','email','app'},5), ('gold resolution 2wd','digital_hours',{'gold'},{'gold_line','whatsapp','email'},2), ('trade resolution 1wd','trade_hours',{'agents'},{'trade_line','trade_email'},1)]
for name, cal, segs, chs, n in RES:
    for seg in sorted(segs):
        items = []
        for _, r, _ in good:
            if r['segment'] != seg or r['channel'] not in chs: continue
            c = parse(r['created'], cal); v = parse(r['resolved'], cal); dl = wd_deadline(cal, c, n)
            if v is not None: items.append(v <= dl)
            elif END > dl: items.append(False)
        if items: share(f'{name} [{seg}]', items)
# metrics
for name, segs, chs in [('std_digital csat', {'standard','groups'}, {'whatsapp','email','app'}), ('gold csat', {'gold'}, {'gold_line','whatsapp','email'}), ('trade csat', {'agents'}, {'trade_line','trade_email'})]:
    for seg in sorted(segs):
        items = [int(r['csat']) >= 4 for _, r, _ in good if r['segment'] == seg and r['channel'] in chs and r['csat']]
        if items: share(f'{name} [{seg}] (share 4-5)', items)
for name, segs, ch in [('std_digital abandonment', {'standard','groups'}, 'whatsapp'), ('emergency abandonment', SEGS, 'emergency')]:
    for seg in sorted(segs):
        items = [not r['answered'] for _, r, _ in good if r['segment'] == seg and r['channel'] == ch]
        if items: share(f'{name} [{seg}] (abandoned share)', items)
# gold promise
items = []
for _, r, _ in good:
    if r['segment'] == 'gold' and r['channel'] == 'gold_line':
        c = parse(r['created'], 'digital_hours'); a = parse(r['answered'], 'digital_hours')
        items.append(a is not None and running('digital_hours', c, a) <= 1800)
share('promise gold_callback', items)
items = []
for _, r, _ in good:
    if r['channel'] == 'emergency':
        c = parse(r['created'], 'always'); a = parse(r['answered'], 'always')
        items.append(a is not None and running('always', c, a) <= 60)
share('promise emergency_answer', items)
# complaints
CMP = {'service_failure': ('blr_office', 1, 25, 12), 'refund_dispute': ('blr_office', 1, 25, 8), 'gold_complaint': ('digital_hours', None, 10, 5)}
for k, (cal, ackwd, reswd, escwd) in CMP.items():
    ack, rs, esc, fb = [], [], [], []
    for _, r, _ in good:
        if r['complaint'] != k: continue
        c = parse(r['created'], cal)
        a = parse(r['acknowledged'], cal); v = parse(r['resolved'], cal); e = parse(r['escalated'], cal); f = parse(r['feedback'], cal)
        if ackwd: dl = wd_deadline(cal, c, ackwd)
        else: dl = add_running(cal, c, 4*3600)
        if a is not None: ack.append(a <= dl)
        elif END > dl: ack.append(False)
        dl = wd_deadline(cal, c, reswd)
        if v is not None: rs.append(v <= dl)
        elif END > dl: rs.append(False)
        edl = wd_deadline(cal, c, escwd)
        if (v is None or v > edl) and END > edl: esc.append(e is not None and e <= edl)
        if v is not None: fb.append(f is not None)
    share(f'complaint {k} acknowledged', ack); share(f'complaint {k} resolved', rs); share(f'complaint {k} escalated on time', esc); share(f'complaint {k} feedback', fb)
for k, v in res.items(): print(f'{k:60s} {v[0]}/{v[1]} = {v[2]}')
json.dump({k: list(v) for k, v in res.items()}, open(sys.argv[2], 'w'), indent=1)
