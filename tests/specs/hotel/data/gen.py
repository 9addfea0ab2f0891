import random, csv, datetime as dt, json
random.seed(42)
TZ=dt.timezone(dt.timedelta(hours=3))
W0=dt.datetime(2027,1,11,0,0,tzinfo=TZ)
def iso(t): return t.isoformat()
segs=['platinum','gold','corporate','member','guest']
segw=[0.08,0.22,0.05,0.35,0.30]
chan_of={'platinum':['plat_line','res_phone','chat','whatsapp','email'],
 'gold':['res_phone','chat','whatsapp','email'],
 'corporate':['res_phone','email','corp_email'],
 'member':['res_phone','chat','whatsapp','email'],
 'guest':['res_phone','chat','email']}
live={'plat_line','res_phone','chat'}
rows=[]; n=0
customers={s:[f"{s[:2]}{i:04d}" for i in range(300)] for s in segs}
def rand_time(open_only=True):
    d=random.randrange(7)
    if open_only: m=random.randrange(8*60,22*60)
    else: m=random.randrange(0,24*60)
    return W0+dt.timedelta(days=d,minutes=m,seconds=random.randrange(60))
for i in range(4000):
    s=random.choices(segs,segw)[0]; c=random.choice(chan_of[s])
    r={'id':f"C{i:05d}",'segment':s,'channel':c}
    if c in ('res_phone','chat','whatsapp','corp_email'):
        t=rand_time(True)
    else:
        t=rand_time(False)
    if c=='corp_email':  # Berlin hours 09:00-17:30 = 11:00-19:30 Moscow, weekdays
        d=random.randrange(5); t=W0+dt.timedelta(days=d,hours=11,minutes=random.randrange(0,510))
    r['created']=iso(t)
    if c in live:
        if random.random()<0.06: pass  # abandoned
        else:
            w=random.expovariate(1/25) if s in('platinum','gold') else random.expovariate(1/45)
            r['answered']=iso(t+dt.timedelta(seconds=round(w)))
    else:
        if c=='email' and s in('member','guest') and t.hour>=21:
            fr=(t+dt.timedelta(days=1)).replace(hour=10,minute=random.randrange(60))
        else:
            fr=t+dt.timedelta(minutes=random.expovariate(1/60))
        if random.random()<0.03: fr=None  # no reply yet
        if fr: r['first_response']=iso(fr)
    base=dt.datetime.fromisoformat(r.get('answered') or r.get('first_response') or r['created'])
    if random.random()<0.9: r['resolved']=iso(base+dt.timedelta(minutes=random.expovariate(1/300)))
    if random.random()<0.5: r['csat']=random.choices([1,2,3,4,5],[5,5,10,35,45])[0]
    if random.random()<0.2: r['nps']=random.randrange(11)
    if random.random()<0.3: r['effort']=random.randrange(1,6)
    r['customer']=random.choice(customers[s]); r['reason']=random.choice(['booking','change','cancel','invoice','other'])
    rows.append(r)
# complaints
for j in range(300):
    kind=random.choice(['noise','billing','service_failure','service_general'])
    s = 'platinum' if kind=='service_failure' else random.choice(['gold','member','guest','corporate'] if kind=='service_general' else segs)
    c=random.choice([x for x in chan_of[s] if x in ('res_phone','email')] or ['email'])
    t=rand_time(True)
    r={'id':f"K{j:04d}",'segment':s,'channel':c,'created':iso(t),'complaint':kind,'customer':random.choice(customers[s]),'reason':'complaint'}
    if c in live: r['answered']=iso(t+dt.timedelta(seconds=20))
    else: r['first_response']=iso(t+dt.timedelta(minutes=10))
    if kind=='noise':
        r['acknowledged']=iso(t+dt.timedelta(minutes=random.choice([5,10,12,20])))
        res=t+dt.timedelta(minutes=random.choice([40,60,90,150]))
        r['resolved']=iso(res)
        if (res-t)>dt.timedelta(minutes=30): r['escalated']=iso(t+dt.timedelta(minutes=random.choice([25,29,35])))
        r['feedback']=iso(res+dt.timedelta(minutes=5))
    elif kind=='billing':
        r['acknowledged']=iso(t+dt.timedelta(hours=random.choice([1,2,3,6])))
        res=t+dt.timedelta(days=random.choice([2,4,6,8]),hours=random.randrange(0,8))
        r['resolved']=iso(res); r['feedback']=iso(res+dt.timedelta(hours=1))
        r['escalated']=iso(t+dt.timedelta(days=1))
    else:
        r['acknowledged']=iso(t+dt.timedelta(minutes=random.choice([20,40,70])))
        res=t+dt.timedelta(hours=random.choice([5,20,30,60]))
        r['resolved']=iso(res)
        if random.random()<0.8: r['feedback']=iso(res+dt.timedelta(hours=1))
        r['escalated']=iso(t+dt.timedelta(hours=3))
    r['cause']=random.choice(['staff','facility','system'])
    rows.append(r)
