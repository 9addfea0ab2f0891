#!/usr/bin/env python3
"""Contacts export for Kora Remit, 2027-04-01..2027-04-07 (Adelaide DST ends Sun 2027-04-04 03:00 ACDT -> 02:00 ACST).
Offsets are mixed: +05:45 (Kathmandu), +08:00 (Manila), +04:00 (Dubai), +10:30/+09:30 (Adelaide), Z, and some rows
with no offset (read in the calendar's zone). Bad rows are appended and listed in data/bad_rows_expected.txt."""
import csv,random,datetime as dt
from zoneinfo import ZoneInfo
random.seed(17)
UTC=dt.timezone.utc
ZONES=['Asia/Kathmandu','Asia/Manila','Asia/Dubai','Australia/Adelaide','UTC']
def fmt(t,zone,style):
    if style=='naive':   # no offset: written in Adelaide local time (the home zone of `always`)
        return t.astimezone(ZoneInfo('Australia/Adelaide')).strftime('%Y-%m-%dT%H:%M:%S')
    l=t.astimezone(ZoneInfo(zone)) if zone!='UTC' else t
    s=l.isoformat(timespec='seconds')
    return s.replace('+00:00','Z') if zone=='UTC' else s
rows=[]
start=dt.datetime(2027,3,31,14,0,tzinfo=UTC)   # 2027-04-01 00:30 ACDT
chans={'business':['phone','chat','email','app_form'],'frequent':['phone','chat','whatsapp','email','app_form'],'standard':['phone','chat','whatsapp','email','app_form']}
n=0
for i in range(2400):
    seg=random.choices(['business','frequent','standard'],[1,3,6])[0]
    ch=random.choice(chans[seg])
    c=start+dt.timedelta(seconds=random.randint(0,7*86400-1))
    zone=random.choice(ZONES); style='naive' if random.random()<0.1 else 'off'
    r={'id':f'K{i:05d}','segment':seg,'channel':ch,'created':fmt(c,zone,style),'answered':'','first_response':'','resolved':'','csat':''}
    if ch in ('phone','chat'):
        if random.random()<0.93:
            w=random.expovariate(1/40) if seg!='standard' else random.expovariate(1/120)
            r['answered']=fmt(c+dt.timedelta(seconds=int(w)),zone,style)
    else:
        w=random.expovariate(1/(1800 if seg=='business' else 5*3600))
        r['first_response']=fmt(c+dt.timedelta(seconds=int(w)),zone,style)
    if random.random()<0.8:
        r['resolved']=fmt(c+dt.timedelta(seconds=int(random.expovariate(1/(6*3600)))+300),zone,style)
    if random.random()<0.3: r['csat']=random.choice([1,2,3,4,5,5,4])
    rows.append(r)
# DST-edge rows: the repeated hour 02:00-03:00 on 2027-04-04 in Adelaide, written with explicit offsets
edge=[('E1','frequent','phone','2027-04-04T02:30:00+10:30','2027-04-04T02:30:50+10:30'),   # first 02:30 (ACDT) 50 s
      ('E2','frequent','phone','2027-04-04T02:59:40+10:30','2027-04-04T02:00:20+09:30'),   # across the change: 40 s
      ('E3','frequent','phone','2027-04-04T02:10:00+09:30','2027-04-04T02:12:00+09:30'),   # second 02:10 (ACST): 120 s
      ('E4','business','phone','2027-04-04T02:59:50','2027-04-04T02:00:10'),               # naive: 20 s after change -> set aside (before-repeated-hour)
      ('E5','frequent','phone','2027-04-04T07:45:00+05:45','2027-04-04T07:45:30+05:45')]   # Kathmandu +05:45, 30 s
for e in edge:
    rows.append({'id':e[0],'segment':e[1],'channel':e[2],'created':e[3],'answered':e[4],'first_response':'','resolved':'','csat':''})
bad=[{'id':'B1','segment':'vip','channel':'phone','created':'2027-04-02T10:00:00+09:30','answered':'2027-04-02T10:00:05+09:30','first_response':'','resolved':'','csat':''},
     {'id':'B2','segment':'frequent','channel':'fax','created':'2027-04-02T10:00:00+09:30','answered':'','first_response':'2027-04-02T10:05:00+09:30','resolved':'','csat':''},
     {'id':'B3','segment':'frequent','channel':'phone','created':'2027-04-31T10:00:00+09:30','answered':'2027-04-02T10:00:05+09:30','first_response':'','resolved':'','csat':''},
     {'id':'B4','segment':'standard','channel':'chat','created':'2027-04-02T10:00:00+08:00','answered':'2027-04-02T10:00:20+08:00','first_response':'','resolved':'2027-04-02T09:00:00+08:00','csat':''},
     {'id':'B5','segment':'business','channel':'phone','created':'2027-04-02T10:00:00+09:30','answered':'2027-04-02T10:00:05+09:30','first_response':'','resolved':'','csat':'9'},
     {'id':'','segment':'business','channel':'phone','created':'2027-04-02T10:00:00+09:30','answered':'2027-04-02T10:00:05+09:30','first_response':'','resolved':'','csat':''},
     {'id':'B7','segment':'frequent','channel':'phone','created':'2027-04-02 10:00','answered':'yesterday','first_response':'','resolved':'','csat':''},
     {'id':'B8','segment':'business','channel':'phone','created':'2027-04-02T10:00:00+09:30','answered':'2027-04-02T09:59:00+09:30','first_response':'','resolved':'','csat':''}]
rows+=bad
with open('/work/audit17/data/contacts.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['id','segment','channel','created','answered','first_response','resolved','csat']); w.writeheader(); w.writerows(rows)
open('/work/audit17/data/bad_rows_expected.txt','w').write('B1 unknown segment\nB2 unknown channel\nB3 invalid date\nB4 resolved before created\nB5 csat 9\n(no id) missing id\nB7 answered unreadable\nB8 answered before created\nE4 naive time in repeated hour reads earlier than created\n')
print(len(rows),'rows')
