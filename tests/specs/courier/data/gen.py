#!/usr/bin/env python3
"""Generates contacts.csv and cases.csv for cxc measure, and expected.json with
figures computed independently (own calendar code)."""
import csv, random, json, datetime as dt
from zoneinfo import ZoneInfo
random.seed(8)
MSK=ZoneInfo("Europe/Moscow"); WAW=ZoneInfo("Europe/Warsaw"); ALA=ZoneInfo("Asia/Almaty")
UTC=dt.timezone.utc
START=dt.datetime(2026,10,19,0,0,tzinfo=MSK); END=dt.datetime(2026,11,8,23,59,tzinfo=MSK)
SPAN=(END-START).total_seconds()
RU_HOL={dt.date(2026,11,4),dt.date(2026,12,31),dt.date(2027,1,1)}
def rnd_time(a=START,b=END):
    return a+dt.timedelta(seconds=random.random()*(b-a).total_seconds())
def iso(t,tz=MSK): return t.astimezone(tz).isoformat(timespec='seconds')
# --- Moscow office calendar Mon-Fri 09-18 except RU_HOL
def office_open_intervals(d0,d1):
    d=d0
    while d<=d1:
        if d.weekday()<5 and d not in RU_HOL:
            yield (dt.datetime(d.year,d.month,d.day,9,tzinfo=MSK),dt.datetime(d.year,d.month,d.day,18,tzinfo=MSK))
        d+=dt.timedelta(days=1)
def business_seconds(a,b):
    if b<=a: return 0
    s=0
    for o,c in office_open_intervals(a.astimezone(MSK).date(),b.astimezone(MSK).date()):
        lo=max(a,o); hi=min(b,c)
        if hi>lo: s+=(hi-lo).total_seconds()
    return s
def wd_deadline(a,n):
    d=a.astimezone(MSK).date(); k=0
    while True:
        d+=dt.timedelta(days=1)
        if d.weekday()<5 and d not in RU_HOL:
            k+=1
            if k==n: return dt.datetime(d.year,d.month,d.day,18,tzinfo=MSK)
rows=[]; exp={}
def row(**k): rows.append(k)
cid=0
def nid():
    global cid; cid+=1; return f"C{cid:05d}"
# A. B2B phone, 1200
a_ok=0; a_n=0; csat_hi=0; csat_n=0
for i in range(1200):
    c=rnd_time(); ab=random.random()<0.06
    w=random.expovariate(1/9.0)
    ans='' if ab else iso(c+dt.timedelta(seconds=w))
    cs=random.choice([3,4,5,5,5,5,5,4,5,2])
    row(id=nid(),segment='продавцы_маркетплейсов',channel='телефон',created=iso(c),answered=ans,
        resolved=iso(c+dt.timedelta(minutes=random.randint(3,300))) if not ab else '',csat=cs if not ab else '',
        customer=f"S{random.randint(1,400)}",reason=random.choice(['статус','зависло','документы']))
    a_n+=1
    if not ab and w<=20: a_ok+=1
    if not ab: csat_n+=1; csat_hi+= cs>=4
exp['b2b_phone_answer_20s']={'n':a_n,'ok':a_ok,'share':a_ok/a_n}
exp['b2b_csat_share_4_5']={'n':csat_n,'share':csat_hi/csat_n}
# B. corporate email first_response 4h on office hours (RU holiday Nov 4)
b_ok=0;b_n=0;b_open=0
for i in range(600):
    c=rnd_time()
    fr=c+dt.timedelta(hours=random.choice([0.5,1,2,3,3.5,5,8,14,20,26,50,70]))
    bs=business_seconds(c,fr)
    row(id=nid(),segment='корпоративные_клиенты',channel='электронная_почта',created=iso(c),first_response=iso(fr),
        resolved=iso(fr+dt.timedelta(hours=random.randint(1,30))),customer=f"K{random.randint(1,300)}")
    b_n+=1; b_ok+= bs<=4*3600
