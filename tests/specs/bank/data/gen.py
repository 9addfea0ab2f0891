import random, csv, datetime as dt
R=random.Random(42)
MSK=dt.timezone(dt.timedelta(hours=3))
T0=dt.datetime(2027,2,1,tzinfo=MSK)
def iso(t): return t.isoformat()
rows=[]; n=0
def add(seg,ch,created,**kw):
    global n; n+=1
    r=dict(id=f"C{n:05d}",segment=seg,channel=ch,created=iso(created))
    for k,v in kw.items(): r[k]=iso(v) if isinstance(v,dt.datetime) else v
    rows.append(r); return r
def rand_time(day0=0,days=14,h0=0,h1=24):
    d=R.randrange(day0,days); s=R.uniform(h0*3600,h1*3600-1)
    return T0+dt.timedelta(days=d,seconds=int(s))
cust=lambda seg: f"{seg[:2]}{R.randrange(1,400 if seg!='массовый' else 900)}"
def live(seg,ch,cnt,h0,h1,mean_wait,abandon,csat_hi):
    for _ in range(cnt):
        c=rand_time(h0=h0,h1=h1); r={}
        if R.random()<abandon: a=None
        else:
            w=R.expovariate(1/mean_wait); a=c+dt.timedelta(seconds=int(w))
        res=(a or c)+dt.timedelta(minutes=R.randrange(2,30)) if a and R.random()<0.9 else None
        cs=R.choice([4,5,5]) if R.random()<csat_hi else R.choice([1,2,3])
        kw=dict(customer=cust(seg),reason=R.choice(["карта","перевод","кредит","приложение"]))
        if a: kw['answered']=a
        if res: kw['resolved']=res
        if R.random()<0.4: kw['csat']=cs
        add(seg,ch,c,**kw)
def mail(seg,ch,cnt,mean_h):
    for _ in range(cnt):
        c=rand_time()
        fr=c+dt.timedelta(seconds=int(R.expovariate(1/(mean_h*3600))))
        res=fr+dt.timedelta(hours=R.uniform(0,60))
        kw=dict(customer=cust(seg),first_response=fr,resolved=res)
        if R.random()<0.4: kw['csat']=R.choice([2,3,4,5,5])
        add(seg,ch,c,**kw)
live('приват','линия_private',300,7,22.9,8,0.02,0.92)
live('приват','чат',100,7,22.9,15,0.01,0.9)
mail('приват','почта',50,1.5)
mail('приват','whatsapp',50,0.05)
live('премиум','телефон',500,0,24,12,0.03,0.85)
live('премиум','чат',300,0,24,30,0.02,0.85)
mail('премиум','почта',100,3)
live('массовый','телефон',800,0,24,35,0.06,0.8)
live('массовый','чат',500,0,24,50,0.04,0.8)
mail('массовый','почта',200,10)
live('мсб','телефон',150,0,24,35,0.05,0.8)
mail('мсб','почта',50,10)
# complaints
for i in range(60):   # written complaints by e-mail, mass
    c=rand_time(days=10); ack=c+dt.timedelta(hours=R.uniform(1,40))
    res=c+dt.timedelta(days=R.uniform(2,25)); kw=dict(complaint='письменная',acknowledged=ack,first_response=ack,customer=cust('массовый'),cause=R.choice(['комиссия','сроки','грубость']))
    if res< T0+dt.timedelta(days=14): kw['resolved']=res; kw['feedback']=res
    add('массовый','почта',c,**kw)
for i in range(40):   # fraud by phone
    seg=R.choice(['премиум','массовый','мсб']); c=rand_time()
    a=c+dt.timedelta(seconds=R.randrange(5,120)); ack=c+dt.timedelta(minutes=R.uniform(2,25))
    res=c+dt.timedelta(minutes=R.uniform(20,180)); kw=dict(complaint='мошенничество',answered=a,acknowledged=ack,resolved=res,feedback=res,customer=cust(seg))
    if res-c>dt.timedelta(minutes=30) and R.random()<0.7: kw['escalated']=c+dt.timedelta(minutes=R.uniform(25,40))
    add(seg,'телефон',c,**kw)