# bad rows
bad=[
 {'id':'B1','segment':'diamond','channel':'email','created':'2027-01-12T10:00:00+03:00','first_response':'2027-01-12T10:05:00+03:00'},
 {'id':'B2','segment':'gold','channel':'res_phone','created':'2027-01-12T10:00:00+03:00','answered':'2027-01-12T09:59:00+03:00'},
 {'id':'B3','segment':'gold','channel':'chat','created':'2027-01-12T10:00:00+03:00','answered':'2027-01-12T10:00:10+03:00','csat':'7'},
 {'id':'','segment':'member','channel':'email','created':'2027-01-12T10:00:00+03:00'},
 {'id':'B5','segment':'member','channel':'email','created':'yesterday'},
 {'id':'B6','segment':'member','channel':'fax','created':'2027-01-12T10:00:00+03:00'},
 {'id':'B7','segment':'member','channel':'email','created':'2027-01-12T10:00:00+03:00','complaint':'rude_staff'},
]
cols=['id','segment','channel','created','answered','first_response','resolved','complaint','acknowledged','escalated','feedback','csat','nps','effort','customer','reason','cause']
allrows=rows[:2000]+bad+rows[2000:]
with open('/work/audit4/data/contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,cols); w.writeheader()
    for r in allrows: w.writerow(r)
json.dump(rows,open('/work/audit4/data/contacts_good.json','w'))
# cases
cases=[]
def visit(cid,j,step,t,left=None,**kw):
    d={'case':cid,'journey':j,'step':step,'entered':iso(t)}
    if left: d['left']=iso(left)
    d.update(kw); cases.append(d)
for k in range(400):  # billing disputes
    cid=f"BD{k:04d}"; t=W0+dt.timedelta(days=random.randrange(5),hours=random.randrange(9,18))
    visit(cid,'billing_dispute','dispute_opened',t); t+=dt.timedelta(hours=random.choice([1,2,3,5]))
    visit(cid,'billing_dispute','investigate',t); t+=dt.timedelta(days=random.choice([1,2,3,4]))
    visit(cid,'billing_dispute','decision',t); td=t; t+=dt.timedelta(hours=random.choice([4,10,20,30]))
    if random.random()<0.75:
        t+=dt.timedelta(days=random.choice([1,2,3,4,5]))  # refund processing before "refund_issued" entered
        visit(cid,'billing_dispute','refund_issued',t)
    else:
        visit(cid,'billing_dispute','rejected',t)
for k in range(600):  # stays
    cid=f"ST{k:04d}"; t=W0+dt.timedelta(days=random.randrange(7),hours=random.randrange(13,20),minutes=random.randrange(60))
    visit(cid,'stay','check_in',t,csat=random.choice(['',4,5,3])); t+=dt.timedelta(minutes=random.choice([3,5,8]))
    p=random.random()
    if p<0.6:
        pass
    elif p<0.8:
        visit(cid,'stay','room_not_ready',t); t+=dt.timedelta(minutes=5)
        visit(cid,'stay','upgrade',t); t+=dt.timedelta(minutes=10)
    else:
        visit(cid,'stay','room_not_ready',t); t+=dt.timedelta(minutes=5)
        visit(cid,'stay','wait_lounge',t,effort=4); t+=dt.timedelta(minutes=random.choice([20,40,70]))
        visit(cid,'stay','prepare_room',t); t+=dt.timedelta(minutes=random.choice([20,45,80]))
    visit(cid,'stay','room_assigned',t); t+=dt.timedelta(minutes=4)
    visit(cid,'stay','in_stay',t); t+=dt.timedelta(hours=random.choice([20,44]))
    if random.random()<0.15:
        visit(cid,'stay','noise_complaint',t); t+=dt.timedelta(minutes=10)
        visit(cid,'stay','noise_fixed',t); t+=dt.timedelta(minutes=20)
        visit(cid,'stay','in_stay',t); t+=dt.timedelta(hours=10)
    if random.random()<0.03:  # deviation: check_out straight from room_assigned? put a jump
        visit(cid,'stay','check_out',t)
    else:
        visit(cid,'stay','check_out',t)
# a few bad case rows
cases.append({'case':'X1','journey':'stay','step':'spa','entered':'2027-01-12T10:00:00+03:00'})
cases.append({'case':'X2','journey':'wedding','step':'x','entered':'2027-01-12T10:00:00+03:00'})
cases.append({'case':'X3','journey':'stay','step':'check_in','entered':'2027-01-12T10:00:00+03:00','csat':'9'})
with open('/work/audit4/data/cases.csv','w',newline='') as f:
    w=csv.DictWriter(f,['case','journey','step','entered','left','csat','effort']); w.writeheader()
    for r in cases: w.writerow(r)
print(len(allrows),len(cases))
