"""Simulate the generated TaskRouter workflow by Twilio's documented semantics:
filters in order, first match wins (else default_filter); targets in order; a target whose skip_if
holds when the task enters it (and no reservation immediately) is skipped; timeouts are cumulative against
task age; last target holds the task until Task Timeout. Worker availability per team is taken from
the centres' real hours (our rosters), independent of cxc."""
import json, re, sys
from datetime import datetime, timedelta, date
from zoneinfo import ZoneInfo
W = json.load(open(sys.argv[1])); Q = {q['sid']: q for q in json.load(open(sys.argv[2]))}
IST, NPT, ACT = ZoneInfo('Asia/Kolkata'), ZoneInfo('Asia/Kathmandu'), ZoneInfo('Australia/Adelaide')
def open_at(tz, days, start, end, closed=()):
    def f(t):
        l = t.astimezone(tz)
        if l.date().isoformat() in closed: return False
        return l.weekday() in days and start <= l.hour*60+l.minute < end
    return f
ROSTER = {  # when each team has people logged in (our rosters)
 'blr_contact': open_at(IST, range(7), 6*60, 24*60),   # digital desk + gold line 06-24 IST every day
 'ktm_contact': open_at(NPT, [6,0,1,2,3,4], 9*60, 18*60, {'2026-10-17','2026-10-18','2026-10-19','2026-10-20','2026-10-21','2026-10-22','2026-11-08','2026-11-09','2026-11-10','2026-12-25'}),
 'adl_contact': lambda t: open_at(ACT, range(5), 8*60+30, 17*60+30, {'2026-10-05','2026-12-25','2026-12-26','2027-01-01','2027-01-26','2027-03-08'})(t) or open_at(ACT,[5],9*60,13*60,{'2026-12-26'})(t),
 'trade_desk': open_at(IST, range(6), 7*60, 21*60, {'2026-10-02','2026-11-08','2026-12-25','2027-01-26'}),
 'emergency_desk': lambda t: True,
}
def teams_of(expr): return re.findall(r"team == '([a-z_]+)'", expr)
def available(qsid, t): return any(ROSTER[tm](t) for tm in teams_of(Q[qsid]['target_workers'])) if qsid in Q else False
def matches(expr, attrs):
    for part in expr.split(' AND '):
        m = re.match(r"(\w+) == '([^']*)'", part.strip())
        if m:
            if attrs.get(m[1]) != m[2]: return False; continue
        m = re.match(r"(\w+) IN \[(.*)\]", part.strip())
        if m:
            vals = re.findall(r"'([^']*)'", m[2])
            if attrs.get(m[1]) not in vals: return False
    return True
def route(attrs, t, busy=set()):
    for f in W['task_routing']['filters']:
        if matches(f['expression'], attrs):
            age = 0; path = []
            for i, tg in enumerate(f['targets']):
                last = i == len(f['targets'])-1
                q = tg['queue']; name = Q[q]['queue'] if q in Q else q
                avail = available(q, t + timedelta(seconds=age))
                if tg.get('skip_if') == 'workers.available == 0' and not avail and not last:
                    path.append(f'{name}:skipped'); continue
                if avail and name not in busy:
                    path.append(f'{name}:OFFERED@{age}s'); return f['filter_friendly_name'], tg.get('priority'), path
                if last:
                    path.append(f'{name}:WAITS'); return f['filter_friendly_name'], tg.get('priority'), path
                path.append(f'{name}:waited {tg.get("timeout")}s'); age += tg.get('timeout') or 0
    return 'DEFAULT', None, [W['task_routing']['default_filter']['queue']]
