"""Independent simulation of the generated TaskRouter workflow by Twilio's documented
semantics: first matching filter wins; targets in order; skip_if evaluated when the task
reaches the target; timeouts add up against task age; last target holds until Task Timeout
(default 86400 s). Worker availability = centre office hours in local time, minus that
centre's public holidays (the business's reality, not cxc's model)."""
import json, re, sys
from datetime import datetime, timedelta, date
from zoneinfo import ZoneInfo
B='/work/audit13/out/build/routing/'
wf=json.load(open(B+'taskrouter-workflow.json'))['task_routing']
qs={q['sid']:q for q in json.load(open(B+'taskrouter-queues.json'))}
UTC=ZoneInfo('UTC')
CENTRES={
 'support_sfo':('America/Los_Angeles',(7,17),{'2026-11-11','2026-11-26','2026-12-25','2027-01-01','2027-01-18','2027-02-15','2027-05-31'}),
 'support_dub':('Europe/Dublin',(8,17),{'2026-10-26','2026-12-25','2026-12-28','2027-01-01','2027-02-01','2027-03-17','2027-03-29'}),
 'support_sin':('Asia/Singapore',(8,17),{'2026-11-09','2026-12-25','2027-01-01','2027-02-08','2027-02-09','2027-03-10'}),
}
def team_on(team,t):
    if team in ('escalation','duty','engineering'): return True   # 24x7 on-call rota
    if team=='tam_team':  # TAMs work Dublin or SF office hours
        return team_on('support_dub',t) or team_on('support_sfo',t)
    if team not in CENTRES: return False
    tz,(a,b),hol=CENTRES[team]; l=t.astimezone(ZoneInfo(tz))
    return l.weekday()<5 and a<=l.hour<b and l.date().isoformat() not in hol
def q_teams(q):
    return re.findall(r"team == '(\w+)'",q['target_workers'])
def avail(sid,t):
    return any(team_on(tm,t) for tm in q_teams(qs[sid]))
def ev(expr,task):
    # tiny evaluator for the shapes cxc writes: a == 'x' AND b IN ['..']
    for part in expr.split(' AND '):
        m=re.match(r"(\w+) == '([^']*)'",part)
        if m:
            if task.get(m[1])!=m[2]: return False; continue
        m=re.match(r"(\w+) IN \[(.*)\]",part)
        if m:
            if task.get(m[1]) not in re.findall(r"'([^']*)'",m[2]): return False; continue
        if not m and not re.match(r"\w+ == '",part): raise ValueError(part)
    return True
def route(task,t0,timeout=86400):
    for f in wf['filters']:
        if ev(f['expression'],task): break
    else:
        return ('default',wf['default_filter']['queue'],None,None)
    age=0
    for i,tg in enumerate(f['targets']):
        t=t0+timedelta(seconds=age)
        last = i==len(f['targets'])-1
        if 'skip_if' in tg and tg['skip_if']=='workers.available == 0' and not avail(tg['queue'],t):
            continue
        if avail(tg['queue'],t):
            return (f['filter_friendly_name'],qs[tg['queue']]['queue'],tg['priority'],t)
        if last or 'timeout' not in tg:
            # wait until someone of the queue is available, within Timeout
            s=age
            while s<timeout:
                s+=300
                if avail(tg['queue'],t0+timedelta(seconds=s)):
                    return (f['filter_friendly_name'],qs[tg['queue']]['queue'],tg['priority'],t0+timedelta(seconds=s))
            return (f['filter_friendly_name'],'CANCELLED (Timeout) waiting in '+qs[tg['queue']]['queue'],tg['priority'],None)
        age+=tg['timeout']
    return (f['filter_friendly_name'],'fell off targets',None,None)
cases=[
 ('Ent sev-1 form, Sun 23:30 PT (winter)', dict(segment='enterprise',channel='sev1_form'), '2026-11-29 23:30','America/Los_Angeles'),
 ('Ent phone, Sun 23:30 PT (winter)', dict(segment='enterprise',channel='phone'), '2026-11-29 23:30','America/Los_Angeles'),
 ('Ent phone, Sat 12:00 UTC', dict(segment='enterprise',channel='phone'), '2026-11-28 12:00','UTC'),
 ('Ent phone, Thanksgiving 10:00 PT', dict(segment='enterprise',channel='phone'), '2026-11-26 10:00','America/Los_Angeles'),
 ('Ent portal, Thanksgiving 10:00 PT', dict(segment='enterprise',channel='portal'), '2026-11-26 10:00','America/Los_Angeles'),
 ('Ent sev-1 form, Thanksgiving 10:00 PT', dict(segment='enterprise',channel='sev1_form'), '2026-11-26 10:00','America/Los_Angeles'),
 ('Ent phone, St Patrick 10:00 Dublin 2027', dict(segment='enterprise',channel='phone'), '2027-03-17 10:00','Europe/Dublin'),
 ('Business portal, St Patrick 10:00 Dublin 2027', dict(segment='business',channel='portal'), '2027-03-17 10:00','Europe/Dublin'),
 ('Ent phone, CNY Mon 10:00 SGT 2027', dict(segment='enterprise',channel='phone'), '2027-02-08 10:00','Asia/Singapore'),
 ('Pro chat, CNY Mon 10:00 SGT 2027', dict(segment='pro',channel='chat'), '2027-02-08 10:00','Asia/Singapore'),
 ('Ent portal, DST gap week Tue 16:30 Dublin (2026-10-27)', dict(segment='enterprise',channel='portal'), '2026-10-27 16:30','Europe/Dublin'),
 ('Ent portal, Sun 16:30 PT summer (2027-06-06), follow_sun open', dict(segment='enterprise',channel='portal'), '2027-06-06 16:30','America/Los_Angeles'),
 ('Pro calls the Enterprise phone line, Tue 10:00 Dublin', dict(segment='pro',channel='phone'), '2026-11-17 10:00','Europe/Dublin'),
 ('Free user e-mails support, Tue 10:00 Dublin', dict(segment='free',channel='email'), '2026-11-17 10:00','Europe/Dublin'),
 ('Free user in shared Slack', dict(segment='free',channel='slack'), '2026-11-17 10:00','Europe/Dublin'),
 ('Ent missed-sev1 complaint by phone, Sat 03:00 UTC', dict(segment='enterprise',channel='phone',complaint='missed_sev1'), '2026-11-28 03:00','UTC'),
 ('Ent credit dispute by slack, Fri 18:00 Dublin', dict(segment='enterprise',channel='slack',complaint='credit_dispute'), '2026-11-27 18:00','Europe/Dublin'),
 ('Business chat on Christmas Eve 2026 16:00 PT', dict(segment='business',channel='chat'), '2026-12-24 16:00','America/Los_Angeles'),
]
for name,task,local,tz in cases:
    t0=datetime.strptime(local,'%Y-%m-%d %H:%M').replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)
    f,q,p,t=route(task,t0)
    wait='' if t is None else f' after {(t-t0).total_seconds()/3600:.2f} h'
    print(f'{name}\n   UTC {t0:%a %Y-%m-%d %H:%M} -> filter "{f}" -> {q} prio {p}{wait}')
