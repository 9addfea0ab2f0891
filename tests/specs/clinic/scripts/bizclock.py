"""Independent business clock: running seconds between instants on a calendar, and N-wd deadlines."""
import datetime as dt
from zoneinfo import ZoneInfo
L = ZoneInfo('Europe/London')
ENG = dict(tz=L, week={0:[(8,20)],1:[(8,20)],2:[(8,20)],3:[(8,20)],4:[(8,20)],5:[(9,17)],6:[]},
           closed={dt.date(2026,12,25),dt.date(2026,12,28),dt.date(2027,1,1),dt.date(2027,3,26),dt.date(2027,3,29),dt.date(2027,5,3),dt.date(2027,5,31),dt.date(2027,8,30),dt.date(2027,12,27),dt.date(2027,12,28)})
SCO = dict(tz=L, week={0:[(8,19)],1:[(8,19)],2:[(8,19)],3:[(8,19)],4:[(8,19)],5:[(9,13)],6:[]},
           closed={dt.date(2026,11,30),dt.date(2026,12,25),dt.date(2026,12,28),dt.date(2027,1,1),dt.date(2027,1,4),dt.date(2027,3,26),dt.date(2027,5,3),dt.date(2027,5,31),dt.date(2027,8,2),dt.date(2027,11,30),dt.date(2027,12,27),dt.date(2027,12,28)})
REL = dict(tz=L, week={0:[(9,17.5)],1:[(9,17.5)],2:[(9,17.5)],3:[(9,17.5)],4:[(9,17.5)],5:[],6:[]}, closed=ENG['closed'])
ALWAYS = dict(tz=L, week={i:[(0,24)] for i in range(7)}, closed=set())

def intervals(cal, d):
    if d in cal['closed']: return []
    out=[]
    for a,b in cal['week'][d.weekday()]:
        s=dt.datetime.combine(d,dt.time(0),tzinfo=cal['tz'])
        # build local wall times, convert to UTC
        def at(h):
            if h>=24: 
                nd=d+dt.timedelta(days=1); return dt.datetime(nd.year,nd.month,nd.day,tzinfo=cal['tz'])
            hh=int(h); mm=int(round((h-hh)*60))
            return dt.datetime(d.year,d.month,d.day,hh,mm,tzinfo=cal['tz'])
        out.append((at(a).astimezone(dt.timezone.utc),at(b).astimezone(dt.timezone.utc)))
    return out

def running(cal, t0, t1):
    """running seconds on cal between t0 and t1 (aware datetimes)."""
    if t1<=t0: return 0.0
    tot=0.0
    d=t0.astimezone(cal['tz']).date()-dt.timedelta(days=1)
    end=t1.astimezone(cal['tz']).date()+dt.timedelta(days=1)
    while d<=end:
        for a,b in intervals(cal,d):
            lo=max(a,t0); hi=min(b,t1)
            if hi>lo: tot+=(hi-lo).total_seconds()
        d+=dt.timedelta(days=1)
    return tot

def add_running(cal, t0, secs):
    """instant when `secs` of running time have passed after t0"""
    d=t0.astimezone(cal['tz']).date()-dt.timedelta(days=1)
    rem=secs
    for _ in range(4000):
        for a,b in intervals(cal,d):
            lo=max(a,t0)
            if b>lo:
                span=(b-lo).total_seconds()
                if span>=rem: return lo+dt.timedelta(seconds=rem)
                rem-=span
        d+=dt.timedelta(days=1)
    raise RuntimeError

def wd_deadline(cal, t0, n):
    d=t0.astimezone(cal['tz']).date()
    k=0
    while True:
        d+=dt.timedelta(days=1)
        iv=intervals(cal,d)
        if iv:
            k+=1
            if k==n: return max(b for a,b in iv)