exp['corp_email_first_response_4h_office']={'n':b_n,'ok':b_ok,'share':b_ok/b_n}
# C. Warsaw hub e-mail, B2B, around the clock change 2026-10-25 03:00 CEST -> 02:00 CET
ws=dt.datetime(2026,10,23,0,0,tzinfo=WAW); we=dt.datetime(2026,10,28,0,0,tzinfo=WAW)
c_ok=0;c_n=0
for i in range(500):
    if i<120:  # concentrate on the night of the change
        c=dt.datetime(2026,10,24,22,0,tzinfo=UTC)+dt.timedelta(seconds=random.random()*4*3600)
    else:
        c=ws+dt.timedelta(seconds=random.random()*(we-ws).total_seconds())
    delay=random.choice([1,2,3,3.5,3.75,4.25,4.5,5,6])*3600
    fr=c+dt.timedelta(seconds=delay)
    row(id=nid(),segment='продавцы_маркетплейсов',channel='почта_хаба_Варшава',created=iso(c,WAW),first_response=iso(fr,WAW),
        customer=f"S{random.randint(1,400)}")
    c_n+=1; c_ok+= delay<=4*3600
exp['warsaw_email_4h_real_elapsed']={'n':c_n,'ok':c_ok,'share':c_ok/c_n}
# D. private senders phone: 80% within 60s; promise callback 15m
d_ok=0;d_n=0;d_p=0
for i in range(800):
    c=rnd_time(); ab=random.random()<0.05
    w=random.choice([5,20,40,55,65,90,200,800,1000])
    row(id=nid(),segment='частные_отправители',channel='телефон',created=iso(c),answered='' if ab else iso(c+dt.timedelta(seconds=w)),
        resolved='' if ab else iso(c+dt.timedelta(seconds=w+300)),customer=f"P{random.randint(1,5000)}",csat=random.choice([1,2,3,4,5,5,4]) if not ab else '')
    d_n+=1; d_ok+= (not ab and w<=60); d_p+= (not ab and w<=900)
exp['private_phone_answer_60s']={'n':d_n,'ok':d_ok,'share':d_ok/d_n}
exp['promise_callback_15m']={'n':d_n,'kept':d_p,'share':d_p/d_n}
# E. damaged-parcel complaints (1wd ack, 10wd resolve, office calendar, Nov 4 holiday)
e=dict(n=0,ack_ok=0,res_ok=0,ack_ok_noholiday=0)
for i in range(200):
    c=dt.datetime(2026,10,26,8,0,tzinfo=MSK)+dt.timedelta(seconds=random.random()*11*86400)
    ack=wd_deadline(c,1)+dt.timedelta(hours=random.choice([-30,-20,-6,-1,2,20]))
    if ack<c: ack=c+dt.timedelta(hours=1)
    res=c+dt.timedelta(days=random.choice([3,8,12,14,16,20]))
    row(id=nid(),segment='частные_отправители',channel='телефон',created=iso(c),answered=iso(c+dt.timedelta(seconds=30)),
        complaint='претензия_о_повреждении_отправления',acknowledged=iso(ack),resolved=iso(res),
        escalated=iso(c+dt.timedelta(days=6)),feedback=iso(res+dt.timedelta(hours=1)),customer=f"P{random.randint(1,5000)}")
    e['n']+=1; e['ack_ok']+= ack<=wd_deadline(c,1); e['res_ok']+= res<=wd_deadline(c,10)
exp['complaint_damaged']=e
# F. Almaty chat, private senders; 30 rows with the lower-cased export name
f_ok=0;f_n=0
for i in range(150):
    c=rnd_time(); w=random.choice([30,60,100,170,200,400])
    row(id=nid(),segment='частные_отправители',channel='чат_алматы' if i<30 else 'чат_Алматы',created=iso(c,ALA),answered=iso(c+dt.timedelta(seconds=w),ALA),customer=f"P{random.randint(1,5000)}")
# G. bad rows
bad=[]
for i in range(10): bad.append(dict(id=nid(),segment='vip',channel='телефон',created=iso(rnd_time()),answered=iso(rnd_time())))
for i in range(5): bad.append(dict(id=nid(),segment='частные_отправители',channel='факс',created=iso(rnd_time())))
for i in range(5): bad.append(dict(id=nid(),segment='частные_отправители',channel='телефон',created='2026-10-32T10:00:00+03:00',answered=''))
for i in range(5):
    c=rnd_time(); bad.append(dict(id=nid(),segment='корпоративные_клиенты',channel='электронная_почта',created=iso(c),first_response=iso(c+dt.timedelta(hours=1)),resolved=iso(c-dt.timedelta(hours=2))))
