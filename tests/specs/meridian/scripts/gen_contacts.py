"""A month (October 2026) of Meridian contact-centre exports, fixed seed, with deliberate bad rows."""
import csv, random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
random.seed(12)
IST, NPT, ACT, UTC = ZoneInfo('Asia/Kolkata'), ZoneInfo('Asia/Kathmandu'), ZoneInfo('Australia/Adelaide'), ZoneInfo('UTC')
CH = {  # channel: (tz, local open hour, close hour, days)
 'phone_in': (IST, 8, 20, range(6)), 'phone_np': (NPT, 9, 18, [6,0,1,2,3,4]), 'phone_au': (ACT, 8.5, 17.5, range(5)),
 'gold_line': (IST, 6, 24, range(7)), 'trade_line': (IST, 7, 21, range(6)), 'emergency': (ACT, 0, 24, range(7)),
 'whatsapp': (IST, 6, 24, range(7)), 'email': (IST, 0, 24, range(7)), 'trade_email': (IST, 0, 24, range(7)), 'app': (IST, 0, 24, range(7)),
}
SEGCH = {'standard': ['phone_in','phone_np','phone_au','whatsapp','email','emergency','app'], 'gold': ['gold_line','whatsapp','email','emergency'],
         'agents': ['trade_line','trade_email','emergency'], 'groups': ['phone_in','phone_np','phone_au','email','whatsapp']}
LIVE = {'phone_in','phone_np','phone_au','gold_line','trade_line','emergency','whatsapp'}
def fmt(t, style):
    if style == 'offset': return t.isoformat(timespec='seconds')
    if style == 'z': return t.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')
    if style == 'local': return t.replace(tzinfo=None).isoformat(sep=' ', timespec='seconds')
rows = []; n = 0
def add(**r):
    global n; n += 1; r.setdefault('id', f'C{n:05d}'); rows.append(r)
for i in range(900):
    seg = random.choices(['standard','gold','agents','groups'], [70,15,6,9])[0]
    ch = random.choice(SEGCH[seg]); tz, oh, chh, days = CH[ch]
    for _ in range(100):
        d = datetime(2026,10,1) + timedelta(days=random.randrange(31), minutes=random.randrange(24*60))
        local = d.replace(tzinfo=tz)
        if local.weekday() in days and oh <= local.hour + local.minute/60 < chh: break
    created = local
    r = dict(segment=seg, channel=ch, created=created, customer=f'CU{random.randrange(400):04d}', reason=random.choice(['new booking','change','refund','visa','baggage']))
    if ch in LIVE:
        if random.random() < 0.07: r['answered'] = None
        else: r['answered'] = created + timedelta(seconds=int(random.expovariate(1/ (25 if ch!='whatsapp' else 50))))
        if r['answered'] and random.random() < 0.8: r['resolved'] = r['answered'] + timedelta(minutes=random.randrange(3, 60*24*random.choice([1,1,2,6])))
    else:
        r['first_response'] = created + timedelta(minutes=int(random.expovariate(1/(90 if seg!='agents' else 40)))) if random.random() < 0.95 else None
        if r['first_response'] and random.random() < 0.85: r['resolved'] = r['first_response'] + timedelta(hours=random.randrange(1, 24*8))
    if random.random() < 0.5: r['csat'] = random.choices([1,2,3,4,5],[5,5,10,35,45])[0]
    if random.random() < 0.06:
        r['complaint'] = random.choice(['service_failure','refund_dispute'] + (['gold_complaint'] if seg in ('gold','agents') else []))
        r['acknowledged'] = created + timedelta(hours=random.randrange(1, 60))
        if random.random() < 0.5: r['escalated'] = created + timedelta(days=random.randrange(5, 20))
        r['resolved'] = created + timedelta(days=random.randrange(2, 40))
        if random.random() < 0.8: r['feedback'] = r['resolved'] + timedelta(hours=2)
    r['_style'] = random.choice(['offset','offset','z','local'])
    add(**r)
