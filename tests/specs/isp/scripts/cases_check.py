import csv, datetime as dt, statistics
from collections import defaultdict
rows=[];bad=0
WITHIN={"заявка":3600,"проверка":4*3600,"отказ":86400,"согласование":86400,"визит":2*86400,"перенос":4*3600,"неудачный":86400,"активация":7200}
STEPS=set(WITHIN)|{"оценка"}
for r in csv.DictReader(open("/work/audit11/data/cases.csv")):
    try:
        assert r['journey']=="подключение" and r['step'] in STEPS
        r['t']=dt.datetime.fromisoformat(r['entered'].replace("Z","+00:00")); assert r['t'].tzinfo
        rows.append(r)
    except Exception: bad+=1
print("good",len(rows),"bad",bad)
END=max(r['t'] for r in rows)
cases=defaultdict(list)
for r in rows: cases[r['case']].append(r)
NEXT={"заявка":{"проверка"},"проверка":{"согласование","отказ"},"согласование":{"визит"},"визит":{"активация","перенос","неудачный"},"перенос":{"визит"},"неудачный":{"согласование","отказ"},"активация":{"оценка"}}
dur=defaultdict(list); kept=n=0; stopped_open=[]
dev=0
for cid,vs in cases.items():
    vs.sort(key=lambda r:(r['t'],r['step']))
    for a,b in zip(vs,vs[1:]):
        dur[a['step']].append((b['t']-a['t']).total_seconds())
    if any(b['step'] not in NEXT.get(a['step'],set()) for a,b in zip(vs,vs[1:])): dev+=1
    # promise from first согласование to first оценка after it, 3d wall clock
    ia=[i for i,v in enumerate(vs) if v['step']=="согласование"]
    if ia:
        t0=vs[ia[0]]['t']
        tb=[v['t'] for v in vs[ia[0]:] if v['step']=="оценка"]
        if tb:
            n+=1; kept+=(tb[0]-t0).total_seconds()<=3*86400
        else:
            stopped_open.append((cid,(END-t0).total_seconds()/86400))
print("deviating cases",dev)
for s,ds in dur.items():
    ds.sort(); late=sum(d>WITHIN.get(s,1e18) for d in ds)
    print(s,"visits with a next:",len(ds),"late",late,"median %.0f min"%(statistics.median(ds)/60))
print("promise kept",kept,"/",n,"= %.2f%%"%(100*kept/n))
print("cases that reached согласование but never оценка (days since entering согласование at export end):",stopped_open)
