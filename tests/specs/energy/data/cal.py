# Independent calendar arithmetic (running time, working-day deadlines) for the audit7 spec.
import datetime as dt
from zoneinfo import ZoneInfo
UTC=dt.timezone.utc
def D(s): return dt.date.fromisoformat(s)
NSW=[D(x) for x in "2026-12-25 2026-12-28 2027-01-01 2027-01-26 2027-03-26 2027-03-27 2027-03-29 2027-04-26 2027-06-14 2027-08-02 2027-10-04 2027-12-27 2027-12-28".split()]
SA=[D(x) for x in "2026-12-24 2026-12-25 2026-12-28 2026-12-31 2027-01-01 2027-01-26 2027-03-08 2027-03-26 2027-03-27 2027-03-29 2027-04-26 2027-06-14 2027-10-04".split()]
PH=[D(x) for x in "2026-12-25 2026-12-30 2027-01-01 2027-03-25 2027-03-26 2027-04-09 2027-06-12".split()]
class Cal:
    def __init__(s, tz, week, closed=()):
        s.tz=ZoneInfo(tz) if tz else None; s.week=week; s.closed=set(closed)  # week: weekday-> [(h1,m1,h2,m2)]
    def day_intervals(s, day):
        if s.tz is None: # 24x7
            return [(dt.datetime.combine(day,dt.time(0),UTC), dt.datetime.combine(day+dt.timedelta(1),dt.time(0),UTC))]
        if day in s.closed: return []
        out=[]
        for (a,b,c,d_) in s.week.get(day.weekday(),[]):
            st=dt.datetime.combine(day,dt.time(a,b),s.tz)
            en=dt.datetime.combine(day+dt.timedelta(1),dt.time(0),s.tz) if (c,d_)==(24,0) else dt.datetime.combine(day,dt.time(c,d_),s.tz)
            out.append((st.astimezone(UTC),en.astimezone(UTC)))
        return out
    def local_date(s, t):
        return t.astimezone(s.tz).date() if s.tz else t.astimezone(UTC).date()
    def running(s, t0, t1):
        if t1<=t0: return 0.0
        if s.tz is None: return (t1-t0).total_seconds()
        tot=0.0; day=s.local_date(t0)-dt.timedelta(1)
        while True:
            for a,b in s.day_intervals(day):
                lo=max(a,t0); hi=min(b,t1)
                if hi>lo: tot+=(hi-lo).total_seconds()
            if dt.datetime.combine(day,dt.time(0),s.tz).astimezone(UTC) > t1: break
            day+=dt.timedelta(1)
        return tot
    def wd_deadline(s, t0, n):
        day=s.local_date(t0); k=0
        while True:
            day+=dt.timedelta(1)
            iv=s.day_intervals(day)
            if iv:
                k+=1
                if k==n: return max(b for a,b in iv)
    def add_running(s, t0, secs):
        # instant when `secs` of running time have elapsed after t0 (for "met until clock reopens" use: met iff running(t0,t)<=secs)
        raise NotImplementedError
def wk(spec):  # {'mon-fri': (7,0,22,0), ...}
    names=['mon','tue','wed','thu','fri','sat','sun']; out={}
    for k,v in spec.items():
        a,b=k.split('-') if '-' in k else (k,k)
        for i in range(names.index(a), names.index(b)+1): out.setdefault(i,[]).append(v)
    return out
ALWAYS=Cal(None,{})
SYD_CUST=Cal("Australia/Sydney", wk({'mon-fri':(7,0,22,0),'sat-sun':(8,0,18,0)}), NSW)
SYD_BUS=Cal("Australia/Sydney", wk({'mon-fri':(8,30,17,30)}), NSW)
ADL=Cal("Australia/Adelaide", wk({'mon-fri':(8,30,17,0)}), SA)
MNL=Cal("Asia/Manila", wk({'mon-sun':(4,0,21,0)}), PH)
