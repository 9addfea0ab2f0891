import csv, random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
random.seed(16)
MSK = ZoneInfo('Europe/Moscow')
rows = []
def iso(t): return t.isoformat(timespec='seconds') if t else ''
cid = 0
segs = [('студенты', .55), ('рассрочка', .30), ('премиум', .10), ('авторы', .03), ('корпоративные', .02)]
def pick(seq):
    r = random.random(); c = 0
    for x, w in seq:
        c += w
        if r <= c: return x
    return seq[-1][0]
start = datetime(2027, 2, 1, tzinfo=MSK)
customers = {s: [f'{s[:3]}-{i}' for i in range(1, 400)] for s, _ in segs}
for day in range(28):
    for _ in range(120 if day < 3 else 70):  # start-of-month peak
        seg = pick(segs)
        if seg in ('студенты', 'рассрочка', 'премиум'):
            ch = pick([('чат', .6), ('телеграм', .2), ('почта', .1), ('вк', .06), ('форма_возврата', .04)])
        elif seg == 'авторы':
            ch = pick([('почта', .7), ('телеграм', .3)])
        else:
            ch = pick([('телефон_корп', .7), ('почта', .3)])
        # evening peak
        hour = random.choice([10, 12, 14, 16, 19, 20, 21, 22, 22, 21, 20, 2] if seg != 'корпоративные' else [8, 10, 11, 14, 16])
        created = start + timedelta(days=day, hours=hour, minutes=random.randint(0, 59), seconds=random.randint(0, 59))
        cid += 1
        r = dict(id=f'C{cid:05d}', segment=seg, channel=ch, created=iso(created), answered='', first_response='', resolved='',
                 complaint='', acknowledged='', escalated='', feedback='', csat='', customer=random.choice(customers[seg]), reason=random.choice(['оплата', 'доступ', 'домашнее задание', 'сертификат']))
        live = ch in ('чат', 'телефон_корп')
        if live:
            if random.random() < 0.05:
                pass  # abandoned
            else:
                wait = random.expovariate(1/ (60 if ch == 'чат' else 12))
                r['answered'] = iso(created + timedelta(seconds=int(wait)))
        else:
            wait = random.expovariate(1/ (1200 if ch in ('телеграм', 'вк') else 3*3600))
            if ch == 'форма_возврата': wait = random.expovariate(1/(20*3600))
            r['first_response'] = iso(created + timedelta(seconds=int(wait)))
        if r['answered'] or r['first_response']:
            res = random.expovariate(1/(10*3600))
            r['resolved'] = iso(created + timedelta(seconds=int(res) + 300))
            if random.random() < 0.4: r['csat'] = str(random.choice([5, 5, 4, 4, 3, 2, 1]))
        if seg in ('студенты', 'рассрочка', 'премиум') and random.random() < 0.03 and r['resolved']:
            r['complaint'] = 'обучение'
            r['acknowledged'] = iso(created + timedelta(minutes=random.randint(5, 180)))
            if random.random() < .7: r['feedback'] = r['resolved']
        rows.append(r)
# deliberately bad rows
bad = [
 dict(id='B1', segment='випы', channel='чат', created='2027-02-10T12:00:00+03:00', answered='2027-02-10T12:00:30+03:00'),
 dict(id='B2', segment='студенты', channel='чат', created='10.02.2027 12:00', answered='2027-02-10T12:00:30+03:00'),
 dict(id='B3', segment='премиум', channel='чат', created='2027-02-11T12:00:00+03:00', answered='2027-02-11T12:00:10+03:00', resolved='2027-02-11T11:00:00+03:00'),
 dict(id='B4', segment='студенты', channel='whatsapp', created='2027-02-12T12:00:00+03:00', first_response='2027-02-12T12:10:00+03:00'),
 dict(id='B5', segment='премиум', channel='чат', created='2027-02-12T13:00:00+03:00', answered='2027-02-12T13:00:10+03:00', csat='7'),
 dict(id='B6', segment='студенты', channel='чат', created='2027-02-13T13:00:00+03:00', answered='2027-02-13T12:59:00+03:00'),
 dict(id='', segment='студенты', channel='чат', created='2027-02-14T13:00:00+03:00', answered='2027-02-14T13:00:20+03:00'),
 dict(id='B8', segment='Премиум', channel='Чат', created='2027-02-15T13:00:00+03:00', answered='2027-02-15T13:09:00+03:00'),
]
for b in bad:
    rr = {k: '' for k in rows[0]}; rr.update(b); rows.insert(random.randint(0, len(rows)), rr)
with open('/work/audit16/data/contacts.csv', 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(rows)
print(len(rows))
# cases for the refund journey
cases = []
k = 0
for i in range(60):
    k += 1; c = f'R{k:03d}'
    t = datetime(2027, 2, 1, 10, tzinfo=MSK) + timedelta(hours=random.randint(0, 24*20))
    path = ['заявление', 'проверка_причины', 'предложение_остаться']
    r = random.random()
    if r < .3: path += ['остался']
    elif r < .45: path += ['проверка_причины', 'предложение_остаться', 'решение', 'одобрен', 'деньги_возвращены', 'закрыто']
    elif r < .55: path += ['решение', 'отказ']
    elif r < .6: path += ['решение', 'деньги_возвращены', 'закрыто']  # deviation: skips одобрен
    elif r < .65: path = path  # stopped at предложение_остаться
    else: path += ['решение', 'одобрен', 'деньги_возвращены', 'закрыто']
    for s in path:
        cases.append(dict(case=c, journey='возврат', step=s, entered=iso(t)))
        t += timedelta(hours=random.choice([2, 6, 12, 20, 30]))
cases.append(dict(case='R999', journey='возврат', step='нет_такого', entered='2027-02-05T10:00:00+03:00'))
cases.append(dict(case='R001', journey='возврат', step='решение', entered='не дата'))
with open('/work/audit16/data/cases.csv', 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=['case', 'journey', 'step', 'entered']); w.writeheader(); w.writerows(cases)
print(len(cases))
