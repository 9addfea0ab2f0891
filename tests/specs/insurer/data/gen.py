import random, csv, datetime as dt, json
from zoneinfo import ZoneInfo
from clock import *
R=random.Random(20261206)
LON=ZoneInfo('Europe/London'); WAW=ZoneInfo('Europe/Warsaw')
START=dt.date(2026,10,19); DAYS=28
rows=[]; truth=[]  # truth: parsed instants for my own calc
def iso(t): return t.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')
def isolocal(t,z): return t.astimezone(z).strftime('%Y-%m-%dT%H:%M:%S')
nid=[0]
def add(seg,ch,created,fmt=iso,**kw):
    nid[0]+=1; r=dict(id=f'C{nid[0]:05d}',segment=seg,channel=ch,created=fmt(created))
    t=dict(id=r['id'],segment=seg,channel=ch,created=created)
    for k,v in kw.items():
        if isinstance(v,dt.datetime): r[k]=fmt(v); t[k]=v
        elif v is not None: r[k]=str(v); t[k]=v
    rows.append(r); truth.append(t); return r
def rand_open(cal, z, day):
    iv=day_intervals(cal,day)
    if not iv: return None
    a,b=iv[0]; return a+dt.timedelta(seconds=R.uniform(0,(b-a).total_seconds()))
cust=lambda p,n: f'{p}{R.randint(1,n)}'
for di in range(DAYS):
    day=START+dt.timedelta(di)
    # Gold line, 07-22 every day
    for _ in range(22 if day.weekday()<5 else 12):
        c=rand_open('gold_hours',LON,day)
        if R.random()<0.05: add('gold','gold_line',c,customer=cust('G',400),csat=R.choice([3,4,5,5])); continue
        w=R.expovariate(1/11)
        if R.random()<0.08: w=R.uniform(20,90)
        add('gold','gold_line',c,answered=c+dt.timedelta(seconds=w),resolved=c+dt.timedelta(hours=R.uniform(1,120)),
            customer=cust('G',400),csat=R.choice([4,5,5,5,3]),nps=R.choice([9,10,8,10,6]),handle_time=R.randint(200,700))
    # Standard phone UK
    iv=day_intervals('uk_office',day)
    for _ in range(60 if day.weekday()<5 else (25 if iv else 0)):
        c=rand_open('uk_office',LON,day)
        if R.random()<0.05: add('standard','phone',c,customer=cust('S',3000),reason=R.choice(['new claim','claim update','renewal'])); continue
        w=R.expovariate(1/35)
        if R.random()<0.1: w=R.uniform(60,600)
        add('standard','phone',c,answered=c+dt.timedelta(seconds=w),customer=cust('S',3000),reason=R.choice(['new claim','claim update','renewal']),
            csat=R.choice([3,4,5,4,2,5]),handle_time=R.randint(240,900))
    # Standard email: first response in working time
    for _ in range(15 if day.weekday()<5 else 5):
        c=dt.datetime.combine(day,dt.time(R.randint(0,23),R.randint(0,59)),tzinfo=LON).astimezone(UTC)
        fr=c+dt.timedelta(hours=R.choice([1,3,8,20,26,30,50,70]))
        add('standard','email',c,first_response=fr if R.random()>0.03 else None,customer=cust('S',3000))
    # Polish phone (incl. a few abandoned calls on the 11 Nov holiday, and local times without offset)
    if day_intervals('kalendarz_pl',day):
        for _ in range(35 if day.weekday()<5 else 12):
            c=rand_open('kalendarz_pl',WAW,day)
            w=R.expovariate(1/20); 
            if R.random()<0.12: w=R.uniform(30,300)
            ab=R.random()<0.04
            add('klienci_bezpośredni','telefon_pl',c,fmt=(lambda t: isolocal(t,WAW)) if R.random()<0.5 else iso,
                answered=None if ab else c+dt.timedelta(seconds=w),csat=R.choice([4,5,3,5]),customer=cust('P',2000))
    elif day.isoformat()=='2026-11-11':
        for h in (9,10,11,12,13,14):
            c=dt.datetime(2026,11,11,h,15,tzinfo=WAW).astimezone(UTC)
            add('klienci_bezpośredni','telefon_pl',c,answered=c+dt.timedelta(minutes=3),customer=cust('P',2000))
    # Polish email
    for _ in range(10 if day.weekday()<5 else 3):
        c=dt.datetime.combine(day,dt.time(R.randint(0,23),R.randint(0,59)),tzinfo=WAW).astimezone(UTC)
        fr=c+dt.timedelta(hours=R.choice([1,4,10,22,28,40,60]))
        add('klienci_bezpośredni','email_pl',c,first_response=fr,customer=cust('P',2000))
    # Polish complaints (30 days, 24x7)
    for _ in range(4):
        c=dt.datetime.combine(day,dt.time(R.randint(8,20),R.randint(0,59)),tzinfo=WAW).astimezone(UTC)
        ack=c+dt.timedelta(hours=R.choice([2,5,20,30]))
        res=c+dt.timedelta(days=R.choice([3,10,18,25,33])) 
        esc=c+dt.timedelta(days=R.choice([13,15])) if (res-c).days>=14 else None
        if res>dt.datetime(2026,11,15,23,0,tzinfo=UTC): res=None; esc=esc if esc and esc<dt.datetime(2026,11,15,23,0,tzinfo=UTC) else None
        add('klienci_bezpośredni','email_pl',c,first_response=ack,complaint='reklamacja_pl',acknowledged=ack,escalated=esc,resolved=res,
            feedback=(res+dt.timedelta(hours=2)) if res and R.random()<0.9 else None,customer=cust('P',2000),cause=R.choice(['delay','valuation','rude staff']))
    # UK summary complaints (business days)
    if day.weekday()<5:
        for _ in range(3):
            c=dt.datetime.combine(day,dt.time(R.randint(7,19),R.randint(0,59)),tzinfo=LON).astimezone(UTC)
            ack=c+dt.timedelta(hours=R.choice([2,6,20,40]))
            res=c+dt.timedelta(hours=R.choice([20,50,70,100,130]))
            add('standard','email',c,first_response=ack,complaint='uk_summary',acknowledged=ack,resolved=res,
                escalated=c+dt.timedelta(hours=45) if (res-c).total_seconds()>48*3600 else None,feedback=res+dt.timedelta(minutes=30),customer=cust('S',3000),cause=R.choice(['delay','valuation']))
