import csv, random, datetime as dt
from zoneinfo import ZoneInfo
random.seed(10)
L = ZoneInfo('Europe/London')
ENG_CLOSED = set()  # November 2026 has no English bank holiday
SCO_CLOSED = {dt.date(2026,11,30)}
def open_eng(t):
    d=t.date(); wd=t.weekday(); h=t.hour+t.minute/60
    if wd<5: return 8<=h<20
    if wd==5: return 9<=h<17
    return False
def open_sco(t):
    d=t.date(); wd=t.weekday(); h=t.hour+t.minute/60
    if d in SCO_CLOSED: return False
    if wd<5: return 8<=h<19
    if wd==5: return 9<=h<13
    return False
def rand_time(pred):
    while True:
        day = dt.date(2026,11,1)+dt.timedelta(days=random.randrange(30))
        t = dt.datetime(day.year,day.month,day.day,random.randrange(24),random.randrange(60),random.randrange(60),tzinfo=L)
        if pred(t): return t
def iso(t): return t.isoformat()
segs = ['members']*15+['insured']*45+['self_pay']*40
rows=[]; n=0
def add(**kw):
    global n; n+=1
    r=dict(id=f'C{n:05d}',segment='',channel='',created='',answered='',first_response='',resolved='',complaint='',acknowledged='',escalated='',feedback='',csat='',nps='',effort='',customer='',reason='',handle_time='')
    r.update(kw); rows.append(r)
custs = {s:[f'{s[:2].upper()}{i:04d}' for i in range(300)] for s in ('members','insured','self_pay')}
waitscale={'members':15,'insured':30,'self_pay':50}
for i in range(1800):  # England phone
    s=random.choice(segs); c=rand_time(open_eng)
    w=random.expovariate(1/waitscale[s]); ab=random.random()<{'members':0.02,'insured':0.05,'self_pay':0.09}[s]
    ans='' if ab else iso(c+dt.timedelta(seconds=round(w)))
    res='' if ab else iso(c+dt.timedelta(seconds=round(w)+random.randint(180,700)))
    cs=random.choice(['',5,5,4,4,3,2]) if not ab else ''
    add(segment=s,channel='booking_phone',created=iso(c),answered=ans,resolved=res,csat=cs,customer=random.choice(custs[s]),reason=random.choice(['book','move','cancel','price']),handle_time='' if ab else random.randint(200,700))
for i in range(300):  # Scotland phone
    s=random.choice(segs); c=rand_time(open_sco)
    w=random.expovariate(1/waitscale[s]); ab=random.random()<0.04
    add(segment=s,channel='booking_phone_scot',created=iso(c),answered='' if ab else iso(c+dt.timedelta(seconds=round(w))),resolved='' if ab else iso(c+dt.timedelta(seconds=round(w)+400)),customer=random.choice(custs[s]),reason='book')
for i in range(600):  # chat
    s=random.choice(segs); c=rand_time(open_eng)
    w=random.expovariate(1/40); ab=random.random()<0.06
    add(segment=s,channel='chat',created=iso(c),answered='' if ab else iso(c+dt.timedelta(seconds=round(w))),resolved='' if ab else iso(c+dt.timedelta(seconds=round(w)+600)),csat=random.choice(['',5,4,4,3]),customer=random.choice(custs[s]),reason=random.choice(['book','price']))
for i in range(500):  # email, any time of day
    s=random.choice(segs); c=rand_time(lambda t: True)
    fr=c+dt.timedelta(hours=random.expovariate(1/6))
    add(segment=s,channel='email',created=iso(c),first_response=iso(fr),resolved=iso(fr+dt.timedelta(hours=random.randint(1,40))),customer=random.choice(custs[s]),reason=random.choice(['invoice','results','move']))
for i in range(900):  # triage 24x7
    s=random.choice(segs); c=rand_time(lambda t: True)
    w=random.expovariate(1/25); ab=random.random()<0.025
    add(segment=s,channel='triage',created=iso(c),answered='' if ab else iso(c+dt.timedelta(seconds=round(w))),resolved='' if ab else iso(c+dt.timedelta(seconds=round(w)+720)),nps=random.choice(['',10,9,9,8,7,6,3]),customer=random.choice(custs[s]))
# complaints on e-mail
for i in range(40):
    s=random.choice(segs); c=rand_time(lambda t: t.weekday()<5 and 9<=t.hour<17)
    ack=c+dt.timedelta(days=random.choice([0,1,1,2,2,3,6]),hours=1)
    resd=c+dt.timedelta(days=random.choice([10,14,20,25,30,40]))
    esc = iso(c+dt.timedelta(days=random.choice([12,13,14]))) if random.random()<0.5 else ''
    add(segment=s,channel='email',created=iso(c),first_response=iso(ack),acknowledged=iso(ack),resolved=iso(resd) if resd<dt.datetime(2026,12,1,tzinfo=L) else '',escalated=esc,feedback=iso(resd) if random.random()<0.9 and resd<dt.datetime(2026,12,1,tzinfo=L) else '',complaint='service_complaint',customer=random.choice(custs[s]),reason='complaint')
