import csv, random, datetime as dt
from zoneinfo import ZoneInfo
R = random.Random(7); EKB=ZoneInfo("Asia/Yekaterinburg"); NSK=ZoneInfo("Asia/Novosibirsk")
H=lambda h: dt.timedelta(hours=h)
rows=[]
def fmt(t):
    s=R.choice(["ekb","nsk","z"])
    if s=="ekb": return t.astimezone(EKB).isoformat(timespec="seconds")
    if s=="nsk": return t.astimezone(NSK).isoformat(timespec="seconds")
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
def case(cid, steps):
    t = dt.datetime(2027,1,11,9,tzinfo=EKB)+dt.timedelta(hours=R.randrange(0,24*18))
    for s,dur in steps:
        rows.append(dict(case=cid,journey="подключение",step=s,entered=fmt(t))); t += H(dur)
for i in range(160):
    kind = R.random()
    base=[("заявка",R.uniform(0.1,1.5)),("проверка",R.uniform(1,6)),("согласование",R.uniform(2,30))]
    if kind<0.6: path=base+[("визит",R.uniform(10,60)),("активация",R.uniform(0.3,3)),("оценка",0)]
    elif kind<0.75: path=base+[("визит",R.uniform(5,20)),("перенос",R.uniform(1,6)),("визит",R.uniform(10,40)),("активация",1),("оценка",0)]
    elif kind<0.85: path=base+[("визит",R.uniform(5,20)),("неудачный",R.uniform(5,30)),("согласование",R.uniform(2,20)),("визит",R.uniform(10,40)),("активация",1),("оценка",0)]
    elif kind<0.92: path=[("заявка",0.5),("проверка",3),("отказ",0)]
    elif kind<0.97: path=base[:3]   # stopped at согласование
    else: path=base+[("визит",20),("оценка",0)]   # deviation: skipped активация
    case(f"K{i:04d}", path)
rows.append(dict(case="K9001",journey="подключение",step="демонтаж",entered="2027-01-15T10:00:00+05:00"))
rows.append(dict(case="K9002",journey="переезд",step="заявка",entered="2027-01-15T10:00:00+05:00"))
rows.append(dict(case="K9003",journey="подключение",step="заявка",entered="15.01.2027 10:00"))
R.shuffle(rows)
with open("/work/audit11/data/cases.csv","w",newline="") as f:
    w=csv.DictWriter(f,fieldnames=["case","journey","step","entered"]); w.writeheader(); w.writerows(rows)
print(len(rows))
