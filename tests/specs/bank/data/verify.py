import csv, datetime as dt, json
MSK=dt.timezone(dt.timedelta(hours=3))
P=lambda s: dt.datetime.fromisoformat(s) if s else None
rows=[]
for r in csv.DictReader(open('data/contacts.csv')):
    try:
        if not r['id'] or r['segment'] not in ('приват','премиум','массовый','мсб'): continue
        if r['complaint'] and r['complaint'] not in ('письменная','мошенничество','обслуживание','спор_по_операции'): continue
        c=P(r['created'])
        for k in ('answered','first_response','resolved','acknowledged','escalated','feedback'):
            r[k]=P(r[k])
        if r['answered'] and r['answered']<c: continue
        if r['csat'] and not (1<=int(r['csat'])<=5): continue
        r['created']=c; rows.append(r)
    except ValueError: continue
END=max(max(t for t in (r['created'],r['answered'],r['first_response'],r['resolved'],r['acknowledged'],r['escalated'],r['feedback']) if t) for r in rows)
print('valid',len(rows),'end',END)
def share(sel,ok): 
    s=[r for r in rows if sel(r)]; k=sum(1 for r in s if ok(r)); return f"{100*k/len(s):.2f}% of {len(s)}"
ans=lambda T: (lambda r: r['answered'] is not None and (r['answered']-r['created']).total_seconds()<=T)
print('private line 10s', share(lambda r:r['segment']=='приват' and r['channel']=='линия_private', ans(10)))
print('private line 20s', share(lambda r:r['segment']=='приват' and r['channel']=='линия_private', ans(20)))
print('mass phone 60s', share(lambda r:r['segment']=='массовый' and r['channel']=='телефон', ans(60)))
print('mass phone 5m', share(lambda r:r['segment']=='массовый' and r['channel']=='телефон', ans(300)))
print('premium chat 60s', share(lambda r:r['segment']=='премиум' and r['channel']=='чат', ans(60)))
live=lambda r: r['channel'] in ('телефон','чат','линия_private','видеозвонок')
print('mass abandonment', share(lambda r:r['segment']=='массовый' and live(r), lambda r:r['answered'] is None))
print('fraud promise 15m', share(lambda r:r['segment'] in('премиум','массовый','мсб') and r['channel']=='телефон', ans(900)))
# business time on офис_мск Mon-Fri 9-18 (no holidays in Feb)
def bsec(a,b):
    a=a.astimezone(MSK); b=b.astimezone(MSK); s=0; d=a.date()
    while d<=b.date():
        if d.weekday()<5:
            o=dt.datetime.combine(d,dt.time(9),MSK); c=dt.datetime.combine(d,dt.time(18),MSK)
            lo=max(o,a); hi=min(c,b)
            if hi>lo: s+=(hi-lo).total_seconds()
        d+=dt.timedelta(days=1)
    return s
def wd_deadline(a,n,days=range(5),close=dt.time(18)):
    d=a.astimezone(MSK).date(); k=0
    while k<n:
        d+=dt.timedelta(days=1)
        if d.weekday() in days: k+=1
    return dt.datetime.combine(d,close,MSK)
fr=lambda r: r['first_response'] is not None and bsec(r['created'],r['first_response'])<=8*3600
for seg in ('массовый','мсб'):
    s=[r for r in rows if r['segment']==seg and r['channel']=='почта']
    # open & not yet due: not counted
    judged=[r for r in s if r['first_response'] or True]
    print(seg,'email fr 8h', share(lambda r:r['segment']==seg and r['channel']=='почта', fr))
def res5(r):
    d=wd_deadline(r['created'],5)
    return r['resolved'] is not None and r['resolved']<=d
for seg in ('массовый','мсб'):
    s=[r for r in rows if r['segment']==seg]
    judged=[r for r in s if r['resolved'] is not None or wd_deadline(r['created'],5)<END]
    k=sum(1 for r in judged if res5(r)); print(seg,'resolution 5wd',f"{100*k/len(judged):.2f}% of {len(judged)} (all {len(s)})")
cs=[int(r['csat']) for r in rows if r['segment']=='приват' and r['csat']]
print('private csat', f"{100*sum(1 for x in cs if x>=4)/len(cs):.2f}% of {len(cs)}")
w=[r for r in rows if r['complaint']=='письменная']
k=sum(1 for r in w if r['acknowledged'] and r['acknowledged']<=wd_deadline(r['created'],1)); print('письменная ack 1wd',f"{100*k/len(w):.2f}% of {len(w)}")
jr=[r for r in w if r['resolved'] or wd_deadline(r['created'],15)<END]
k=sum(1 for r in jr if r['resolved'] and r['resolved']<=wd_deadline(r['created'],15)); print('письменная resolve 15wd',f"{k} of {len(jr)}")
f=[r for r in rows if r['complaint']=='мошенничество']
k=sum(1 for r in f if r['acknowledged'] and (r['acknowledged']-r['created']).total_seconds()<=900); print('fraud ack',f"{100*k/len(f):.2f}% of {len(f)}")
k=sum(1 for r in f if r['resolved'] and (r['resolved']-r['created']).total_seconds()<=7200); print('fraud resolve',f"{100*k/len(f):.2f}% of {len(f)}")
e=[r for r in f if not (r['resolved'] and (r['resolved']-r['created']).total_seconds()<=1800)]
k=sum(1 for r in e if r['escalated'] and (r['escalated']-r['created']).total_seconds()<=1800); print('fraud escalated by 30m',f"{100*k/len(e):.2f}% of {len(e)}")
# journey promise
import collections
cs=collections.defaultdict(list)
for r in csv.DictReader(open('data/cases.csv')):
    if r['journey']=='перевыпуск_карты':
        try: cs[r['case']].append((P(r['entered']),r['step']))
        except ValueError: pass
kept=n=0; kept_last=0
for c,v in cs.items():
    v.sort(); st=[s for _,s in v]
    if 'заказ_карты' not in st or 'доставка' not in st: continue
    a=min(t for t,s in v if s=='заказ_карты'); b=min(t for t,s in v if s=='доставка' and t>=a)
    n+=1; kept+= (b-a)<=dt.timedelta(days=5)
print('journey promise first entry', kept, n)
# repeat contacts per segment
import collections
by=collections.defaultdict(list)
for r in rows:
    if r['customer']: by[r['customer']].append(r)
for seg in ('приват','премиум','массовый','мсб'):
    s=[r for r in rows if r['segment']==seg and r['customer']]
    rep=0
    for r in s:
        base=r['resolved'] or r['created']; lim=base+dt.timedelta(days=7)
        if any(o is not r and o['created']>r['created'] and o['created']<=lim for o in by[r['customer']]): rep+=1
    print('repeat',seg,f"{100*rep/len(s):.2f}% of {len(s)}")
