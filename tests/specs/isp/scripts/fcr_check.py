exec(open('measure_check.py').read().split('END = max')[0].replace('print("good"','pass #'))
import datetime as dt
from collections import defaultdict
W=dt.timedelta(days=7)
by=defaultdict(list)
for r in rows:
    if r['customer']: by[r['customer']].append(r)
def fcr(filter_):
    n=met=0
    for r in rows:
        if not filter_(r) or not r['resolved_t']: continue
        if not r['customer']:
            continue
        n+=1
        t0=r['created_t']; lim=(r['resolved_t'] or t0)+W
        rep=False
        for o in by[r['customer']]:
            if o is r: continue
            if t0 < o['created_t'] <= lim:
                if r['reason'] and o['reason'] and r['reason']!=o['reason']: continue
                rep=True;break
        met+= not rep
    return met,n
for label,f in (("role оператор_екб channels телефон/чат/почта",lambda r:r['channel'] in ("телефон","чат","почта")),):
    m,n=fcr(f); print(label, m,n, "%.2f%%"%(100*m/n))
# repeat share for частные
n=rep=0
for r in rows:
    if r['segment']!="частные": continue
    n+=1
    if not r['customer']: continue
    lim=(r['resolved_t'] or r['created_t'])+W
    if any(o is not r and r['created_t']<o['created_t']<=lim for o in by[r['customer']]): rep+=1
print("repeat частные", rep, n, "%.2f%%"%(100*rep/n))
