import random, csv, json, datetime as dt
from zoneinfo import ZoneInfo
from cal import *
random.seed(7)
SYD=ZoneInfo("Australia/Sydney"); ADLZ=ZoneInfo("Australia/Adelaide")
START=dt.datetime(2027,3,1,0,0,tzinfo=SYD); END=dt.datetime(2027,4,12,0,0,tzinfo=SYD)
combos=[('residential','phone',30),('residential','web_chat',12),('residential','email',10),('residential','sms',5),('residential','faults_line',6),
        ('business','business_line',8),('business','web_chat',4),('business','email',5),('business','faults_line',2),
        ('hardship','phone',6),('hardship','email',3),('hardship','sms',2),('hardship','faults_line',1),
        ('life_support','life_support_line',4),('life_support','faults_line',2)]
LIVE={'phone','business_line','life_support_line','web_chat','faults_line'}
chan_cal={'phone':SYD_CUST,'business_line':SYD_CUST,'life_support_line':ALWAYS,'web_chat':MNL,'email':ALWAYS,'sms':MNL,'faults_line':ALWAYS}
def rand_instant():
    return START+dt.timedelta(seconds=random.randrange(int((END-START).total_seconds())))
def open_instant(cal):
    while True:
        t=rand_instant().astimezone(UTC)
        if cal.tz is None: return t
        for a,b in cal.day_intervals(cal.local_date(t)):
            if a<=t<b: return t
def iso(t, naive_tz=None):
    if naive_tz: return t.astimezone(naive_tz).replace(tzinfo=None).isoformat(timespec='seconds')
    return t.astimezone(SYD).isoformat(timespec='seconds')
rows=[]; truth=[]
def add(seg,ch,created,answered=None,first_response=None,resolved=None,complaint='',ack=None,esc=None,fb=None,csat='',effort='',naive=None,note=''):
    i=len(rows)+1
    r=dict(id=f"C{i:05d}",segment=seg,channel=ch,created=iso(created,naive),answered=iso(answered,naive) if answered else '',
           first_response=iso(first_response,naive) if first_response else '',resolved=iso(resolved,naive) if resolved else '',
           complaint=complaint,acknowledged=iso(ack,naive) if ack else '',escalated=iso(esc,naive) if esc else '',feedback=iso(fb,naive) if fb else '',
           csat=csat,nps='',effort=effort,customer=f"K{random.randrange(2500):04d}",reason=random.choice(['billing','move','outage','payment']),
           handle_time=str(random.randrange(120,900)))
    rows.append(r); truth.append(dict(seg=seg,ch=ch,created=created,answered=answered,fr=first_response,resolved=resolved,complaint=complaint,ack=ack,esc=esc,fb=fb,csat=csat,note=note,id=r['id']))
N=4000
for _ in range(N):
    seg,ch,_w=random.choices(combos,weights=[c[2] for c in combos])[0]
    cal=chan_cal[ch]
    created=open_instant(cal) if random.random()<0.93 else rand_instant().astimezone(UTC)
    ans=fr=res=None
    if ch in LIVE:
        if random.random()>0.05:
            w = random.expovariate(1/35) if random.random()<0.85 else random.uniform(60,900)
            ans=created+dt.timedelta(seconds=int(w)+1)
    else:
        fr=created+dt.timedelta(minutes=int(random.choice([random.uniform(10,240),random.uniform(60,2400)])))
    if ans or fr:
        res=(ans or fr)+dt.timedelta(hours=random.choice([0.1,0.5,2,20,60,150]))
    cs=str(random.choice([1,2,3,4,4,5,5,5])) if random.random()<0.4 else ''
    add(seg,ch,created,ans,fr,res,csat=cs,effort=str(random.randint(1,5)) if random.random()<0.2 else '')
# complaints
for _ in range(300):
    kind=random.choice(['general_complaint']*3+['hardship_complaint','life_support_complaint'])
    seg={'general_complaint':random.choice(['residential','business']),'hardship_complaint':'hardship','life_support_complaint':'life_support'}[kind]
    ch={'residential':'phone','business':'business_line','hardship':'phone','life_support':'life_support_line'}[seg]
    created=open_instant(chan_cal[ch])
    ans=created+dt.timedelta(seconds=random.randrange(5,90))
    if kind=='life_support_complaint':
        ack=created+dt.timedelta(minutes=random.choice([5,20,29,45])); resd=created+dt.timedelta(minutes=random.choice([60,100,119,150,200]))
        esc=created+dt.timedelta(minutes=random.choice([50,59,61,70])) if resd>created+dt.timedelta(hours=1) else None
    else:
        ack=created+dt.timedelta(hours=random.choice([2,20,50,80,120])); resd=created+dt.timedelta(days=random.choice([3,8,12,15,18,25]))
        esc=created+dt.timedelta(days=random.choice([5,7,9])) if random.random()<0.7 else None
    fb=resd+dt.timedelta(hours=1) if random.random()<0.8 else None
    add(seg,ch,created,ans,None,resd,complaint=kind,ack=ack,esc=esc,fb=fb)
# special rows
t=dt.datetime(2027,3,8,9,15,tzinfo=ADLZ)   # Adelaide Cup (SA holiday, not NSW)
for k in range(5): add('hardship','phone',t+dt.timedelta(minutes=k),t+dt.timedelta(minutes=k+10),resolved=t+dt.timedelta(hours=3),naive=ADLZ,note='adelaide_cup')
t=dt.datetime(2027,3,10,3,0,tzinfo=ADLZ)   # 3am Adelaide life support
for k in range(5): add('life_support','life_support_line',t+dt.timedelta(minutes=7*k),t+dt.timedelta(minutes=7*k,seconds=15+10*k),resolved=t+dt.timedelta(hours=1),note='ls3am')
t=dt.datetime(2027,3,17,23,30,tzinfo=SYD)  # web chat 23:30 Sydney (20:30 Manila)
for k in range(5): add('residential','web_chat',t+dt.timedelta(minutes=k),t+dt.timedelta(minutes=k+5),resolved=t+dt.timedelta(hours=1),note='chat2330')
# ambiguous DST hour, naive Sydney time on the 24x7 faults line
for k,(fold) in enumerate([0,0,1,1]):
    c=dt.datetime(2027,4,4,2,30,fold=fold,tzinfo=SYD)
    add('residential','faults_line',c.astimezone(UTC),c.astimezone(UTC)+dt.timedelta(seconds=50),resolved=c.astimezone(UTC)+dt.timedelta(hours=2),naive=SYD,note='dst_ambiguous')
good=len(rows)
# bad rows
def bad(**kw):
    r=dict(rows[random.randrange(good)]); r.update(kw); r['id']=kw.get('id',f"B{len(rows)+1:05d}"); rows.append(r); truth.append(dict(bad=kw))
for _ in range(5): bad(segment='vip_gold')
for _ in range(4): bad(created='2027-13-45T25:00:00+11:00')
for _ in range(3): bad(created='2027-03-20T12:00:00+11:00', answered='2027-03-20T11:59:00+11:00')
for _ in range(2): bad(csat='7')
for _ in range(2): bad(id='')
bad(channel='fax')
random.shuffle(rows)
cols=list(rows[0].keys())
with open('contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=cols); w.writeheader(); w.writerows(rows)
import pickle; pickle.dump(truth,open('truth.pkl','wb'))
print(len(rows),'rows', good,'good')