for i in range(30):
    seg=R.choice(['премиум','массовый']); c=rand_time()
    a=c+dt.timedelta(seconds=R.randrange(5,90)); ack=c+dt.timedelta(minutes=R.uniform(5,200))
    kw=dict(complaint='обслуживание',answered=a,acknowledged=ack,resolved=c+dt.timedelta(days=R.uniform(0.5,5)),customer=cust(seg))
    add(seg,'чат',c,**kw)
good=len(rows)
# bad rows
for i in range(5): add('vip','телефон',rand_time(),answered=rand_time())
for i in range(3):
    r=add('массовый','телефон',rand_time()); r['created']='вчера'
for i in range(4):
    c=rand_time(); add('премиум','телефон',c,answered=c-dt.timedelta(minutes=5))
for i in range(3):
    c=rand_time(); add('массовый','чат',c,answered=c+dt.timedelta(seconds=10),csat=7)
for i in range(2):
    r=add('мсб','телефон',rand_time()); r['id']=''
for i in range(2):
    c=rand_time(); add('массовый','почта',c,complaint='жалоба_на_всё',first_response=c+dt.timedelta(hours=1))
R.shuffle(rows)
cols=['id','segment','channel','created','answered','first_response','resolved','complaint','acknowledged','escalated','feedback','csat','nps','effort','customer','reason','cause']
with open('/work/audit5/data/contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=cols); w.writeheader(); w.writerows(rows)
print('contacts',len(rows),'good',good)
# cases: card reissue
cases=[]
def visit(case,j,s,t,**kw): cases.append(dict(case=case,journey=j,step=s,entered=iso(t),**{k:v for k,v in kw.items()}))
for i in range(400):
    cid=f"K{i:04d}"; t=rand_time(days=10)
    path=['блокировка','проверка_операций','заказ_карты','изготовление','доставка']
    loops=1 if R.random()<0.15 else 0
    durs={'блокировка':R.uniform(3,25)*60,'проверка_операций':R.uniform(0.2,3)*3600,'заказ_карты':R.uniform(0.2,1.5)*86400,
          'изготовление':R.uniform(0.5,3)*86400,'доставка':R.uniform(0.3,2.5)*86400,'повторная_доставка':R.uniform(0.1,1.2)*86400}
    for s in path:
        visit(cid,'перевыпуск_карты',s,t, csat=R.choice(['',4,5,3]) ); t+=dt.timedelta(seconds=durs[s])
    for _ in range(loops):
        visit(cid,'перевыпуск_карты','повторная_доставка',t); t+=dt.timedelta(seconds=durs['повторная_доставка'])
        visit(cid,'перевыпуск_карты','доставка',t); t+=dt.timedelta(seconds=R.uniform(0.3,2)*86400)
    if R.random()<0.05:   # deviation: skip активация? go back to заказ
        visit(cid,'перевыпуск_карты','заказ_карты',t); t+=dt.timedelta(days=1)
    if R.random()<0.93: visit(cid,'перевыпуск_карты','активация',t)
for i in range(100):
    cid=f"D{i:04d}"; t=rand_time(days=5)
    visit(cid,'чарджбэк','заявление',t); t+=dt.timedelta(hours=R.uniform(1,30))
    visit(cid,'чарджбэк','проверка_документов',t); t+=dt.timedelta(days=R.uniform(0.5,4))
    if R.random()<0.3:
        visit(cid,'чарджбэк','запрос_документов',t,effort=R.choice([4,5])); t+=dt.timedelta(days=R.uniform(1,8))
        visit(cid,'чарджбэк','проверка_документов',t); t+=dt.timedelta(days=R.uniform(0.5,2))
    visit(cid,'чарджбэк','подача_в_мпс',t)
# bad case rows
visit('X1','перевыпуск_карты','телепортация',T0)
visit('X2','ипотека','подача',T0)
visit('X3','кредит','подача','not-a-time') if False else cases.append(dict(case='X3',journey='кредит',step='подача',entered='not-a-time'))
with open('/work/audit5/data/cases.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['case','journey','step','entered','left','csat','effort']); w.writeheader(); w.writerows(cases)
print('cases rows',len(cases))
