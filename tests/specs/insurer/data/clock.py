# independent business clock: open intervals per calendar, running time and working-day deadlines
import datetime as dt
from zoneinfo import ZoneInfo
UTC=dt.timezone.utc
CAL={
 'uk_office':dict(tz='Europe/London',week={0:[(8,0,20,0)],1:[(8,0,20,0)],2:[(8,0,20,0)],3:[(8,0,20,0)],4:[(8,0,20,0)],5:[(9,0,17,0)]},
   closed={'2026-12-25','2026-12-26','2026-12-28'}),
 'uk_business_days':dict(tz='Europe/London',week={d:[(9,0,17,30)] for d in range(5)},closed={'2026-12-25','2026-12-28'}),
 'gold_hours':dict(tz='Europe/London',week={d:[(7,0,22,0)] for d in range(7)},closed={'2026-12-25'}),
 'ie_office':dict(tz='Europe/Dublin',week={d:[(8,0,18,0)] for d in range(5)},closed={'2026-10-26','2026-12-25','2026-12-28'}),
 'kalendarz_pl':dict(tz='Europe/Warsaw',week={**{d:[(8,0,18,0)] for d in range(5)},5:[(9,0,14,0)]},
   closed={'2026-11-01','2026-11-11','2026-12-24','2026-12-25','2026-12-26'}),
}
def day_intervals(cal, day):
    c=CAL[cal]; z=ZoneInfo(c['tz'])
    if day.isoformat() in c['closed']: return []
    out=[]
    for (h1,m1,h2,m2) in c['week'].get(day.weekday(),[]):
        a=dt.datetime(day.year,day.month,day.day,h1,m1,tzinfo=z).astimezone(UTC)
        if h2==24: b=dt.datetime.combine(day+dt.timedelta(1),dt.time(0),tzinfo=z).astimezone(UTC)
        else: b=dt.datetime(day.year,day.month,day.day,h2,m2,tzinfo=z).astimezone(UTC)
        out.append((a,b))
    return out
def running(cal, t0, t1):
    if cal is None: return (t1-t0).total_seconds()
    z=ZoneInfo(CAL[cal]['tz']); s=0.0
    d=t0.astimezone(z).date()-dt.timedelta(1); end=t1.astimezone(z).date()+dt.timedelta(1)
    while d<=end:
        for a,b in day_intervals(cal,d):
            lo=max(a,t0); hi=min(b,t1)
            if hi>lo: s+=(hi-lo).total_seconds()
        d+=dt.timedelta(1)
    return s
def wd_due(cal, t0, n):
    z=ZoneInfo(CAL[cal]['tz']); d=t0.astimezone(z).date(); k=0
    while True:
        d+=dt.timedelta(1)
        iv=day_intervals(cal,d)
        if iv:
            k+=1
            if k==n: return max(b for a,b in iv)
