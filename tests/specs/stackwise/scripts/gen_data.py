import random, csv
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
random.seed(13)
UTC=ZoneInfo('UTC')
OFFS=[ZoneInfo('America/Los_Angeles'),ZoneInfo('Europe/Dublin'),ZoneInfo('Asia/Singapore'),UTC]
start=datetime(2026,10,19,tzinfo=UTC); end=datetime(2026,11,30,23,59,tzinfo=UTC)
span=(end-start).total_seconds()
def fmt(t,style):
    if t is None: return ''
    if style=='z': return t.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')
    if style=='noofs': return t.astimezone(ZoneInfo('America/Los_Angeles')).strftime('%Y-%m-%dT%H:%M:%S')
    tz=random.choice(OFFS); return t.astimezone(tz).isoformat(timespec='seconds')
rows=[]; n=0
mix=[('pro','portal',900),('pro','email',350),('pro','chat',500),('business','portal',420),('business','email',150),('business','chat',260),
     ('enterprise','portal',260),('enterprise','email',90),('enterprise','chat',120),('enterprise','slack',220),('enterprise','phone',160),('enterprise','sev1_form',45)]
for seg,ch,k in mix:
    for i in range(k):
        n+=1
        c=start+timedelta(seconds=random.random()*span)
        # business-hours-ish: move weekend portal/email/chat contacts partly into weekdays
        style='noofs' if (ch=='portal' and random.random()<0.1) else random.choice(['z','ofs','ofs'])
        r={'id':f'C{n:05d}','segment':seg,'channel':ch,'created':fmt(c,style),'answered':'','first_response':'','resolved':'','customer':f'{seg[:3]}-{random.randint(1,60 if seg=="enterprise" else 400)}','csat':'','nps':''}
        if ch in ('chat','phone'):
            if random.random()<0.06: pass   # abandoned
            else:
                w=random.expovariate(1/ (40 if ch=='chat' else 35))
                if random.random()<0.05: w+=random.uniform(300,7200)   # off-hours waits
                r['answered']=fmt(c+timedelta(seconds=w),style)
        else:
            scale={'portal':3*3600,'email':4*3600,'slack':20*60,'sev1_form':9*60}[ch]
            if seg=='enterprise' and ch in('portal','email'): scale=50*60
            if random.random()<0.97:
                r['first_response']=fmt(c+timedelta(seconds=random.expovariate(1/scale)),style)
        if random.random()<0.9 and (r['answered'] or r['first_response']):
            res=random.expovariate(1/({'sev1_form':5*3600,'phone':6*3600}.get(ch,30*3600)))+600
            r['resolved']=fmt(c+timedelta(seconds=res),style)
        if random.random()<0.3: r['csat']=str(random.choices([1,2,3,4,5],[5,5,10,35,45])[0])
        if seg=='enterprise' and random.random()<0.15: r['nps']=str(random.choices(range(11),[2,1,1,1,2,3,4,8,15,30,33])[0])
        rows.append(r)
# complaints
for i in range(14):
    n+=1; c=start+timedelta(seconds=random.random()*span*0.8)
    ack=c+timedelta(hours=random.uniform(0.5,30)); res=c+timedelta(days=random.uniform(3,40))
    esc=c+timedelta(days=random.uniform(4,9)) if random.random()<0.6 else None
    rows.append({'id':f'C{n:05d}','segment':'enterprise','channel':random.choice(['email','slack']),'created':fmt(c,'ofs'),'answered':'','first_response':fmt(ack,'ofs'),'resolved':fmt(res,'ofs') if res<end else '','customer':f'ent-{random.randint(1,60)}','csat':'','nps':'','complaint':'credit_dispute','acknowledged':fmt(ack,'ofs'),'escalated':fmt(esc,'ofs') if esc else '','feedback':fmt(res+timedelta(hours=2),'ofs') if res<end and random.random()<0.8 else ''})
for i in range(6):
    n+=1; c=start+timedelta(seconds=random.random()*span*0.9)
    ack=c+timedelta(minutes=random.uniform(5,70)); res=c+timedelta(hours=random.uniform(5,60))
    rows.append({'id':f'C{n:05d}','segment':'enterprise','channel':'phone','created':fmt(c,'z'),'answered':fmt(c+timedelta(seconds=40),'z'),'first_response':'','resolved':fmt(res,'z'),'customer':f'ent-{random.randint(1,60)}','csat':'','nps':'','complaint':'missed_sev1','acknowledged':fmt(ack,'z'),'escalated':fmt(c+timedelta(hours=1.5),'z'),'feedback':fmt(res+timedelta(hours=1),'z')})
# deliberately bad rows
bad=[
 {'id':'B1','segment':'enterprize','channel':'portal','created':'2026-11-03T10:00:00Z','first_response':'2026-11-03T10:20:00Z'},
 {'id':'B2','segment':'pro','channel':'portal','created':'03/11/2026 10:00','first_response':'2026-11-03T11:00:00Z'},
 {'id':'B3','segment':'business','channel':'email','created':'2026-11-04T10:00:00Z','first_response':'2026-11-04T11:00:00Z','resolved':'2026-11-04T09:00:00Z'},
 {'id':'B4','segment':'pro','channel':'chat','created':'2026-11-05T10:00:00Z','answered':'2026-11-05T10:00:30Z','csat':'7'},
 {'id':'','segment':'pro','channel':'portal','created':'2026-11-05T12:00:00Z'},
 {'id':'B6','segment':'enterprise','channel':'phone','created':'2026-11-06T10:00:00Z','answered':'2026-11-06T09:59:00Z'},
 {'id':'B7','segment':'business','channel':'fax','created':'2026-11-06T10:00:00Z'},
 {'id':'B8','segment':'enterprise','channel':'sev1_form','created':'2026-11-07T25:61:00Z','first_response':'2026-11-07T10:05:00Z'},
]
for b in bad: rows.insert(random.randrange(len(rows)),b)
cols=['id','segment','channel','created','answered','first_response','resolved','complaint','acknowledged','escalated','feedback','customer','csat','nps']
with open('/work/audit13/data/contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,cols); w.writeheader()
    for r in rows: w.writerow({k:r.get(k,'') for k in cols})
# cases for incident journey
import itertools
with open('/work/audit13/data/cases.csv','w',newline='') as f:
    w=csv.writer(f); w.writerow(['case','journey','step','entered','left'])
    for i in range(60):
        t=start+timedelta(seconds=random.random()*span*0.85)
        path=['report','triage']
        if random.random()<0.3: path+=['config_guidance','confirm']
        else: path+=['escalate','workaround','fix','confirm']
        if random.random()<0.15: path+=['triage','escalate','workaround','fix','confirm']
        if random.random()<0.85: path+=['pir']
        if random.random()<0.05: path=['report','fix','confirm','pir']  # deviation
        if random.random()<0.06: path=path[:3]   # stopped
        durs={'report':600,'triage':1500,'config_guidance':3*3600,'escalate':1200,'workaround':5000,'fix':30*3600,'confirm':10*3600,'pir':3*86400}
        for s in path:
            d=random.expovariate(1/durs[s]); w.writerow([f'INC-{i:03d}','incident',s,t.isoformat(timespec='seconds'),'']); t+=timedelta(seconds=d)
    w.writerow(['INC-BAD','incident','hotfix','2026-11-10T10:00:00+00:00',''])
print(len(rows))
