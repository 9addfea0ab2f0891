#!/usr/bin/env python3
"""Independent TaskRouter simulation of out/routing/taskrouter-workflow.json.
Semantics (Twilio docs): filters tried in order, first match wins; targets in order;
target timeouts cumulative against task age; skip_if evaluated when the task reaches
the target; last target without timeout holds the task until Task Timeout (default 86400 s).
Workers are available only during their team's hours (own zone), taken from the SPEC
(written here by hand, not from cxc output). Agents accept at once when available."""
import json, sys, datetime as dt
from zoneinfo import ZoneInfo
D=dt.date
# team hours, transcribed from spec/service.cx
CAL={
 'adl_office':dict(tz='Australia/Adelaide',week={0:[(510,1050)],1:[(510,1050)],2:[(510,1050)],3:[(510,1050)],4:[(510,1050)],5:[(540,780)],6:[]},
     closed={D(2026,12,25),D(2026,12,28),D(2027,1,1),D(2027,1,26)},opened={}),
 'ktm_office':dict(tz='Asia/Kathmandu',week={i:[(540,1080)] for i in (0,1,2,3,4,6)}|{5:[]},
     closed={D(2026,11,8),D(2026,11,9),D(2026,11,10),D(2026,11,11)}|{D(2027,10,d) for d in range(13,18)},opened={}),
 'mnl_shift':dict(tz='Asia/Manila',week={i:[(360,1440)] for i in range(7)},closed={D(2026,12,25),D(2027,1,1)},
     opened={D(2027,3,11):[(0,1440)],D(2027,3,12):[(0,1440)],D(2027,5,17):[(0,1440)],D(2027,5,18):[(0,1440)]}),
 'dxb_shift':dict(tz='Asia/Dubai',week={i:[(0,120),(720,1440)] for i in range(7)},closed={D(2027,3,10),D(2027,3,11),D(2027,5,16),D(2027,5,17)},
     opened={D(2026,12,25):[(0,1440)],D(2027,1,1):[(0,1440)]}),
}
TEAM_CAL={'adl_desk':'adl_office','ktm_centre':'ktm_office','mnl_centre':'mnl_shift','dxb_centre':'dxb_shift'}
def cal_open(c,t):
    c=CAL[c]; l=t.astimezone(ZoneInfo(c['tz'])); d=l.date(); m=l.hour*60+l.minute
    if d in c['opened']: iv=c['opened'][d]
    elif d in c['closed']: return False
    else: iv=c['week'][l.weekday()]
    return any(a<=m<b for a,b in iv)
def team_at_work(team,t):
    return cal_open(TEAM_CAL[team],t) if team in TEAM_CAL else True
W=json.load(open(sys.argv[1]+'/taskrouter-workflow.json'))
Q={q['sid']:q for q in json.load(open(sys.argv[1]+'/taskrouter-queues.json'))}
import re
def q_teams(sid):
    return re.findall(r"team == '([^']+)'",Q[sid]['target_workers'])
def avail(sid,t): return any(team_at_work(tm,t) for tm in q_teams(sid))
def match(expr,task):
    # tiny evaluator for the expressions cxc writes
    ok=True
    for part in expr.split(' AND '):
        m=re.match(r"(\w+) == '([^']*)'",part)
        if m: ok&= task.get(m[1])==m[2]; continue
        m=re.match(r"(\w+) IN \[(.*)\]",part)
        if m: ok&= task.get(m[1]) in re.findall(r"'([^']*)'",m[2]); continue
        raise ValueError(part)
    return ok
def route(task,t0,timeout=86400):
    for f in W['task_routing']['filters']:
        if match(f['expression'],task): break
    else: return ('default',None,None)
    age=0
    for i,tg in enumerate(f['targets']):
        t=t0+dt.timedelta(seconds=age)
        if 'skip_if' in tg and not avail(tg['queue'],t):
            continue
        if avail(tg['queue'],t): return (Q[tg['queue']]['queue'],age,tg['priority'])
        if 'timeout' not in tg:  # waiting queue: wait until someone logs in
            s=age
            while s<timeout:
                s+=300
                if avail(tg['queue'],t0+dt.timedelta(seconds=s)): return (Q[tg['queue']]['queue'],s,tg['priority'])
            return ('CANCELLED',s,tg['priority'])
        age+=tg['timeout']
    return ('fell-through',age,None)
if __name__=='__main__':
    UTC=dt.timezone.utc
    periods=[('week',D(2027,2,1),7),('xmas',D(2026,12,23),5),('ny',D(2026,12,31),2),('eid',D(2027,3,9),4),
             ('adl-dst-end',D(2027,4,3),3),('adl-dst-start',D(2027,10,2),3),('tihar',D(2026,11,6),7),('dashain',D(2027,10,12),7)]
    expect={('business','phone'):'biz_phone',('frequent','phone'):'freq_phone_ktm'}
    home={'biz_phone':'adl_desk','freq_phone_ktm':'ktm_centre'}
    prio_by_seg={}
    issues=[]; counts={}
    for name,start,days in periods:
        for seg in ('business','frequent','standard'):
            for ch in ('phone','chat','whatsapp','email','app_form'):
                for cpl in (None,'idr','delay'):
                    t=dt.datetime.combine(start,dt.time(0),UTC)
                    while t<dt.datetime.combine(start+dt.timedelta(days=days),dt.time(0),UTC):
                        task={'segment':seg,'channel':ch}
                        if cpl: task['complaint']=cpl
                        q,wait,prio=route(task,t)
                        counts[(name,seg,ch,cpl,q)]=counts.get((name,seg,ch,cpl,q),0)+1
                        prio_by_seg.setdefault((seg,ch,cpl),set()).add(prio)
                        if q=='CANCELLED': issues.append(f'{name} {t} {seg}/{ch}/{cpl}: cancelled by Timeout')
                        # dedicated queue must take the call when its team is at work
                        if (seg,ch) in expect and team_at_work(home[expect[(seg,ch)]],t) and not q.startswith(expect[(seg,ch)]):
                            issues.append(f'{name} {t} {seg}/{ch}/{cpl}: went to {q} while dedicated team at work')
                        if wait and wait>3600: issues.append(f'{name} {t} {seg}/{ch}/{cpl}: waited {wait/3600:.1f} h in {q}')
                        t+=dt.timedelta(minutes=15)
    for k,v in sorted(counts.items(), key=str): print(k,v)
    print('\npriorities per (segment,channel,complaint):')
    for k,v in sorted(prio_by_seg.items(), key=str): print(' ',k,sorted(v,key=str))
    print('\nISSUES',len(issues))
    seen=set()
    for i in issues:
        key=i.split(':')[0].split()[0]+i.split(' ',3)[3][:40]
        print(i)
