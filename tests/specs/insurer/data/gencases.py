import random, csv, datetime as dt
R=random.Random(7)
UTC=dt.timezone.utc
rows=[]; truth=[]
def iso(t): return t.strftime('%Y-%m-%dT%H:%M:%SZ')
T0=dt.datetime(2026,10,19,8,0,tzinfo=UTC)
H=lambda h: dt.timedelta(hours=h)
for i in range(400):
    t=T0+dt.timedelta(hours=R.uniform(0,24*20))
    r=R.random()
    if r<0.70: path=['fnol','triage','adjuster_visit','estimate','repair','settlement']
    elif r<0.80: path=['fnol','triage','adjuster_visit','estimate','adjuster_visit','estimate','repair','settlement']
    elif r<0.85: path=['fnol','triage','fraud_review','declined']
    elif r<0.90: path=['fnol','estimate','repair','settlement']      # deviation: skipped triage
    elif r<0.95: path=['fnol','triage','adjuster_visit','estimate']   # stopped / under way
    else: path=['fnol','triage','courtesy_car','adjuster_visit','estimate','repair','settlement']
    dur={'fnol':0.5,'triage':3,'adjuster_visit':50,'estimate':30,'repair':200,'settlement':30,'fraud_review':150,'declined':20,'courtesy_car':15}
    visits=[]
    for s in path:
        d=dur[s]*R.uniform(0.5,1.6)
        visits.append((s,t)); t=t+H(d)
    for s,e in visits:
        rows.append(dict(case=f'M{i:04d}',journey='motor_claim',step=s,entered=iso(e)))
    truth.append((f'M{i:04d}',path,visits))
for i in range(100):
    t=dt.datetime(2026,10,20,7,0,tzinfo=UTC)+dt.timedelta(hours=R.uniform(0,24*14))
    path=['zgłoszenie','oględziny','wycena','naprawa','wypłata'] if R.random()<0.85 else ['zgłoszenie','oględziny','wycena','oględziny','wycena','naprawa','wypłata']
    dur={'zgłoszenie':0.7,'oględziny':60,'wycena':40,'naprawa':250,'wypłata':30}
    for s in path:
        rows.append(dict(case=f'P{i:04d}',journey='szkoda_pl',step=s,entered=iso(t))); t+=H(dur[s]*R.uniform(0.5,1.6))
rows.append(dict(case='X1',journey='motor_claim',step='towing',entered='2026-10-21T10:00:00Z'))
rows.append(dict(case='X2',journey='home_claim',step='report',entered='2026-10-21T10:00:00Z'))
rows.append(dict(case='X3',journey='motor_claim',step='fnol',entered='yesterday'))
R.shuffle(rows)
with open('cases.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['case','journey','step','entered']); w.writeheader(); w.writerows(rows)
import pickle; pickle.dump(truth,open('cases_truth.pkl','wb'))
print(len(rows))
