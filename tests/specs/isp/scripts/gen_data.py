"""Invent a month (January 2027) of contacts for ИнтерЛинк, with deliberate bad rows."""
import csv, random, datetime as dt
from zoneinfo import ZoneInfo
R = random.Random(20270101)
EKB = ZoneInfo("Asia/Yekaterinburg"); NSK = ZoneInfo("Asia/Novosibirsk"); UTC = dt.timezone.utc
rows = []
def fmt(t, style):
    if t is None: return ""
    if style == "ekb": return t.astimezone(EKB).isoformat(timespec="seconds")
    if style == "nsk": return t.astimezone(NSK).isoformat(timespec="seconds")
    if style == "z": return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "naive": return t.astimezone(EKB).strftime("%Y-%m-%dT%H:%M:%S")
start = dt.datetime(2027,1,1,0,0,tzinfo=EKB)
n = 0
def add(seg, ch, created, answered=None, fr=None, resolved=None, complaint="", ack=None, esc=None, fb=None, csat="", nps="", cust="", reason="", style=None):
    global n
    n += 1
    style = style or R.choice(["ekb","ekb","nsk","z","naive"])
    rows.append(dict(id=f"C{n:05d}", segment=seg, channel=ch, created=fmt(created,style), answered=fmt(answered,style),
        first_response=fmt(fr,style), resolved=fmt(resolved,style), complaint=complaint, acknowledged=fmt(ack,style),
        escalated=fmt(esc,style), feedback=fmt(fb,style), csat=csat, nps=nps, customer=cust, reason=reason))
def rnd_time():
    d = R.randrange(31); h = R.choices(range(24), weights=[1,1,1,1,1,1,2,4,8,10,10,10,9,8,8,8,8,9,11,11,10,9,5,2])[0]
    return start + dt.timedelta(days=d, hours=h, minutes=R.randrange(60), seconds=R.randrange(60))
S = lambda s: dt.timedelta(seconds=s)
for i in range(1400):   # private phone
    c = rnd_time()
    ab = R.random() < 0.07
    w = R.expovariate(1/35)
    ans = None if ab else c + S(int(w))
    res = None if ab else (c + S(int(w)+R.randrange(200,900)) if R.random()<0.7 else c + S(R.randrange(3600, 5*86400)))
    add("частные","телефон",c,answered=ans,resolved=res,csat=str(R.choice([5,5,5,4,4,3,2,1])) if R.random()<0.3 else "",
        nps=str(R.randrange(11)) if R.random()<0.1 else "", cust=f"P{R.randrange(900)}", reason=R.choice(["нет интернета","оплата","ТВ","тариф"]))
for i in range(500):    # private chat
    c = rnd_time(); ab = R.random()<0.04
    ans = None if ab else c + S(int(R.expovariate(1/70)))
    add("частные","чат",c,answered=ans,resolved=(ans + S(R.randrange(300,7200))) if ans else None, csat=str(R.choice([5,4,4,3])) if R.random()<0.3 else "", cust=f"P{R.randrange(900)}")
for i in range(200):    # private email
    c = rnd_time(); fr = c + S(R.randrange(600, 12*3600)) if R.random()<0.97 else None
    add("частные","почта",c,fr=fr,resolved=(fr + S(R.randrange(3600, 3*86400))) if fr else None, cust=f"P{R.randrange(900)}")
for i in range(300):    # business line, business segment
    c = rnd_time(); ab = R.random()<0.03
    add("бизнес","бизнес_линия",c,answered=None if ab else c+S(int(R.expovariate(1/9))), resolved=None if ab else c+S(R.randrange(600,40000)), csat=str(R.choice([5,5,4,4,3])) if R.random()<0.4 else "")
for i in range(80):     # business chat
    c = rnd_time(); add("бизнес","чат",c,answered=c+S(int(R.expovariate(1/30))), resolved=c+S(R.randrange(600,20000)))
for i in range(60):     # business email
    c = rnd_time(); fr = c+S(R.randrange(300, 3*3600)); add("бизнес","почта",c,fr=fr,resolved=fr+S(R.randrange(600,30000)))
for i in range(120):    # corporate line
    c = rnd_time(); add("корпоративные","бизнес_линия",c,answered=c+S(int(R.expovariate(1/6))), resolved=c+S(R.randrange(600,20000)),
        csat=str(R.choice([5,5,5,4,3])) if R.random()<0.5 else "", nps=str(R.choice([10,10,9,9,8,7,6,3])) if R.random()<0.5 else "")
for i in range(40):     # corporate email
    c = rnd_time(); fr=c+S(R.randrange(300,5400)); add("корпоративные","почта",c,fr=fr,resolved=fr+S(R.randrange(600,14000)))
# complaints
for i in range(40):     # претензия (wall clock, 1d / 10d, escalate 5d)
    c = rnd_time(); ack = c+S(R.randrange(3600, 30*3600)); resd = R.randrange(2, 13)
    res = c+dt.timedelta(days=resd, hours=R.randrange(0,8))
    esc = c+dt.timedelta(days=R.choice([4,5,6])) if resd>=5 and R.random()<0.8 else None
    fb = res+S(3600) if R.random()<0.9 else None
    add("частные","почта",c,fr=ack,resolved=res,complaint="претензия",ack=ack,esc=esc,fb=fb)
for i in range(30):     # жалоба_монтаж, office hours Ekb, ack 2h, resolve 3wd, esc 2wd
    c = rnd_time(); ack = c+S(R.randrange(600, 20*3600)); res = c+dt.timedelta(days=R.randrange(1,9), hours=R.randrange(0,6))
    add("частные","телефон",c,answered=c+S(20),resolved=res,complaint="жалоба_монтаж",ack=ack,esc=None,fb=res+S(600))
for i in range(20):     # простой 24x7: ack 30m, resolve 2d, esc 4h
    c = rnd_time(); ack = c+S(R.randrange(300, 3000)); res = c+S(R.randrange(3600, 3*86400))
    esc = c+S(R.randrange(3*3600, 5*3600)) if (res-c).total_seconds()>4*3600 else None
    add(R.choice(["бизнес","корпоративные"]),"бизнес_линия",c,answered=c+S(5),resolved=res,complaint="простой",ack=ack,esc=esc,fb=res+S(900))
# deliberate bad rows
bad = []
c = start + dt.timedelta(days=10, hours=10)
add("vip","телефон",c,answered=c+S(5)); bad.append(("unknown segment", rows[-1]['id']))
add("частные","whatsapp",c,answered=c+S(5)); bad.append(("unknown channel", rows[-1]['id']))
add("частные","телефон",c,answered=c+S(5)); rows[-1]['created']="2027-01-32T10:00:00+05:00"; bad.append(("bad date", rows[-1]['id']))
add("частные","телефон",c,answered=c+S(5),resolved=c-S(3600)); bad.append(("resolved before created", rows[-1]['id']))
add("частные","телефон",c,answered=c-S(30)); bad.append(("answered before created", rows[-1]['id']))
add("частные","чат",c,answered=c+S(30),csat="7"); bad.append(("csat off scale", rows[-1]['id']))
add("бизнес","бизнес_линия",c,answered=c+S(3)); rows[-1]['id']=""; bad.append(("missing id", ""))
add("корпоративные","почта",c,fr=c+S(600),complaint="жалоба_на_тариф"); bad.append(("unknown complaint", rows[-1]['id']))
R.shuffle(rows)
with open("/work/audit11/data/contacts.csv","w",newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(rows)
print(len(rows), "rows;", bad)
