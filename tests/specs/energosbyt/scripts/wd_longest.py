# longest running time of an N-wd deadline on бэк_офис (Mon-Thu 9h, Fri 8h) with the spec's holidays
from datetime import date, timedelta
HOL={'2026-11-04','2026-12-31'}|{f'2027-01-0{d}' for d in range(1,9)}|{'2027-02-22','2027-02-23','2027-03-08','2027-05-03','2027-05-10','2027-06-14','2027-11-04','2027-11-05'}
def hours(d):
    if d.isoformat() in HOL: return 0
    return {0:9,1:9,2:9,3:9,4:8}.get(d.weekday(),0)
def longest(n, start=date(2026,10,1), end=date(2028,1,31)):
    days=[]; d=start
    while d<end:
        h=hours(d)
        if h: days.append(h)
        d+=timedelta(1)
    return max(sum(days[i:i+n+1]) for i in range(len(days)-n))
for n in (1,2,5,10): print(n,'wd ->',longest(n),'h')
