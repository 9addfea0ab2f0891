"""A month (October 2026, across the end of summer time on 25 Oct) of Bolt Bites contact-centre
exports, with deliberate bad rows. Deterministic (seed 15)."""
import random, csv, os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
random.seed(15)
LIS, MAD, ATH = ZoneInfo('Europe/Lisbon'), ZoneInfo('Europe/Madrid'), ZoneInfo('Europe/Athens')
OUT = os.path.join(os.path.dirname(__file__), '..', 'data')
def iso(t): return t.isoformat(timespec='seconds')
rows = []; n = 0
def add(**kw):
    global n; n += 1
    r = dict(id=f'C{n:06d}', segment='', channel='', created='', answered='', first_response='', resolved='',
             complaint='', acknowledged='', escalated='', feedback='', csat='', customer='', reason='', handle_time='')
    r.update(kw); rows.append(r); return r
def rand_time(day, tz, h0, h1):
    base = datetime(2026, 10, day, tzinfo=tz)
    return base + timedelta(seconds=random.uniform(h0 * 3600, h1 * 3600))
REASONS = ['missing_item', 'late_order', 'wrong_item', 'payment', 'account']
cust = lambda seg, k: f'{seg[:2]}{random.randint(1, k)}'
for day in range(1, 32):
    # in-app chat: diners, evenings busy; all cities -> Lisbon clock
    for seg, k, meanwait in [('diner_plus', 140, 25), ('diner_regular', 260, 70), ('diner_new', 60, 70)]:
        for _ in range(k // 10):
            h = random.choice([12, 13, 13, 19, 20, 20, 21, 21, 22, 1, 9, 16])
            c = rand_time(day, LIS, h, h + 1).astimezone(timezone.utc)
            r = dict(segment=seg, channel='app_chat', created=iso(c.astimezone(LIS)), customer=cust(seg, 400), reason=random.choice(REASONS))
            if random.random() < (0.02 if seg == 'diner_plus' else 0.05):
                pass  # abandoned
            else:
                w = random.expovariate(1 / meanwait)
                if random.random() < 0.04: w += random.uniform(300, 1200)
                a = c + timedelta(seconds=w)
                r['answered'] = iso(a.astimezone(LIS)); r['handle_time'] = str(random.randint(180, 900))
                res = a + timedelta(minutes=random.uniform(3, 40))
                if random.random() < 0.06: res += timedelta(hours=random.uniform(20, 60))
                r['resolved'] = iso(res.astimezone(LIS))
                if random.random() < 0.35: r['csat'] = str(random.choices([1, 2, 3, 4, 5], [6, 5, 9, 30, 50])[0])
                if r['reason'] in ('missing_item', 'late_order') and random.random() < 0.15:
                    r['complaint'] = 'order_problem'
                    ack = a + timedelta(minutes=random.uniform(0, 25))
                    r['acknowledged'] = iso(ack.astimezone(LIS))
                    if res - c > timedelta(hours=12): r['escalated'] = iso((c + timedelta(hours=random.uniform(11, 13))).astimezone(LIS))
                    if random.random() < 0.9: r['feedback'] = iso((res + timedelta(minutes=5)).astimezone(LIS))
            add(**r)
    # web form: diners, couriers, partners
    for seg, k in [('diner_plus', 3), ('diner_regular', 8), ('diner_new', 2), ('courier', 4), ('partner_chain', 1), ('partner_indie', 3)]:
        for _ in range(k):
            c = rand_time(day, MAD, 0, 24).astimezone(timezone.utc)
            fr = c + timedelta(hours=random.choice([random.uniform(0.2, 3.5), random.uniform(0.5, 10), random.uniform(2, 30)]))
            res = fr + timedelta(hours=random.uniform(1, 50))
            add(segment=seg, channel='web_form', created=iso(c.astimezone(MAD)), first_response=iso(fr.astimezone(MAD)),
                resolved=iso(res.astimezone(MAD)), customer=cust(seg, 300), reason=random.choice(REASONS))
    # partner line: weekdays, Athens 09:00-20:00
    wd = datetime(2026, 10, day).weekday()
    if wd < 5:
        for seg, k, mw in [('partner_chain', 8, 12), ('partner_indie', 30, 35)]:
            for _ in range(k):
                c = rand_time(day, ATH, 9, 20).astimezone(timezone.utc)
                r = dict(segment=seg, channel='partner_phone', created=iso(c.astimezone(ATH)), customer=cust(seg, 200), reason='account')
                if random.random() > 0.04:
                    a = c + timedelta(seconds=random.expovariate(1 / mw))
                    r['answered'] = iso(a.astimezone(ATH))
                    res = a + timedelta(hours=random.choice([0.1, 0.2, 5, 30, 70]))
                    r['resolved'] = iso(res.astimezone(ATH))
                    r['handle_time'] = str(random.randint(120, 600))
                add(**r)
        # payout e-mails (Madrid desk)
        for seg in ['partner_chain'] + ['partner_indie'] * 4:
            c = rand_time(day, MAD, 7, 22).astimezone(timezone.utc)
            fr = c + timedelta(hours=random.choice([3, 20, 40, 70, 110]) * random.uniform(0.8, 1.1))
            r = dict(segment=seg, channel='partner_email', created=iso(c.astimezone(MAD)), first_response=iso(fr.astimezone(MAD)), customer=cust(seg, 200), reason='payment')
            if random.random() < 0.2:
                r['complaint'] = 'payout_dispute'; r['acknowledged'] = iso((c + timedelta(hours=random.uniform(0.5, 6))).astimezone(MAD))
                r['resolved'] = iso((c + timedelta(days=random.uniform(2, 9))).astimezone(MAD)); r['feedback'] = r['resolved']
            add(**r)
    # courier hotlines, 11:00-01:00 local
    for ch, tz, k in [('courier_pt', LIS, 40), ('courier_es', MAD, 60), ('courier_gr', ATH, 35)]:
        for _ in range(k):
            h = random.choice([12, 13, 14, 19, 20, 21, 22, 23, 24])
            c = rand_time(day, tz, h, h + 1).astimezone(timezone.utc)
            r = dict(segment='courier', channel=ch, created=iso(c.astimezone(tz)), customer=cust('courier', 500), reason='account')
            if random.random() > 0.05:
                a = c + timedelta(seconds=random.expovariate(1 / 30)); r['answered'] = iso(a.astimezone(tz)); r['handle_time'] = str(random.randint(60, 300))
            add(**r)
    # social
    for seg in ['diner_plus', 'diner_regular', 'diner_regular', 'diner_new']:
        c = rand_time(day, LIS, 8, 24).astimezone(timezone.utc)
        fr = c + timedelta(minutes=random.uniform(5, 120))
        add(segment=seg, channel='social', created=iso(c.astimezone(LIS)), first_response=iso(fr.astimezone(LIS)), customer=cust(seg, 400))
good = len(rows)
# --- deliberate bad rows ---
bad = [
 dict(segment='diner_vip', channel='app_chat', created='2026-10-10T20:00:00+01:00', answered='2026-10-10T20:00:30+01:00'),  # unknown segment
 dict(segment='diner_plus', channel='whatsapp', created='2026-10-10T20:00:00+01:00', answered='2026-10-10T20:00:30+01:00'),  # unknown channel
 dict(segment='diner_plus', channel='app_chat', created='2026-10-32T20:00:00+01:00', answered='2026-10-10T20:00:30+01:00'),  # bad date
 dict(segment='diner_regular', channel='app_chat', created='2026-10-12T21:00:00+01:00', answered='2026-10-12T21:00:20+01:00', resolved='2026-10-12T20:00:00+01:00'),  # resolved before created
 dict(segment='diner_plus', channel='app_chat', created='2026-10-12T21:00:00+01:00', answered='2026-10-12T20:59:00+01:00'),  # answered before created
 dict(segment='diner_plus', channel='app_chat', created='2026-10-13T21:00:00+01:00', answered='2026-10-13T21:00:20+01:00', csat='7'),  # csat off scale
 dict(id='', segment='diner_plus', channel='app_chat', created='2026-10-13T21:00:00+01:00', answered='2026-10-13T21:00:20+01:00'),  # missing id
 dict(segment='courier', channel='courier_pt', created='yesterday evening', answered=''),  # unreadable time
 dict(segment='partner_chain', channel='partner_phone', created='2026-10-14T10:00:00+03:00', answered='2026-10-14T10:00:10+03:00', complaint='lost_tablet'),  # unknown complaint
]
for b in bad: add(**b)
# no-offset rows (valid): read in the calendar's zone
add(segment='courier', channel='courier_gr', created='2026-10-20T21:15:00', answered='2026-10-20T21:15:40')
add(segment='partner_indie', channel='partner_phone', created='2026-10-20T19:59:50', answered='2026-10-20T20:01:30')  # Athens; clock stops 20:00
random.shuffle(rows)
with open(os.path.join(OUT, 'contacts.csv'), 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerows(rows)
print('contacts', len(rows), 'good', good + 2, 'bad', len(bad))

# ---- cases ----
cases = []; cn = 0
def case(j, visits):
    global cn; cn += 1; cid = f'K{cn:05d}'
    for step, t in visits: cases.append(dict(case=cid, journey=j, step=step, entered=iso(t)))
for i in range(400):
    t = rand_time(random.randint(1, 30), LIS, 11, 23)
    v = [('placed', t)]; t += timedelta(minutes=random.uniform(30, 60)); v.append(('reported', t))
    t += timedelta(minutes=random.uniform(1, 8)); v.append(('contact_courier', t))
    r = random.random()
    if r < 0.3:
        t += timedelta(minutes=random.uniform(3, 14)); v.append(('reassign', t))
        if random.random() < 0.3: t += timedelta(minutes=random.uniform(5, 12)); v.append(('reassign', t))
        t += timedelta(minutes=random.uniform(3, 12))
        if random.random() < 0.6:
            v.append(('redeliver', t)); t += timedelta(minutes=random.uniform(20, 60)); v.append(('closed', t))
        else: v.append(('refunded', t))
    elif r < 0.6:
        t += timedelta(minutes=random.uniform(3, 12)); v.append(('redeliver', t)); t += timedelta(minutes=random.uniform(20, 60)); v.append(('closed', t))
    elif r < 0.95:
        t += timedelta(minutes=random.uniform(3, 90)); v.append(('refunded', t))
    else:
        t += timedelta(minutes=2); v.append(('refunded', t)) if random.random() < 0.5 else None  # some stop
    case('live_order', v)
# a deviation: reported -> refunded directly
for i in range(12):
    t = rand_time(random.randint(1, 30), LIS, 11, 23)
    case('live_order', [('placed', t), ('reported', t + timedelta(minutes=40)), ('refunded', t + timedelta(minutes=55))])
for i in range(40):
    t = rand_time(random.randint(1, 10), MAD, 9, 17)
    v = [('application', t)]; t += timedelta(days=random.uniform(0.5, 3)); v.append(('documents', t))
    if random.random() < 0.15: t += timedelta(days=1); v.append(('rejected', t))
    else:
        t += timedelta(days=random.uniform(1, 4)); v.append(('menu_setup', t)); t += timedelta(days=random.uniform(2, 7)); v.append(('test_order', t))
        if random.random() < 0.25: t += timedelta(days=1); v.append(('menu_setup', t)); t += timedelta(days=random.uniform(1, 3)); v.append(('test_order', t))
        t += timedelta(days=random.uniform(0.5, 2)); v.append(('live', t))
    case('partner_onboarding', v)
for i in range(30):
    t = rand_time(random.randint(1, 25), MAD, 9, 20)
    v = [('appeal', t)]; t += timedelta(hours=random.uniform(1, 10)); v.append(('first_review', t))
    r = random.random(); t += timedelta(days=random.uniform(0.5, 3))
    if r < 0.4: v.append(('reinstated', t))
    elif r < 0.7: v.append(('upheld', t))
    else:
        v.append(('second_review', t)); t += timedelta(days=random.uniform(1, 4)); v.append(('reinstated' if random.random() < 0.5 else 'upheld', t))
    case('courier_appeal', v)
# bad case rows
cases.append(dict(case='K00003', journey='live_order', step='teleport', entered='2026-10-05T12:00:00+01:00'))  # unknown step -> whole case set aside
cases.append(dict(case='K99999', journey='lost_journey', step='placed', entered='2026-10-05T12:00:00+01:00'))
cases.append(dict(case='K00010', journey='live_order', step='placed', entered='not a time'))
random.shuffle(cases)
with open(os.path.join(OUT, 'cases.csv'), 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=['case', 'journey', 'step', 'entered']); w.writeheader(); w.writerows(cases)
print('cases rows', len(cases), 'cases', cn)
