#!/usr/bin/env python3
"""Independent recomputation of cxc measure figures from data/contacts.csv and data/cases.csv."""
import csv, datetime as dt, collections, json
from zoneinfo import ZoneInfo
MSK=ZoneInfo("Europe/Moscow")
RU_HOL={dt.date(2026,11,4)}
P=dt.datetime.fromisoformat
def wd_deadline(a,n):
    d=a.astimezone(MSK).date(); k=0
    while True:
        d+=dt.timedelta(days=1)
        if d.weekday()<5 and d not in RU_HOL:
            k+=1
            if k==n: return dt.datetime(d.year,d.month,d.day,18,tzinfo=MSK)
rows=list(csv.DictReader(open('/work/audit8/data/contacts.csv')))
good=[]
SEG={'продавцы_маркетплейсов','корпоративные_клиенты','частные_отправители','получатели'}
CH={'телефон','чат_в_приложении','телеграм_бот','электронная_почта','пункт_выдачи','курьер_у_двери','чат_Алматы','почта_хаба_Варшава'}
for r in rows:
    try: c=P(r['created'])
    except: continue
    if r['segment'] not in SEG or r['channel'] not in CH: continue
    if r['resolved'] and P(r['resolved'])<c: continue
    if r['csat'] and not (1<=int(r['csat'])<=5): continue
    good.append(r)
END=max(P(v) for r in good for k,v in r.items() if k in('created','answered','first_response','resolved','acknowledged','escalated','feedback') and v)
out={}
def share(name,sel,ok):
    s=[r for r in good if sel(r)]; k=sum(1 for r in s if ok(r)); out[name]=(k,len(s),round(100*k/len(s),1))
secs=lambda a,b:(P(b)-P(a)).total_seconds()
share('b2b phone 90/20s',lambda r:r['segment']=='продавцы_маркетплейсов' and r['channel']=='телефон',lambda r:r['answered'] and secs(r['created'],r['answered'])<=20)
def res_ok(r,lim):
    if r['resolved']: return secs(r['created'],r['resolved'])<=lim
    return False
def res_counted(r,lim):
    return bool(r['resolved']) or (END-P(r['created'])).total_seconds()>lim
share('b2b resolution 4h',lambda r:r['segment']=='продавцы_маркетплейсов' and res_counted(r,4*3600),lambda r:res_ok(r,4*3600))
share('private resolution 3d',lambda r:r['segment']=='частные_отправители' and res_counted(r,3*86400),lambda r:res_ok(r,3*86400))
def corp_ok(r):
    return r['resolved'] and P(r['resolved'])<=wd_deadline(P(r['created']),2)
share('corp resolution 2wd',lambda r:r['segment']=='корпоративные_клиенты',corp_ok)
share('almaty chat private 3m',lambda r:r['segment']=='частные_отправители' and r['channel']=='чат_Алматы',lambda r:r['answered'] and secs(r['created'],r['answered'])<=180)
share('b2b csat 4-5',lambda r:r['segment']=='продавцы_маркетплейсов' and r['csat'],lambda r:int(r['csat'])>=4)
share('private csat 4-5',lambda r:r['segment']=='частные_отправители' and r['csat'],lambda r:int(r['csat'])>=4)
# cases
cr=list(csv.DictReader(open('/work/audit8/data/cases.csv')))
byc=collections.defaultdict(list)
for r in cr:
    if r['journey']!='доставка_отправления' or r['step']=='таможня': continue
    byc[r['case']].append(r)
team={'приём_отправления':'ПВЗ','попытка_вручения':'кур','согласование_новой_даты_доставки_с_получателем':'КЦ','вручение':'кур'}
late_priem=0;n_priem=0;hp=0;stop_sort=0;reach_sort=0
for c,v in byc.items():
    v.sort(key=lambda r:P(r['entered']))
    for i,r in enumerate(v):
        if r['step']=='приём_отправления':
            n_priem+=1
            if i+1<len(v) and secs(r['entered'],v[i+1]['entered'])>4*3600: late_priem+=1
        if r['step']=='сортировка':
            reach_sort+=1
            if i==len(v)-1: stop_sort+=1
    seq=[team[r['step']] for r in v if r['step'] in team]
    ch=sum(1 for a,b in zip(seq,seq[1:]) if a!=b)
    if ch>3: hp+=1
out['step-late приём >4h']=(late_priem,n_priem)
out['hot-potato cases >3 changes']=(hp,len(byc))
out['stopped at сортировка / reached']=(stop_sort,reach_sort)
out['export end']=str(END)
for k,v in out.items(): print(k,v)
