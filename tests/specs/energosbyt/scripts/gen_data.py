"""A month (November 2026) of contact-centre exports for Энергосбыт Урал-Сибирь, with deliberate bad rows."""
import csv, random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
random.seed(14)
TZ = {'екб': ZoneInfo('Asia/Yekaterinburg'), 'омск': ZoneInfo('Asia/Omsk'), 'нск': ZoneInfo('Asia/Novosibirsk')}
rows = []; n = 0
def iso(dt): return dt.isoformat(timespec='seconds')
def add(**k):
    global n; n += 1
    r = {'id': f'C{n:06d}', 'segment': '', 'channel': '', 'created': '', 'answered': '', 'first_response': '', 'resolved': '',
         'complaint': '', 'acknowledged': '', 'escalated': '', 'feedback': '', 'csat': '', 'customer': '', 'reason': ''}
    r.update(k); rows.append(r); return r
segs = ['население']*80 + ['юрлица']*10 + ['должники']*7 + ['уязвимые']*3
for day in range(1, 31):
    for city in ['екб', 'омск', 'нск']:
        d = datetime(2026, 11, day, tzinfo=TZ[city])
        wd = d.weekday()
        if d.date().isoformat() == '2026-11-04' or wd == 6: continue
        open_h, close_h = (8, 20) if wd < 5 else (9, 15)
        for _ in range(random.randint(18, 26) if wd < 5 else 8):
            seg = random.choice(segs)
            c = d + timedelta(hours=open_h, seconds=random.randint(0, (close_h-open_h)*3600 - 600))
            wait = random.expovariate(1/35) if seg in ('уязвимые','юрлица') else random.expovariate(1/45)
            ans = '' if random.random() < 0.06 else iso(c + timedelta(seconds=int(wait)))
            res = iso(c + timedelta(minutes=random.randint(3, 30))) if ans else ''
            cs = random.choice(['5','5','4','4','3','2','5','']) if ans else ''
            add(segment=seg, channel=f'телефон_{city}', created=iso(c), answered=ans, resolved=res, csat=cs,
                customer=f'ЛС{random.randint(1,400):05d}', reason=random.choice(['показания','оплата','начисление']))
# emergency line 24x7, times in Yekaterinburg with offsets
for day in range(1, 31):
    base = datetime(2026, 11, day, tzinfo=TZ['екб'])
    for _ in range(30):
        seg = random.choice(segs)
        c = base + timedelta(seconds=random.randint(0, 86399))
        wait = random.expovariate(1/8) if seg == 'уязвимые' else random.expovariate(1/14)
        ans = '' if random.random() < 0.03 else iso(c + timedelta(seconds=int(wait)))
        add(segment=seg, channel='аварийная_линия', created=iso(c), answered=ans, customer=f'ЛС{random.randint(1,400):05d}', reason='отключение')
# e-mail: first response on back-office calendar, in working days; some arrive at night/weekend
for i in range(300):
    seg = random.choice(segs)
    c = datetime(2026, 11, 1, tzinfo=TZ['екб']) + timedelta(seconds=random.randint(0, 28*86400))
    fr = c + timedelta(hours=random.choice([2, 5, 20, 30, 50, 70, 100]))
    res = fr + timedelta(hours=random.choice([1, 24, 72, 200]))
    add(segment=seg, channel='электронная_почта', created=iso(c), first_response=iso(fr), resolved=iso(res), customer=f'ЛС{random.randint(1,400):05d}', reason='начисление')
# written complaints (letters): 30 calendar days by law
for i in range(60):
    seg = random.choice(segs)
    c = datetime(2026, 10, 20, 9, tzinfo=TZ['екб']) + timedelta(hours=random.randint(0, 30*24))
    ack = c + timedelta(days=random.choice([1, 2, 2, 4]))
    res = c + timedelta(days=random.choice([10, 20, 25, 29, 33]))
    esc = c + timedelta(days=19) if (res - c).days > 20 else None
    add(segment=seg, channel='письмо', created=iso(c), first_response=iso(ack), complaint='письменная_жалоба', acknowledged=iso(ack),
        escalated=iso(esc) if esc else '', resolved=iso(res), feedback=iso(res + timedelta(hours=2)), customer=f'ЛС{random.randint(1,400):05d}')
# deliberate bad rows
add(segment='население', channel='телефон_екб', created='2026-11-31T10:00:00+05:00', answered='2026-11-31T10:00:20+05:00')  # impossible date
add(segment='пенсионеры', channel='телефон_екб', created='2026-11-10T10:00:00+05:00', answered='2026-11-10T10:00:20+05:00')  # unknown segment
add(segment='население', channel='viber', created='2026-11-10T10:00:00+05:00', answered='2026-11-10T10:00:20+05:00')  # unknown channel
add(segment='население', channel='телефон_екб', created='2026-11-10T10:00:00+05:00', answered='2026-11-10T09:59:00+05:00')  # answered before created
add(segment='юрлица', channel='телефон_омск', created='2026-11-12T11:00:00+06:00', answered='2026-11-12T11:00:05+06:00', resolved='2026-11-12T10:00:00+06:00')  # resolved before created
add(segment='население', channel='телефон_нск', created='2026-11-12T11:00:00+07:00', answered='2026-11-12T11:00:05+07:00', csat='7')  # csat off scale
add(segment='', channel='телефон_нск', created='2026-11-12T11:00:00+07:00', answered='2026-11-12T11:00:05+07:00')  # missing segment
add(segment='уязвимые', channel='аварийная_линия', created='12.11.2026 23:30', answered='12.11.2026 23:30:10')  # Russian date format
add(segment='население', channel='письмо', created='2026-11-05T10:00:00+05:00', complaint='жалоба_на_всё', resolved='2026-11-06T10:00:00+05:00')  # unknown complaint
r = add(segment='Население', channel='Телефон_ЕКБ', created='2026-11-13T10:00:00+05:00', answered='2026-11-13T10:00:30+05:00')  # case variant: export name?
rows[-1]['id'] = 'C_CASE'
with open('/work/audit14/data/обращения_ноябрь.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(rows)
print(len(rows), 'rows')
