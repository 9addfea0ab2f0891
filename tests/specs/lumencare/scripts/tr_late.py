import sys; sys.path.insert(0,'/work/audit18/scripts')
from tr_sim import *
import collections
for w0 in [datetime(2027,1,4,tzinfo=timezone.utc), datetime(2027,7,5,tzinfo=timezone.utc), datetime(2026,12,21,tzinfo=timezone.utc)]:
    c = collections.Counter()
    for h in range(7*48):
        t = w0 + timedelta(minutes=30*h)
        for s,ch,tg in [('life_support','phone',20),('private','phone',90),('hospital','phone',30),('insured','email',14400)]:
            q, age, prio, f = route({'segment':s,'channel':ch}, t)
            if age is None or age > tg: c[(s,ch,t.astimezone(W).strftime('%a %Y-%m-%d'))]+=1
    print(w0.date(), dict(c))
# queue reached and priority per hour for life_support phone in Jan week
for h in range(0,48*7,6):
    t = datetime(2027,1,4,tzinfo=timezone.utc)+timedelta(minutes=30*h)
    print(t.astimezone(W).strftime('%a %H:%M WAW'), [route({'segment':s,'channel':'phone'},t)[:2] for s in ['life_support','hospital','private']])