S = [
 ("Gold, gold_line, 02:00 Sun Adelaide (DST)", dict(segment='gold', channel='gold_line'), datetime(2026,12,6,2,0,tzinfo=ACT), 'gold_blr'),
 ("Gold, gold_line, 02:00 Sun Adelaide (winter, ACST)", dict(segment='gold', channel='gold_line'), datetime(2027,6,6,2,0,tzinfo=ACT), 'gold_blr'),
 ("Gold, gold_line, Mon 09:00 Adelaide = 03:30 IST (Bengaluru asleep)", dict(segment='gold', channel='gold_line'), datetime(2026,12,7,9,0,tzinfo=ACT), 'gold_adl'),
 ("Gold, gold_line, Diwali 8 Nov 2026 11:00 IST", dict(segment='gold', channel='gold_line'), datetime(2026,11,8,11,0,tzinfo=IST), 'gold_blr'),
 ("Gold, gold_line, 02:30 Adelaide 4 Oct 2026 (hour that does not exist -> 03:30 ACDT)", dict(segment='gold', channel='gold_line'), datetime(2026,10,4,3,30,tzinfo=ACT), 'gold_blr'),
 ("Gold, gold_line, Bengaluru all busy at 21:00 IST Sat", dict(segment='gold', channel='gold_line'), datetime(2026,12,5,21,0,tzinfo=IST), 'gold_blr (waiting)'),
 ("Standard, phone_np, Dashain 20 Oct 10:00 NPT", dict(segment='standard', channel='phone_np'), datetime(2026,10,20,10,0,tzinfo=NPT), 'np_overflow'),
 ("Standard, phone_np, Tue 11:00 NPT", dict(segment='standard', channel='phone_np'), datetime(2026,10,27,11,0,tzinfo=NPT), 'np_phone'),
 ("Groups, phone_np, Sat 11:00 NPT (Nepal weekend)", dict(segment='groups', channel='phone_np'), datetime(2026,10,31,11,0,tzinfo=NPT), 'np_overflow (or closed by IVR)'),
 ("Standard, phone_au, Adelaide Cup Day 8 Mar 2027 10:00", dict(segment='standard', channel='phone_au'), datetime(2027,3,8,10,0,tzinfo=ACT), 'closed: IVR; task waits au_phone'),
 ("Standard, emergency, Boxing Day 03:00 Adelaide", dict(segment='standard', channel='emergency'), datetime(2026,12,26,3,0,tzinfo=ACT), 'emergency_line'),
 ("Gold complaint (gold_complaint), emergency line", dict(segment='gold', channel='emergency', complaint='gold_complaint'), datetime(2026,12,26,3,0,tzinfo=ACT), 'emergency_line'),
 ("Standard trip_failure complaint, emergency line", dict(segment='standard', channel='emergency', complaint='trip_failure'), datetime(2026,12,26,3,0,tzinfo=ACT), 'emergency_line'),
 ("Agents, trade_line, Republic Day 26 Jan 2027 10:00 IST", dict(segment='agents', channel='trade_line'), datetime(2027,1,26,10,0,tzinfo=IST), 'trade (closed)'),
 ("Agents, whatsapp (not offered)", dict(segment='agents', channel='whatsapp'), datetime(2026,12,7,10,0,tzinfo=IST), 'fallback'),
 ("Gold, phone_au (Gold not on country lines)", dict(segment='gold', channel='phone_au'), datetime(2026,12,7,10,0,tzinfo=ACT), '?'),
 ("Standard refund_dispute complaint on phone_np, Dashain", dict(segment='standard', channel='phone_np', complaint='refund_dispute'), datetime(2026,10,20,10,0,tzinfo=NPT), 'np_overflow'),
]
for name, attrs, t, expect in S:
    f, pr, path = route(attrs, t, busy={'gold_blr'} if 'busy' in name else set())
    print(f"{name}\n   UTC {t.astimezone(ZoneInfo('UTC')):%a %Y-%m-%d %H:%M} | IST {t.astimezone(IST):%a %H:%M} | NPT {t.astimezone(NPT):%H:%M} | ACT {t.astimezone(ACT):%a %H:%M %Z}\n   filter: {f[:90]}\n   priority {pr}; path {path}; spec expects {expect}")
