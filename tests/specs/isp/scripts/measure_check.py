"""Independent recomputation of cxc measure figures from data/contacts.csv (docs: LANGUAGE.md §6, grammar-README 'Measuring reality')."""
import csv, datetime as dt, math, json, sys
from zoneinfo import ZoneInfo
EKB = ZoneInfo("Asia/Yekaterinburg")
D = dt.date
def cal(weekly, closed=(), opened=None):
    return dict(weekly=weekly, closed=set(closed), opened=opened or {})
# weekly: dict weekday(0=Mon)->list of (h1,h2) in hours
ALL = {d:[(0,24)] for d in range(7)}
кц_урал = cal({d:[(8,22)] for d in range(7)}, [D(2027,1,1)])
бизнес_часы = cal({**{d:[(8,20)] for d in range(5)}, 5:[(10,16)]}, [D(2027,1,i) for i in range(1,9)])
офис_урал = cal({d:[(9,18)] for d in range(5)}, [D(2026,12,31)]+[D(2027,1,i) for i in (1,4,5,6,7,8)])
H24 = None
def intervals(c, day):
    if day in c['closed']: return []
    if day in c['opened']: return c['opened'][day]
    return c['weekly'].get(day.weekday(), [])
def running(c, t0, t1):
    if c is None: return (t1-t0).total_seconds()
    if t1 <= t0: return 0.0
    tot = 0.0
    day = t0.astimezone(EKB).date() - dt.timedelta(days=1)
    end = t1.astimezone(EKB).date() + dt.timedelta(days=1)
    while day <= end:
        for h1,h2 in intervals(c, day):
            a = dt.datetime.combine(day, dt.time(0), EKB) + dt.timedelta(hours=h1)
            b = dt.datetime.combine(day, dt.time(0), EKB) + dt.timedelta(hours=h2)
            lo, hi = max(a,t0), min(b,t1)
            if hi>lo: tot += (hi-lo).total_seconds()
        day += dt.timedelta(days=1)
    return tot
def wd_deadline(c, t0, n):
    day = t0.astimezone(EKB).date(); k=0
    while True:
        day += dt.timedelta(days=1)
        iv = intervals(c, day)
        if iv:
            k += 1
            if k==n: return dt.datetime.combine(day, dt.time(0), EKB)+dt.timedelta(hours=max(h2 for _,h2 in iv))
def parse(s):
    if not s: return None
    s2 = s.replace("Z","+00:00")
    t = dt.datetime.fromisoformat(s2)
    if t.tzinfo is None: t = t.replace(tzinfo=EKB)   # all relevant calendars are Ekb; naive -> calendar zone
    return t
rows=[]; bad=0
SEG={"частные","бизнес","корпоративные"}; CH={"телефон","чат","почта","бизнес_линия","приложение","выезд"}; CPL={"","претензия","жалоба_монтаж","простой"}
for r in csv.DictReader(open("/work/audit11/data/contacts.csv")):
    try:
        assert r['id'] and r['segment'] in SEG and r['channel'] in CH and r['complaint'] in CPL
        for k in ("created","answered","first_response","resolved","acknowledged","escalated","feedback"): r[k+"_t"]=parse(r[k])
        assert r['created_t']
        for k in ("answered","first_response","resolved"):
            if r[k+"_t"] and r[k+"_t"]<r['created_t']: raise ValueError
        if r['csat']: assert 1<=int(r['csat'])<=5
        rows.append(r)
    except Exception: bad+=1
print("good",len(rows),"bad",bad)
END = max(max(r[k] for k in ("created_t","answered_t","first_response_t","resolved_t","acknowledged_t","escalated_t","feedback_t") if r[k]) for r in rows)
print("export end", END)
def pct(a,n): return f"{a}/{n} = {100*a/n:.2f}%" if n else "n=0"
def answer(seg,ch,c,secs):
    xs=[r for r in rows if r['segment']==seg and r['channel']==ch]
    met=sum(1 for r in xs if r['answered_t'] and running(c,r['created_t'],r['answered_t'])<=secs)
    print(f"answer {ch} {seg} within {secs}s:", pct(met,len(xs)))