# deliberate edge cases (ids E..)
def edge(id_, **r): r['id'] = id_; r.setdefault('_style','offset'); add(**r)
edge('E-DST-GAP', segment='standard', channel='emergency', created=datetime(2026,10,4,2,30), answered=datetime(2026,10,4,3,30,15), _style='localraw')  # 02:30 does not exist in Adelaide
edge('E-DST-OFFSETS', segment='standard', channel='emergency', created=datetime(2026,10,4,1,59,50,tzinfo=ZoneInfo('Australia/Adelaide')), answered=datetime(2026,10,4,3,0,5,tzinfo=ZoneInfo('Australia/Adelaide')))  # 15 s across the jump
edge('E-AU-CLOSE', segment='standard', channel='phone_au', created=datetime(2026,10,9,17,29,50,tzinfo=ACT), answered=datetime(2026,10,12,8,30,15,tzinfo=ACT))  # 10s + 15s running time
edge('E-IN-HOLIDAY', segment='groups', channel='phone_in', created=datetime(2026,10,1,19,59,30,tzinfo=IST), answered=datetime(2026,10,3,8,0,20,tzinfo=IST))  # Gandhi Jayanti closed: 30+20 s
edge('E-NP-DASHAIN', segment='standard', channel='email', created=datetime(2026,10,16,17,0,tzinfo=NPT), first_response=datetime(2026,10,17,7,0,tzinfo=NPT))
edge('E-GOLD-NIGHT', segment='gold', channel='gold_line', created=datetime(2026,10,10,23,59,50,tzinfo=IST), answered=datetime(2026,10,11,6,0,5,tzinfo=IST))  # 10+5 s
edge('E-TRADE-WD', segment='agents', channel='trade_email', created=datetime(2026,10,1,20,30,tzinfo=IST), first_response=datetime(2026,10,3,7,30,tzinfo=IST), resolved=datetime(2026,10,3,20,59,tzinfo=IST))  # 1wd: due Sat 3 Oct 21:00 (2 Oct holiday)
edge('E-CMP-WD', segment='standard', channel='email', created=datetime(2026,10,1,19,0,tzinfo=IST), first_response=datetime(2026,10,1,19,30,tzinfo=IST), complaint='service_failure', acknowledged=datetime(2026,10,3,19,59,tzinfo=IST), resolved=datetime(2026,10,20,10,0,tzinfo=IST), feedback=datetime(2026,10,20,12,0,tzinfo=IST))
# bad rows
edge('B-SEG', segment='platinum', channel='phone_in', created=datetime(2026,10,5,10,0,tzinfo=IST), answered=datetime(2026,10,5,10,0,10,tzinfo=IST))
edge('B-CH', segment='standard', channel='fax', created=datetime(2026,10,5,10,0,tzinfo=IST))
edge('B-TS', segment='standard', channel='phone_in', created='05/10/2026 10:00', answered=datetime(2026,10,5,10,0,10,tzinfo=IST))
edge('B-RESBEFORE', segment='standard', channel='email', created=datetime(2026,10,6,10,0,tzinfo=IST), first_response=datetime(2026,10,6,11,0,tzinfo=IST), resolved=datetime(2026,10,6,9,0,tzinfo=IST))
edge('B-ANSBEFORE', segment='gold', channel='gold_line', created=datetime(2026,10,6,10,0,tzinfo=IST), answered=datetime(2026,10,6,9,59,tzinfo=IST))
edge('B-CSAT', segment='standard', channel='whatsapp', created=datetime(2026,10,7,10,0,tzinfo=IST), answered=datetime(2026,10,7,10,0,30,tzinfo=IST), csat=7)
edge('B-NOCREATED', segment='standard', channel='phone_in', created='', answered=datetime(2026,10,7,10,0,30,tzinfo=IST))
edge('B-CMP', segment='standard', channel='email', created=datetime(2026,10,8,10,0,tzinfo=IST), first_response=datetime(2026,10,8,10,30,tzinfo=IST), complaint='lost_luggage')
cols = ['id','segment','channel','created','answered','first_response','resolved','complaint','acknowledged','escalated','feedback','csat','customer','reason']
with open('/work/audit12/data/contacts.csv','w',newline='') as f:
    w = csv.writer(f); w.writerow(cols)
    for r in rows:
        st = r.get('_style')
        out = []
        for c in cols:
            v = r.get(c)
            if isinstance(v, datetime):
                if st == 'localraw' or v.tzinfo is None: v = v.isoformat(sep=' ', timespec='seconds')
                elif st == 'local':
                    tz = CH[r['channel']][0] if r['channel'] in CH else IST
                    v = fmt(v.astimezone(tz), 'local')
                else: v = fmt(v, st)
            out.append('' if v is None else v)
        w.writerow(out)
print(len(rows), 'rows')