for i in range(5):
    c=rnd_time(); bad.append(dict(id=nid(),segment='продавцы_маркетплейсов',channel='телефон',created=iso(c),answered=iso(c+dt.timedelta(seconds=5)),csat=7))
for i in range(5): bad.append(dict(id=nid(),segment='Продавцы маркетплейсов (B2B)',channel='телефон',created=iso(rnd_time()),answered=iso(rnd_time())))
exp['bad_rows']={'unknown_segment_vip':10,'unknown_channel_факс':5,'bad_timestamp':5,'resolved_before_created':5,'csat_off_scale':5,'display_name_as_segment':5}
random.shuffle(bad)
allrows=rows+bad
random.shuffle(allrows)
cols=['id','segment','channel','created','answered','first_response','resolved','complaint','acknowledged','escalated','feedback','csat','customer','reason']
with open('/work/audit8/data/contacts.csv','w',newline='') as fh:
    w=csv.DictWriter(fh,fieldnames=cols); w.writeheader()
    for r in allrows: w.writerow(r)
# --- cases: delivery journey
steps_normal=['приём_отправления','сортировка','магистральная_перевозка','последняя_миля','попытка_вручения','вручение']
cr=[]; n_follow=0; n_dev=0; n_stop=0; att_ok=0; att_n=0; e2e_ok=0; e2e_n=0
for k in range(600):
    t=rnd_time(START,dt.datetime(2026,10,29,tzinfo=MSK)); cid_=f"Д{k:04d}"
    r=random.random()
    if r<0.70: path=steps_normal
    elif r<0.85: path=steps_normal[:5]+['согласование_новой_даты_доставки_с_получателем','попытка_вручения','вручение']
    elif r<0.90: path=steps_normal[:5]+['согласование_новой_даты_доставки_с_получателем','попытка_вручения','согласование_новой_даты_доставки_с_получателем','попытка_вручения','возврат_отправителю']
    elif r<0.95: path=['приём_отправления','магистральная_перевозка','последняя_миля','попытка_вручения','вручение']  # skips sorting
    else: path=['приём_отправления','сортировка']  # stopped long ago
    dur={'приём_отправления':(1,6),'сортировка':(4,14),'магистральная_перевозка':(24,80),'последняя_миля':(6,30),'попытка_вручения':(1,6),
         'согласование_новой_даты_доставки_с_получателем':(2,30),'вручение':(0.1,0.2),'возврат_отправителю':(24,80)}
    t0=t
    for s in path:
        h=random.uniform(*dur[s])
        cr.append(dict(case=cid_,journey='доставка_отправления',step=s,entered=iso(t)))
        if s=='попытка_вручения' and path[-1]!=s:
            att_n+=1; att_ok+= h<=4
        t=t+dt.timedelta(hours=h)
    if path in (steps_normal,) or path[-1] in('вручение','возврат_отправителю') and 'сортировка' in path:
        n_follow+=1
        # end-to-end: from entering start to entering the end step
        last=cr[-1]['entered']; e2e_n+=1
        e2e_ok+= (dt.datetime.fromisoformat(last)-t0).total_seconds()<=10*86400
    elif 'сортировка' not in path: n_dev+=1
    else: n_stop+=1
exp['cases']={'cases':600,'follow':n_follow,'deviation':n_dev,'stopped':n_stop,'attempt_visits_with_next':att_n,'attempt_within_4h':att_ok,
              'attempt_share':att_ok/att_n,'e2e_n':e2e_n,'e2e_within_10d':e2e_ok}
# 3 bad case rows: unknown step, unknown journey
cr.append(dict(case='Д9990',journey='доставка_отправления',step='таможня',entered=iso(rnd_time())))
cr.append(dict(case='Д9991',journey='экспресс',step='приём_отправления',entered=iso(rnd_time())))
random.shuffle(cr)
with open('/work/audit8/data/cases.csv','w',newline='') as fh:
    w=csv.DictWriter(fh,fieldnames=['case','journey','step','entered']); w.writeheader()
    for r in cr: w.writerow(r)
json.dump(exp,open('/work/audit8/data/expected.json','w'),ensure_ascii=False,indent=1)
print(json.dumps(exp,ensure_ascii=False,indent=1)); print('contacts',len(allrows),'case rows',len(cr))