def deadline(seg, ch, field, c, secs, label):
    xs=[r for r in rows if r['segment']==seg and (ch is None or r['channel']==ch)]
    met=n=0
    for r in xs:
        t=r[field+"_t"]
        if t is not None:
            n+=1; met+= running(c,r['created_t'],t)<=secs
        else:
            if running(c,r['created_t'],END)>secs: n+=1
    print(label, pct(met,n))
answer("частные","телефон",H24,60)
answer("частные","чат",кц_урал,120)
answer("бизнес","бизнес_линия",бизнес_часы,20)
answer("бизнес","чат",бизнес_часы,60)
answer("корпоративные","бизнес_линия",H24,15)
deadline("частные","почта","first_response",кц_урал,8*3600,"first_response почта частные 8h:")
deadline("бизнес","почта","first_response",бизнес_часы,2*3600,"first_response почта бизнес 2h:")
deadline("корпоративные","почта","first_response",H24,3600,"first_response почта корп 1h:")
deadline("частные",None,"resolved",H24,3*86400,"resolution частные 3d:")
deadline("бизнес",None,"resolved",бизнес_часы,8*3600,"resolution бизнес 8h:")
deadline("корпоративные",None,"resolved",H24,4*3600,"resolution корп 4h:")
for seg in SEG:
    cs=[int(r['csat']) for r in rows if r['segment']==seg and r['csat']]
    print("csat",seg, pct(sum(1 for x in cs if x>=4),len(cs)))
    ns=[int(r['nps']) for r in rows if r['segment']==seg and r['nps']]
    if ns: print("nps",seg, f"{100*(sum(x>=9 for x in ns)-sum(x<=6 for x in ns))/len(ns):.2f} n={len(ns)}")
    live=[r for r in rows if r['segment']==seg and r['channel'] in ("телефон","чат","бизнес_линия")]
    print("abandonment",seg, pct(sum(1 for r in live if not r['answered_t']),len(live)))
    livep=[r for r in rows if r['segment']==seg and r['channel'] in ("телефон",)]
    print("  abandonment phone only",seg, pct(sum(1 for r in livep if not r['answered_t']),len(livep)))
# role target csat for менеджер_b2b: channel бизнес_линия
cs=[int(r['csat']) for r in rows if r['channel']=="бизнес_линия" and r['csat']]
print("role менеджер_b2b csat", pct(sum(x>=4 for x in cs),len(cs)))
# promise chat 5m on channel hours кц_урал
xs=[r for r in rows if r['segment']=="частные" and r['channel']=="чат"]
kept=sum(1 for r in xs if r['answered_t'] and running(кц_урал,r['created_t'],r['answered_t'])<=300)
print("promise чат_5мин", pct(kept,len(xs)))
# complaints
def compl(name,c,ack,res,esc_after,wd=None):
    xs=[r for r in rows if r['complaint']==name]
    def ok(r,field,secs,wdn=None):
        t=r[field+"_t"]
        if wdn:
            dl=wd_deadline(c,r['created_t'],wdn)
            if t: return t<=dl, True
            return False, END>dl
        if t: return running(c,r['created_t'],t)<=secs, True
        return False, running(c,r['created_t'],END)>secs
    for label,field,secs,wdn in (("ack","acknowledged",ack,None),("resolve","resolved",res if not wd else None, wd and wd[0])):
        met=n=0
        for r in xs:
            m,counted=ok(r,field,secs,wdn)
            if counted: n+=1; met+=m
        print(name,label,pct(met,n))
    # escalation: still open at first rung -> escalated by then
    met=n=0
    for r in xs:
        if wd: dl=wd_deadline(c,r['created_t'],wd[1])
        else: dl=None
        def at(t):
            return (t<=dl) if dl else running(c,r['created_t'],t)<=esc_after
        open_at_rung = (r['resolved_t'] is None or not at(r['resolved_t']))
        if not open_at_rung: continue
        n+=1; met+= bool(r['escalated_t'] and at(r['escalated_t']))
    print(name,"escalated",pct(met,n))
    res_=[r for r in xs if r['resolved_t']]
    print(name,"feedback",pct(sum(1 for r in res_ if r['feedback_t']),len(res_)))
compl("претензия",H24,86400,10*86400,5*86400)
compl("жалоба_монтаж",офис_урал,2*3600,None,None,wd=(3,2))
compl("простой",H24,1800,2*86400,4*3600)
