"""Independent recomputation of cxc measure figures from data/contacts.csv and data/cases.csv,
from the documented definitions (LANGUAGE.md §6, grammar-README 'Measuring reality')."""
import csv, json, sys, re
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo
from collections import defaultdict
LIS, MAD, ATH = ZoneInfo('Europe/Lisbon'), ZoneInfo('Europe/Madrid'), ZoneInfo('Europe/Athens')
ES = {'2026-01-01','2026-01-06','2026-04-02','2026-04-03','2026-05-01','2026-05-02','2026-05-15','2026-08-15','2026-10-12','2026-11-02','2026-11-09','2026-12-07','2026-12-08','2026-12-25'}
PT = {'2026-01-01','2026-04-03','2026-04-25','2026-05-01','2026-06-04','2026-06-10','2026-06-13','2026-08-15','2026-10-05','2026-11-01','2026-12-01','2026-12-08','2026-12-25'}
class Cal:
    def __init__(s, tz, days, spans, closed=()):
        s.tz, s.days, s.spans, s.closed = tz, days, spans, set(closed)
    def opens(s, d):  # list of (start,end) aware datetimes for local date d
        if d.isoformat() in s.closed or d.weekday() not in s.days: return []
        out = []
        for a, b in s.spans:
            st = datetime.combine(d, time(a // 60, a % 60), s.tz)
            en = datetime.combine(d, time(0), s.tz) + timedelta(days=1) if b == 1440 else datetime.combine(d, time(b // 60, b % 60), s.tz)
            # convert through UTC to get real instants (DST)
            out.append((st, en))
        return out
    def running(s, a, b):
        if b <= a: return 0.0
        tot = 0.0; d = a.astimezone(s.tz).date() - timedelta(days=1)
        while datetime.combine(d, time(0), s.tz) <= b:
            for st, en in s.opens(d):
                lo, hi = max(st, a), min(en, b)
                if hi > lo: tot += (hi - lo).total_seconds()
            d += timedelta(days=1)
        return tot
    def wd_deadline(s, start, n):
        d = start.astimezone(s.tz).date(); k = 0
        while True:
            d += timedelta(days=1)
            o = s.opens(d)
            if o:
                k += 1
                if k == n: return max(en for _, en in o)
ALWAYS = Cal(LIS, range(7), [(0, 1440)])
CAL = {
 'always': ALWAYS,
 'partner_line': Cal(ATH, range(5), [(540, 1200)], {'2026-05-01', '2026-12-25', '2027-01-01'}),
 'payouts_office': Cal(MAD, range(5), [(540, 1080)], ES),
 'courier_lis': Cal(LIS, range(7), [(0, 60), (660, 1440)]),
 'courier_mad': Cal(MAD, range(7), [(0, 60), (660, 1440)]),
 'courier_ath': Cal(ATH, range(7), [(0, 60), (660, 1440)]),
 'social_hours': Cal(LIS, range(7), [(480, 1440)]),
}
TZ_OF = {'app_chat': ATH, 'web_form': ATH, 'partner_phone': ATH, 'partner_email': MAD, 'courier_pt': LIS, 'courier_es': MAD, 'courier_gr': ATH, 'social': LIS}
# home zone = first calendar naming one; `always` has none -> home zone (Athens, calendars.cx order)
SEG = {'diner_plus', 'diner_regular', 'diner_new', 'partner_chain', 'partner_indie', 'courier'}
CH = set(TZ_OF)
COMPL = {'order_problem', 'formal', 'payout_dispute', 'deactivation'}
def parse(v, tz):
    if not v: return None
    try:
        t = datetime.fromisoformat(v)
    except ValueError:
        raise
    if t.tzinfo is None: t = t.replace(tzinfo=tz)
    return t
good, bad = [], defaultdict(int)
for line, r in enumerate(csv.DictReader(open('data/contacts.csv')), start=2):
    if not r['id']: bad['missing:id'] += 1; continue
    if r['segment'] not in SEG: bad['unknown-segment'] += 1; continue
    if r['channel'] not in CH: bad['unknown-channel'] += 1; continue
    if r['complaint'] and r['complaint'] not in COMPL: bad['unknown-complaint'] += 1; continue
    tz = TZ_OF[r['channel']]
    try:
        t = {k: parse(r[k], tz) for k in ['created', 'answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback']}
    except ValueError: bad['bad-time'] += 1; continue
    if r['csat'] and not (1 <= float(r['csat']) <= 5): bad['bad-csat'] += 1; continue
    if any(t[k] and t[k] < t['created'] for k in ['answered', 'first_response', 'resolved', 'acknowledged']): bad['before'] += 1; continue
    r.update(t); r['line'] = line; good.append(r)
END = max(max(x for x in (r[k] for k in ['created', 'answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback']) if x) for r in good)
print('good', len(good), 'bad', dict(bad), 'end of export', END)
def pct(a, b): return 100 * a / b if b else None
res = {}
def answer(seg, ch, cal, T):
    rows = [r for r in good if r['segment'] == seg and r['channel'] == ch]
    met = sum(1 for r in rows if r['answered'] and CAL[cal].running(r['created'], r['answered']) <= T)
    return len(rows), met
def deadline_target(rows, cal, T=None, wd=None, field='first_response'):
    n = met = 0
    for r in rows:
        if wd: dl = CAL[cal].wd_deadline(r['created'], wd)
        x = r[field]
        if x is None:
            # open: missed if deadline passed by END
            passed = (END > dl) if wd else CAL[cal].running(r['created'], END) > T
            if passed: n += 1
            continue
        n += 1
        if wd: met += x <= dl
        else: met += CAL[cal].running(r['created'], x) <= T
    return n, met
S = lambda seg, chs: [r for r in good if r['segment'] == seg and r['channel'] in chs]
out = {}
out[('plus_sla', 'diner_plus', 'answer', 'app_chat', 0)] = answer('diner_plus', 'app_chat', 'always', 60)
out[('plus_sla', 'diner_plus', 'answer', 'app_chat', 1)] = answer('diner_plus', 'app_chat', 'always', 600)
out[('plus_sla', 'diner_plus', 'first_response', 'web_form', 0)] = deadline_target(S('diner_plus', {'web_form'}), 'always', T=4 * 3600)
out[('plus_sla', 'diner_plus', 'resolution', None, 0)] = deadline_target(S('diner_plus', {'app_chat', 'web_form'}), 'always', T=24 * 3600, field='resolved')
for seg in ['diner_regular', 'diner_new']:
    out[('diner_sla', seg, 'answer', 'app_chat', 0)] = answer(seg, 'app_chat', 'always', 180)
    out[('diner_sla', seg, 'answer', 'app_chat', 1)] = answer(seg, 'app_chat', 'always', 900)
    out[('diner_sla', seg, 'first_response', 'web_form', 0)] = deadline_target(S(seg, {'web_form'}), 'always', T=24 * 3600)
    out[('diner_sla', seg, 'resolution', None, 0)] = deadline_target(S(seg, {'app_chat', 'web_form'}), 'always', T=48 * 3600, field='resolved')
out[('chain_sla', 'partner_chain', 'answer', 'partner_phone', 0)] = answer('partner_chain', 'partner_phone', 'partner_line', 30)
out[('chain_sla', 'partner_chain', 'first_response', 'web_form', 0)] = deadline_target(S('partner_chain', {'web_form'}), 'partner_line', T=4 * 3600)
out[('chain_sla', 'partner_chain', 'resolution', None, 0)] = deadline_target(S('partner_chain', {'partner_phone', 'web_form'}), 'partner_line', wd=2, field='resolved')
out[('indie_sla', 'partner_indie', 'answer', 'partner_phone', 0)] = answer('partner_indie', 'partner_phone', 'partner_line', 90)
out[('indie_sla', 'partner_indie', 'first_response', 'web_form', 0)] = deadline_target(S('partner_indie', {'web_form'}), 'partner_line', T=8 * 3600)
out[('indie_sla', 'partner_indie', 'resolution', None, 0)] = deadline_target(S('partner_indie', {'partner_phone', 'web_form'}), 'partner_line', wd=3, field='resolved')
for seg in ['partner_chain', 'partner_indie']:
    out[('payouts_sla', seg, 'first_response', 'partner_email', 0)] = deadline_target(S(seg, {'partner_email'}), 'payouts_office', wd=2)
for ch, cal, sla in [('courier_pt', 'courier_lis', 'courier_pt_sla'), ('courier_es', 'courier_mad', 'courier_es_sla'), ('courier_gr', 'courier_ath', 'courier_gr_sla')]:
    out[(sla, 'courier', 'answer', ch, 0)] = answer('courier', ch, cal, 45)
out[('courier_sla', 'courier', 'first_response', 'web_form', 0)] = deadline_target(S('courier', {'web_form'}), 'always', T=24 * 3600)
out[('courier_sla', 'courier', 'resolution', None, 0)] = deadline_target(S('courier', {'web_form'}), 'always', T=72 * 3600, field='resolved')
for seg in ['diner_plus', 'diner_regular', 'diner_new']:
    out[('social_sla', seg, 'first_response', 'social', 0)] = deadline_target(S(seg, {'social'}), 'social_hours', T=3600)
m = json.load(open(sys.argv[1] if len(sys.argv) > 1 else 'out/measure/measure.json'))
diffs = 0; seen = set()
for t in m['targets']:
    k = (t['sla'], t['segment'], t['kind'], t.get('channel'), t['index'])
    mine = out.get(k)
    seen.add(k)
    flag = 'OK  ' if mine == (t['n'], t['met']) else 'DIFF'
    diffs += flag == 'DIFF'
    print(flag, k, 'cxc', (t['n'], t['met'], round(t['percent'], 2)), 'mine', mine, round(pct(mine[1], mine[0]), 2) if mine else '')
for k in out:
    if k not in seen: print('MISSING in measure.json', k, out[k])
# metrics
def csat(rows):
    a = [int(r['csat']) for r in rows if r['csat']]
    return len(a), pct(sum(1 for x in a if x >= 4), len(a))
def aband(rows):
    return len(rows), pct(sum(1 for r in rows if not r['answered']), len(rows))
mm = {('plus_sla', 'diner_plus', 'csat'): csat(S('diner_plus', {'app_chat', 'web_form'})), ('plus_sla', 'diner_plus', 'abandonment'): aband(S('diner_plus', {'app_chat'}))}
for seg in ['diner_regular', 'diner_new']:
    mm[('diner_sla', seg, 'csat')] = csat(S(seg, {'app_chat', 'web_form'})); mm[('diner_sla', seg, 'abandonment')] = aband(S(seg, {'app_chat'}))
mm[('chain_sla', 'partner_chain', 'csat')] = csat(S('partner_chain', {'partner_phone', 'web_form'}))
mm[('indie_sla', 'partner_indie', 'csat')] = csat(S('partner_indie', {'partner_phone', 'web_form'}))
for x in m['metrics']:
    k = (x['sla'], x['segment'], x['metric']); mine = mm.get(k)
    ok = mine and mine[0] == x['n'] and (mine[1] is None or abs(mine[1] - x['value']) < 1e-9)
    diffs += not ok
    print('OK  ' if ok else 'DIFF', k, 'cxc', x['n'], x['value'], 'mine', mine)
# promises on channels
lc = [r for r in good if r['channel'] == 'app_chat' and r['segment'].startswith('diner')]
kept = sum(1 for r in lc if r['answered'] and (r['answered'] - r['created']).total_seconds() <= 3600)
pa = [r for r in good if r['channel'] == 'partner_email']
pk = n_pa = 0
for r in pa:
    dl = CAL['payouts_office'].wd_deadline(r['created'], 2)
    if r['first_response'] is None:
        if END > dl: n_pa += 1
        continue
    n_pa += 1; pk += r['first_response'] <= dl
mine_p = {'late_credit': (len(lc), kept), 'payout_answer': (n_pa, pk)}
# journey promise refund_missing: cases
visits = defaultdict(list); badcase = set(); JSTEPS = {'live_order': {'placed', 'reported', 'contact_courier', 'reassign', 'redeliver', 'refunded', 'closed'},
  'partner_onboarding': {'application', 'documents', 'menu_setup', 'test_order', 'live', 'rejected'}, 'courier_appeal': {'appeal', 'first_review', 'second_review', 'reinstated', 'upheld'}}
for r in csv.DictReader(open('data/cases.csv')):
    if r['journey'] not in JSTEPS: badcase.add(r['case']); continue
    if r['step'] not in JSTEPS[r['journey']]: badcase.add(r['case']); continue
    try: t = datetime.fromisoformat(r['entered'])
    except ValueError: badcase.add(r['case']); continue
    visits[(r['journey'], r['case'])].append((t, r['step']))
cases = {k: sorted(v) for k, v in visits.items() if k[1] not in badcase}
CEND = max(t for v in cases.values() for t, _ in v)
n = k = 0
for (j, c), v in cases.items():
    if j != 'live_order': continue
    ts = [t for t, s in v if s == 'reported']
    if not ts: continue
    a = ts[0]
    after = [t for t, s in v if s == 'refunded' and t >= a]
    other_end = [t for t, s in v if s == 'closed' and t >= a]
    if after: n += 1; k += (after[0] - a) <= timedelta(hours=24)
    elif other_end: continue
    else:
        if CEND - a > timedelta(hours=24): n += 1
mine_p['refund_missing'] = (n, k)
for p in m['promises']:
    mine = mine_p[p['id']]; ok = mine == (p['n'], p['kept']); diffs += not ok
    print('OK  ' if ok else 'DIFF', 'promise', p['id'], 'cxc', (p['n'], p['kept']), 'mine', mine)
# complaints
op = [r for r in good if r['complaint'] == 'order_problem']
ack = (len(op), sum(1 for r in op if r['acknowledged'] and r['acknowledged'] - r['created'] <= timedelta(minutes=15)))
rs = (len(op), sum(1 for r in op if r['resolved'] and r['resolved'] - r['created'] <= timedelta(hours=24)))
esc_rows = [r for r in op if (r['resolved'] is None or r['resolved'] - r['created'] > timedelta(hours=12))]
esc = (len(esc_rows), sum(1 for r in esc_rows if r['escalated'] and r['escalated'] - r['created'] <= timedelta(hours=12)))
resd = [r for r in op if r['resolved']]
fb = (len(resd), sum(1 for r in resd if r['feedback']))
pdp = [r for r in good if r['complaint'] == 'payout_dispute']
P = CAL['payouts_office']
pack = (len(pdp), sum(1 for r in pdp if r['acknowledged'] and P.running(r['created'], r['acknowledged']) <= 4 * 3600))
pres = (len(pdp), sum(1 for r in pdp if r['resolved'] and r['resolved'] <= P.wd_deadline(r['created'], 5)))
pesc_rows = [r for r in pdp if r['resolved'] is None or r['resolved'] > P.wd_deadline(r['created'], 3)]
pesc = (len(pesc_rows), sum(1 for r in pesc_rows if r['escalated'] and r['escalated'] <= P.wd_deadline(r['created'], 3)))
pfb = (len([r for r in pdp if r['resolved']]), sum(1 for r in pdp if r['resolved'] and r['feedback']))
mine_c = {('order_problem', 'acknowledge'): ack, ('order_problem', 'resolve'): rs, ('order_problem', 'escalate'): esc, ('order_problem', 'feedback'): fb,
          ('payout_dispute', 'acknowledge'): pack, ('payout_dispute', 'resolve'): pres, ('payout_dispute', 'escalate'): pesc, ('payout_dispute', 'feedback'): pfb}
for c in m['complaints']:
    mine = mine_c.get((c['id'], c['duty'])); ok = mine == (c['n'], c['kept']); diffs += not ok
    print('OK  ' if ok else 'DIFF', 'complaint', c['id'], c['duty'], 'cxc', (c['n'], c['kept']), 'mine', mine)
print('cases kept', len(cases), 'set aside ids', sorted(badcase))
print('TOTAL DIFFS', diffs)
