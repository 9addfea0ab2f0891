#!/usr/bin/env python3
"""Cases export for the two journeys, with a loop (compliance_review -> docs_request -> docs_upload -> compliance_review),
a deviation, a stopped case, a bad row (unknown step) and shuffled rows; expected figures printed."""
import csv,random,datetime as dt
random.seed(5)
UTC=dt.timezone.utc
rows=[]; t0=dt.datetime(2027,4,1,0,0,tzinfo=UTC)
def iso(t): return t.astimezone(dt.timezone(dt.timedelta(hours=5,minutes=45))).isoformat(timespec='seconds')
paths={'clear':['quote','screening','payout'],
       'review':['quote','screening','compliance_review','payout'],
       'loop':['quote','screening','compliance_review','docs_request','docs_upload','compliance_review','payout'],
       'cancel':['quote','screening','compliance_review','docs_request','docs_upload','cancelled'],
       'stuck':['quote','screening','compliance_review','docs_request','docs_upload'],   # stops (docs_upload within 10d)
       'deviate':['quote','payout']}
counts={'clear':60,'review':20,'loop':10,'cancel':5,'stuck':4,'deviate':3}
cid=0; expect={}
for kind,n in counts.items():
    for _ in range(n):
        cid+=1; t=t0+dt.timedelta(minutes=random.randint(0,3*24*60))
        for st in paths[kind]:
            rows.append({'case':f'C{cid}','journey':'send_money','step':st,'entered':iso(t)})
            t+=dt.timedelta(hours=random.choice([0.1,2,5,20]))
        expect[f'C{cid}']=kind
# failed_transfer: 10 cases report->trace->refunded
for i in range(10):
    cid+=1; t=t0+dt.timedelta(hours=i*7)
    for st,h in (('report',0.3),('trace',30),('refunded',10)):
        rows.append({'case':f'C{cid}','journey':'failed_transfer','step':st,'entered':iso(t)}); t+=dt.timedelta(hours=h)
# bad row: unknown step in an otherwise good 'clear' case -> whole case set aside
rows.append({'case':'C1','journey':'send_money','step':'teleport','entered':rows[0]['entered']})
random.shuffle(rows)
with open('/work/audit17/data/cases.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['case','journey','step','entered']); w.writeheader(); w.writerows(rows)
sm={k:v for k,v in expect.items()}
good={k:v for k,v in sm.items() if k!='C1'}
print('send_money cases kept:',len(good),'(C1 set aside)')
print('deviating cases:',sum(v=='deviate' for v in good.values()))
print('stopped/under way at docs_upload:',sum(v=='stuck' for v in good.values()))
