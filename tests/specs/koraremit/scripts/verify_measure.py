#!/usr/bin/env python3
"""Recompute cxc measure's SLA figures from data/contacts.csv independently and compare with measure.json.
Rules from the docs: answer share = answered within t / all contacts of segment+channel (abandoned = missed);
running time on the SLA's calendar (biz/freq: 24x7 -> wall time; std: std_hours Manila 08-22 every day, closed
2026-12-25, 2027-01-01); deadlines without % need 95%; open work counts as missed only if its deadline passed by
the end of the export (latest time in the export); bad rows skipped whole. Times without offset: Adelaide
(home zone, `always`) -- for std SLA rows the calendar's zone (Manila) per the docs."""
import csv,json,sys,datetime as dt
from zoneinfo import ZoneInfo
ADL=ZoneInfo('Australia/Adelaide'); MNL=ZoneInfo('Asia/Manila')
SEGS={'business','frequent','standard'}; CH={'phone','chat','whatsapp','email','app_form','app'}
def parse(s,zone):
    if not s: return None
    try: t=dt.datetime.fromisoformat(s.replace('Z','+00:00'))
    except ValueError: return 'BAD'
    if t.tzinfo is None: t=t.replace(tzinfo=zone,fold=0)
    return t.astimezone(dt.timezone.utc)   # compare instants (Python subtracts same-zone datetimes as wall times)
def std_running(a,b):
    # seconds of std_hours (Manila 08:00-22:00 daily) between a and b
    s=0; t=a
    while t<b:
        l=t.astimezone(MNL); d=l.date()
        o=dt.datetime.combine(d,dt.time(8),MNL); c=dt.datetime.combine(d,dt.time(22),MNL)
        lo=max(t,o); hi=min(b,c)
        if hi>lo and d not in (dt.date(2026,12,25),dt.date(2027,1,1)): s+=(hi-lo).total_seconds()
        t=dt.datetime.combine(d+dt.timedelta(days=1),dt.time(0),MNL)
    return s
def std_wd_due(created,n):
    # n working days on std_hours: close (22:00) of the n-th opening day after the start's local day
    d=created.astimezone(MNL).date(); k=0
    while k<n:
        d+=dt.timedelta(days=1)
        if d not in (dt.date(2026,12,25),dt.date(2027,1,1)): k+=1
    return dt.datetime.combine(d,dt.time(22),MNL)
rows=[];bad=[]
for i,r in enumerate(csv.DictReader(open(sys.argv[1])),start=2):
    zone = MNL if r['segment']=='standard' else ADL
    ts={k:parse(r[k],zone) for k in ('created','answered','first_response','resolved')}
    why=None
    if not r['id']: why='no id'
    elif r['segment'] not in SEGS: why='segment'
    elif r['channel'] not in CH: why='channel'
    elif any(v=='BAD' for v in ts.values()): why='time'
    elif ts['created'] is None: why='no created'
    elif any(ts[k] is not None and ts[k]<ts['created'] for k in ('answered','first_response','resolved')): why='before created'
    elif r['csat'] and not (r['csat'].isdigit() and 1<=int(r['csat'])<=5): why='csat'
    if why: bad.append((i,r['id'],why)); continue
    r.update(ts); rows.append(r)
end=max(v for r in rows for v in (r['created'],r['answered'],r['first_response'],r['resolved']) if v)
print('bad rows:',bad); print('end of export:',end)
def share(seg,ch,kind,limit,clock='wall',pct=None,wd=None):
    n=met=0
    for r in rows:
        if r['segment']!=seg or (ch and r['channel']!=ch): continue
        col={'answer':'answered','first_response':'first_response','resolution':'resolved'}[kind]
        if kind=='answer' and r['channel'] not in ('phone','chat'): continue
        t=r[col]
        if wd:
            due=std_wd_due(r['created'],wd)
            if t is None:
                if end>due: n+=1
                continue
            n+=1; met+= t<=due; continue
        def dur(b): return (b-r['created']).total_seconds() if clock=='wall' else std_running(r['created'],b)
        if t is None:
            if kind=='answer': n+=1; continue    # abandoned
            if dur(end)>limit: n+=1               # open and past due
            continue
        n+=1; met+= dur(t)<=limit
    return n,met
checks=[('biz_sla','business','phone','answer',30,'wall',None),('biz_sla','business','phone','answer',60,'wall',None),
        ('biz_sla','business','chat','answer',60,'wall',None),('biz_sla','business','email','first_response',3600,'wall',None),
        ('biz_sla','business','app_form','first_response',7200,'wall',None),('biz_sla','business',None,'resolution',8*3600,'wall',None),
        ('freq_sla','frequent','phone','answer',60,'wall',None),('freq_sla','frequent','chat','answer',120,'wall',None),
        ('freq_sla','frequent','whatsapp','first_response',600,'wall',None),('freq_sla','frequent','email','first_response',4*3600,'wall',None),
        ('freq_sla','frequent',None,'resolution',24*3600,'wall',None),
        ('std_sla','standard','phone','answer',180,'std',None),('std_sla','standard','chat','answer',180,'std',None),
        ('std_sla','standard','whatsapp','first_response',900,'std',None),('std_sla','standard','email','first_response',None,'std',1),
        ('std_sla','standard',None,'resolution',None,'std',3)]
M=json.load(open(sys.argv[2]))
for sla,seg,ch,kind,lim,clock,wd in checks:
    n,met=share(seg,ch,kind,lim,clock,wd=wd)
    cands=[t for t in M['targets'] if t['sla']==sla and t['segment']==seg and t['kind']==kind and t.get('channel')==ch]
    if kind=='answer' and len(cands)>1: cands=[t for t in cands if str(lim) in t['statement'] or (lim==60 and '1m' in t['statement']) or (lim==180 and '3m' in t['statement'])]
    c=cands[0] if cands else None
    mine=f'{met}/{n}={100*met/n:.1f}%' if n else 'n=0'
    theirs=f"{c['met']}/{c['n']}={c['shown']}%" if c else 'absent'
    print(('SAME ' if c and c['n']==n and c['met']==met else 'DIFF '),sla,seg,ch,kind,'mine',mine,'cxc',theirs, c['statement'] if c else '')