# bad rows
bad=[]
def badrow(**r):
    nid[0]+=1; base=dict(id=f'B{nid[0]:05d}'); base.update(r); rows.append(base); bad.append(base)
for i in range(5): badrow(segment='platinum',channel='gold_line',created='2026-10-20T10:00:00Z',answered='2026-10-20T10:00:05Z')
for i in range(4): badrow(segment='standard',channel='fax',created='2026-10-20T10:00:00Z')
for i in range(3): badrow(segment='standard',channel='phone',created='20/10/2026 10:00')
for i in range(3): badrow(segment='standard',channel='phone',created='2026-10-21T10:00:00Z',answered='2026-10-21T09:00:00Z')
for i in range(2): badrow(segment='gold',channel='gold_line',created='2026-10-22T10:00:00Z',answered='2026-10-22T10:00:09Z',csat='7')
for i in range(2): badrow(id='',segment='gold',channel='gold_line',created='2026-10-22T10:00:00Z')
for i in range(2): badrow(segment='klienci_bezpośredni',channel='email_pl',created='2026-10-22T10:00:00Z',complaint='reklamacja_eu')
# nonexistent local time on DST day in London: 2026-10-25 01:30 occurs twice (ambiguous) — not bad, just note
R.shuffle(rows)
cols=['id','segment','channel','created','answered','first_response','resolved','complaint','acknowledged','escalated','feedback','csat','nps','effort','customer','reason','cause','handle_time']
with open('contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=cols); w.writeheader()
    for r in rows: w.writerow({k:r.get(k,'') for k in cols})
import pickle; pickle.dump(truth,open('truth.pkl','wb'))
print(len(rows),'rows,',len(bad),'bad')
