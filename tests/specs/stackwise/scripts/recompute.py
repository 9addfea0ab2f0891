"""Independent recomputation of cxc measure figures from the documented definitions."""
import csv, json, re
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo
LA=ZoneInfo('America/Los_Angeles'); DUB=ZoneInfo('Europe/Dublin'); UTC=ZoneInfo('UTC')
CAL={
 'follow_sun':(LA,{6:[(16*60,1440)],0:[(0,1440)],1:[(0,1440)],2:[(0,1440)],3:[(0,1440)],4:[(0,17*60)]},{'2026-12-25','2027-01-01'}),
 'always':(UTC,{d:[(0,1440)] for d in range(7)},set()),
 'dub_hours':(DUB,{d:[(480,1020)] for d in range(5)},{'2026-10-26','2026-12-25','2026-12-28','2027-01-01','2027-02-01','2027-03-17'}),
}
def parse(s,tz):
    if not s: return None
    s=s.replace('Z','+00:00')
    try: t=datetime.fromisoformat(s)
    except ValueError: return 'BAD'
    if t.tzinfo is None: t=t.replace(tzinfo=tz)
    return t
def local_at(tz,d,mins):
    if mins>=1440: return datetime.combine(d+timedelta(days=1),time(0),tzinfo=tz)
    return datetime.combine(d,time(mins//60,mins%60),tzinfo=tz)
def intervals(cal,d):
    tz,week,closed=CAL[cal]
    if d.isoformat() in closed: return []
    return [(local_at(tz,d,a),local_at(tz,d,b)) for a,b in week.get(d.weekday(),[])]
def running(cal,t1,t2):
    tz=CAL[cal][0]
    if t2<=t1: return 0
    d=t1.astimezone(tz).date()-timedelta(days=1); end=t2.astimezone(tz).date()+timedelta(days=1); s=0
    while d<=end:
        for a,b in intervals(cal,d):
            lo=max(a,t1); hi=min(b,t2)
            if hi>lo: s+=(hi-lo).total_seconds()
        d+=timedelta(days=1)
    return s
def due_running(cal,t1,secs):
    """instant when running time reaches secs"""
    tz=CAL[cal][0]; d=t1.astimezone(tz).date()-timedelta(days=1); left=secs
    for _ in range(4000):
        for a,b in intervals(cal,d):
            lo=max(a,t1)
            if b>lo:
                L=(b-lo).total_seconds()
                if L>=left: return lo+timedelta(seconds=left)
                left-=L
        d+=timedelta(days=1)
def due_wd(cal,t1,n):
    tz=CAL[cal][0]; d=t1.astimezone(tz).date(); k=0
    while True:
        d+=timedelta(days=1); iv=intervals(cal,d)
        if iv:
            k+=1
            if k==n: return max(b for a,b in iv)
rows=list(csv.DictReader(open('/work/audit13/data/contacts.csv')))
SEG={'pro','business','enterprise','free'}; CH={'portal','sev1_form','email','chat','phone','slack','forum'}
good=[]
for i,r in enumerate(rows,2):
    if not r['id'] or r['segment'] not in SEG or r['channel'] not in CH: continue
    ts={k:parse(r[k],LA) for k in ('created','answered','first_response','resolved','acknowledged','escalated','feedback')}
    if any(v=='BAD' for v in ts.values()) or ts['created'] is None: continue
    if any(ts[k] and ts[k]<ts['created'] for k in ('answered','first_response','resolved')): continue
    if r['csat'] and not (r['csat'].isdigit() and 1<=int(r['csat'])<=5): continue
    good.append((r,i))
print('good rows',len(good),'of',len(rows))
allt=[]
for r,i in good:
    for k in ('created','answered','first_response','resolved','acknowledged','escalated','feedback'):
        if r[k]: allt.append(parse(r[k],LA))
asof=max(allt); print('as_of (latest time in export)',asof.astimezone(UTC))
def T(r,k,cal): return parse(r[k],CAL[cal][0]) if r[k] else None
res={}
def deadline_target(seg,chs,cal,col,secs=None,wd=None):
    n=met=0
    for r,i in good:
        if r['segment']!=seg or r['channel'] not in chs: continue
        c=T(r,'created',cal); v=T(r,col,cal)
        if col=='first_response' and v is None and r['answered']: v=T(r,'answered',cal)
        due=due_wd(cal,c,wd) if wd else due_running(cal,c,secs)
        if v is None:
            if asof>due: n+=1
            continue
        n+=1
        if wd: met+= v<=due
        else: met+= running(cal,c,v)<=secs
    return n,met
def answer_target(seg,ch,cal,secs):
    n=met=0
    for r,i in good:
        if r['segment']!=seg or r['channel']!=ch: continue
        n+=1; c=T(r,'created',cal); a=T(r,'answered',cal)
        if a and running(cal,c,a)<=secs: met+=1
    return n,met
E=['portal','email','chat','slack','forum']
P=['portal','email','chat','forum']
mine={
 ('pro','first_response','portal'):deadline_target('pro',['portal'],'follow_sun','first_response',8*3600),
 ('pro','first_response','email'):deadline_target('pro',['email'],'follow_sun','first_response',8*3600),
 ('pro','answer','chat'):answer_target('pro','chat','follow_sun',300),
 ('pro','resolution',None):deadline_target('pro',P,'follow_sun','resolved',wd=5),
 ('business','first_response','portal'):deadline_target('business',['portal'],'follow_sun','first_response',4*3600),
 ('business','first_response','email'):deadline_target('business',['email'],'follow_sun','first_response',4*3600),
 ('business','answer','chat'):answer_target('business','chat','follow_sun',120),
 ('business','resolution',None):deadline_target('business',P,'follow_sun','resolved',wd=3),
 ('enterprise','first_response','portal'):deadline_target('enterprise',['portal'],'follow_sun','first_response',3600),
 ('enterprise','first_response','email'):deadline_target('enterprise',['email'],'follow_sun','first_response',3600),
 ('enterprise','answer','chat'):answer_target('enterprise','chat','follow_sun',60),
 ('enterprise','first_response','slack'):deadline_target('enterprise',['slack'],'follow_sun','first_response',1800),
 ('enterprise','resolution',None):deadline_target('enterprise',E,'follow_sun','resolved',wd=2),
 ('enterprise','first_response','sev1_form'):deadline_target('enterprise',['sev1_form'],'always','first_response',900),
 ('enterprise','answer','phone'):answer_target('enterprise','phone','always',60),
 ('enterprise','resolution','sev1_form'):deadline_target('enterprise',['sev1_form'],'always','resolved',8*3600),
}
m=json.load(open('/work/audit13/out/measure/measure.json'))
print('cxc as_of',m['as_of'])
print(f"{'target':45} {'cxc n/met':>12} {'mine n/met':>12}")
for t in m['targets']:
    key=(t['segment'],t['kind'],t.get('channel'))
    mn=mine.get(key)
    flag='' if mn==(t['n'],t['met']) else '   <-- DIFF'
    print(f"{t['segment']+' '+t['statement']:45} {str((t['n'],t['met'])):>12} {str(mn):>12}{flag}")
# csat
for seg,chs in (('pro',P),('business',P),('enterprise',E)):
    a=[int(r['csat']) for r,i in good if r['segment']==seg and r['channel'] in chs and r['csat']]
    print('csat',seg,len(a),round(100*sum(x>=4 for x in a)/len(a),2))
a=[int(r['nps']) for r,i in good if r['segment']=='enterprise' and r['channel'] in E and r['nps']]
print('nps enterprise',len(a),round(100*(sum(x>=9 for x in a)-sum(x<=6 for x in a))/len(a),2))
for x in m['metrics']: print('cxc metric',x.get('segment'),x.get('statement'),x.get('n'),x.get('value',x.get('percent')))
# promises
def promise(seg,ch,cal,secs):
    n=kept=0
    for r,i in good:
        if r['segment']!=seg or r['channel']!=ch: continue
        c=T(r,'created',cal); a=T(r,'answered',cal) or T(r,'first_response',cal)
        due=due_running(cal,c,secs)
        if a is None:
            if ch in('phone','chat') or asof>due: n+=1
            continue
        n+=1; kept+= running(cal,c,a)<=secs
    return n,kept
print('promise sev1',promise('enterprise','sev1_form','always',900),'business_reply',promise('business','portal','follow_sun',4*3600))
for p in m['promises']: print('cxc promise',p.get('promise'),p.get('n'),p.get('kept'))
# complaints
def comp(rule,cal,ack,resolve_wd=None,resolve_s=None,esc_wd=None,esc_s=None):
    out={}
    C=[(r,i) for r,i in good if r['complaint']==rule]
    n=met=0
    for r,i in C:
        c=T(r,'created',cal); a=T(r,'acknowledged',cal); due=due_running(cal,c,ack)
        if a is None:
            if asof>due: n+=1
            continue
        n+=1; met+=running(cal,c,a)<=ack
    out['ack']=(n,met)
    n=met=0
    for r,i in C:
        c=T(r,'created',cal); v=T(r,'resolved',cal); due=due_wd(cal,c,resolve_wd) if resolve_wd else due_running(cal,c,resolve_s)
        if v is None:
            if asof>due: n+=1
            continue
        n+=1; met+=v<=due
    out['resolve']=(n,met)
    n=met=0
    for r,i in C:
        c=T(r,'created',cal); v=T(r,'resolved',cal); e=T(r,'escalated',cal)
        due=due_wd(cal,c,esc_wd) if esc_wd else due_running(cal,c,esc_s)
        if v is not None and v<=due: continue   # resolved before the rung: no escalation needed
        if v is None and asof<=due: continue
        n+=1; met+= (e is not None and e<=due)
    out['escalated']=(n,met)
    res=[(r,i) for r,i in C if r['resolved']]
    out['feedback']=(len(res),sum(1 for r,i in res if r['feedback']))
    return out
print('credit_dispute',comp('credit_dispute','dub_hours',4*3600,resolve_wd=20,esc_wd=5))
print('missed_sev1',comp('missed_sev1','always',1800,resolve_s=2*86400,esc_s=2*3600))
print(json.dumps(m['complaints'],indent=0)[:3000])
