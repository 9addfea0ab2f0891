# F10: cases going from entering fnol to leaving courtesy_car (= entering the next step) in more than 24 h
import csv, datetime as dt
from collections import defaultdict
by=defaultdict(list)
for r in csv.DictReader(open('cases_sorted.csv')):
    if r['journey']=='motor_claim' and r['entered']!='yesterday': by[r['case']].append((r['entered'],r['step']))
n=late=0
for c,v in by.items():
    v.sort(); steps=[s for _,s in v]
    if 'courtesy_car' in steps:
        i=steps.index('courtesy_car'); t0=dt.datetime.fromisoformat(v[0][0].replace('Z','+00:00')); t1=dt.datetime.fromisoformat(v[i+1][0].replace('Z','+00:00'))
        n+=1; late+= (t1-t0)>dt.timedelta(hours=24)
print(n,late)
