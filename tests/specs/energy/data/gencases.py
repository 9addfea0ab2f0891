import random, csv, datetime as dt, pickle
from zoneinfo import ZoneInfo
random.seed(11)
SYD=ZoneInfo("Australia/Sydney"); UTC=dt.timezone.utc
START=dt.datetime(2027,3,1,8,0,tzinfo=SYD)
rows=[]; cases=[]
def H(h): return dt.timedelta(hours=h)
def emit(cid,j,visits,naive=False):
    for s,t in visits:
        rows.append(dict(case=cid,journey=j,step=s,entered=(t.astimezone(SYD).replace(tzinfo=None).isoformat(timespec='seconds') if naive else t.astimezone(SYD).isoformat(timespec='seconds')),left='',csat=''))
    cases.append((cid,j,visits))
J1='move_in_connect_electricity_and_broadband'
for i in range(300):
    t=START+dt.timedelta(minutes=random.randrange(40*24*60))
    v=[('apply',t)]; t+=H(random.uniform(0.2,3))
    deviate = random.random()<0.05
    if not deviate:
        v.append(('credit_check',t)); t+=H(random.choice([1,2,3,5,8]))
    v.append(('connection',t)); t+=H(random.choice([6,12,20,30]))
    v.append(('book_technician_visit_with_customer',t)); t+=H(random.choice([5,20,30]))
    v.append(('technician_visit',t)); t+=H(random.choice([24,48,80]))
    if random.random()<0.2:
        v.append(('reschedule_after_no_access',t)); t+=H(random.choice([10,30]))
        v.append(('technician_visit',t)); t+=H(random.choice([24,48]))
    stop = random.random()<0.08
    if not stop: v.append(('first_bill',t))
    emit(f"M{i:04d}",J1,v)
# F1 case: every step within its deadline, promise (1wd on wall clock) broken
t=dt.datetime(2027,3,15,23,0,tzinfo=SYD)
emit("M_F1",J1,[('apply',t-H(1)),('credit_check',t),('connection',t+H(4)),('book_technician_visit_with_customer',t+H(28)),('technician_visit',t+H(40)),('first_bill',t+H(60))])
J2='outage_report_and_restoration'
for i in range(200):
    t=START+dt.timedelta(minutes=random.randrange(40*24*60))
    v=[('report_fault',t)]; t+=dt.timedelta(minutes=random.choice([5,10,20]))
    v.append(('triage',t)); t+=dt.timedelta(minutes=random.choice([10,25,40]))
    if random.random()<0.5:
        v.append(('dispatch_technician',t)); t+=dt.timedelta(minutes=random.choice([15,30,60]))
        t+=H(random.choice([0.5,1.5,2.5,3.5]))
        v.append(('technician_on_site',t)); t+=H(random.choice([1,2,4]))
    v.append(('restoration_update',t)); t+=H(random.choice([0.5,1.5,3]))
    for k in range(random.choice([0,0,1,2])):
        v.append(('restoration_update',t)); t+=H(1)
    v.append(('power_restored',t))
    emit(f"O{i:04d}",J2,v)
# bad case rows
rows.append(dict(case='X1',journey='nonexistent_journey',step='a',entered='2027-03-05T10:00:00+11:00',left='',csat=''))
rows.append(dict(case='X2',journey=J2,step='teleport',entered='2027-03-05T10:00:00+11:00',left='',csat=''))
rows.append(dict(case='X3',journey=J2,step='triage',entered='yesterday',left='',csat=''))
random.shuffle(rows)
with open('cases.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['case','journey','step','entered','left','csat']); w.writeheader(); w.writerows(rows)
pickle.dump(cases,open('cases.pkl','wb'))
print(len(rows),'visit rows', len(cases),'cases')