# deliberately bad rows
add(segment='vip',channel='booking_phone',created='2026-11-10T10:00:00+00:00',answered='2026-11-10T10:00:10+00:00')
add(segment='insured',channel='fax',created='2026-11-10T10:00:00+00:00',answered='2026-11-10T10:00:10+00:00')
add(segment='insured',channel='booking_phone',created='10/11/2026 10:00',answered='2026-11-10T10:00:10+00:00')
add(segment='self_pay',channel='booking_phone',created='2026-11-12T11:00:00+00:00',answered='2026-11-12T10:59:00+00:00')
add(segment='members',channel='chat',created='2026-11-12T11:00:00+00:00',answered='2026-11-12T11:00:20+00:00',resolved='2026-11-12T10:00:00+00:00')
add(segment='members',channel='booking_phone',created='2026-11-13T11:00:00+00:00',answered='2026-11-13T11:00:05+00:00',csat='7')
add(segment='',channel='booking_phone',created='2026-11-13T11:00:00+00:00',answered='2026-11-13T11:00:05+00:00')
random.shuffle(rows)
with open('/work/audit10/data/contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(rows)
print(len(rows),'contacts')
# cases: appointment journey + referral
cr=[]
def visit(case,j,step,t,left=None): cr.append(dict(case=case,journey=j,step=step,entered=iso(t),left=iso(left) if left else ''))
for k in range(400):
    c=f'A{k:04d}'; t=rand_time(open_eng)
    visit(c,'appointment','book',t)
    ins=random.random()<0.45
    if ins:
        t=t+dt.timedelta(hours=random.randint(1,40)); visit(c,'appointment','authorise',t)
    t=t+dt.timedelta(minutes=random.randint(1,90)); visit(c,'appointment','confirm',t)
    t=t+dt.timedelta(minutes=5); visit(c,'appointment','remind',t)
    r=random.random()
    if r<0.8:
        t=t+dt.timedelta(days=random.randint(2,10)); visit(c,'appointment','attend',t)
    elif r<0.9:
        t=t+dt.timedelta(days=3); visit(c,'appointment','no_show',t)
        t=t+dt.timedelta(hours=random.randint(2,40)); visit(c,'appointment','reschedule',t)
        t=t+dt.timedelta(hours=1); visit(c,'appointment','remind',t)
        t=t+dt.timedelta(days=4); visit(c,'appointment','attend',t)
    elif r<0.95:
        t=t+dt.timedelta(days=3); visit(c,'appointment','no_show',t)
        t=t+dt.timedelta(days=2); visit(c,'appointment','closed',t)
    elif r<0.98:
        t=t+dt.timedelta(days=1); visit(c,'appointment','reschedule',t)  # stops here (drop-off)
    else:
        t=t+dt.timedelta(days=1); visit(c,'appointment','attend',t); visit(c,'appointment','no_show',t+dt.timedelta(hours=1))  # off-map? attend is end
for k in range(150):
    c=f'R{k:04d}'; t=rand_time(open_eng)
    visit(c,'referral','referral_received',t)
    t+=dt.timedelta(hours=random.randint(2,30)); visit(c,'referral','book_diagnostics',t)
    t+=dt.timedelta(days=random.randint(1,8)); visit(c,'referral','diagnostics',t)
    t+=dt.timedelta(days=random.randint(1,4)); visit(c,'referral','results_ready',t)
    t+=dt.timedelta(hours=random.randint(2,30)); visit(c,'referral','results_review',t)
    if random.random()<0.85:
        t+=dt.timedelta(hours=random.randint(1,40)); visit(c,'referral','results_shared',t)
        if random.random()<0.3:
            t+=dt.timedelta(days=random.randint(2,7)); visit(c,'referral','follow_up',t)
    else:
        t+=dt.timedelta(hours=random.randint(1,6)); visit(c,'referral','urgent_call',t)
        t+=dt.timedelta(days=random.randint(1,6)); visit(c,'referral','follow_up',t)
# bad case rows
visit('X1','referral','lab_courier',dt.datetime(2026,11,5,10,tzinfo=L))
visit('X2','nonexistent','book',dt.datetime(2026,11,5,10,tzinfo=L))
with open('/work/audit10/data/cases.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['case','journey','step','entered','left']); w.writeheader(); w.writerows(cr)
print(len(cr),'visits')
