"""First-matching Zendesk SLA policy for concrete tickets (conditions: all/any; current_tags includes = at least one of the space-separated tags)."""
import json
P = json.load(open('/work/audit9/out/routing/zendesk-sla-policies.json'))
def cond(c, t):
    f, op, v = c['field'], c['operator'], c['value']
    if f == 'current_tags':
        want = set(str(v).split())
        return bool(want & t['tags']) if op == 'includes' else not (want & t['tags'])
    if f == 'via_id': return (t['via_id'] == v) if op == 'is' else (t['via_id'] != v)
    raise ValueError(f)
def match(p, t):
    fl = p['filter']; return all(cond(c, t) for c in fl.get('all', [])) and (not fl.get('any') or any(cond(c, t) for c in fl['any']))
tickets = [
 ('Premier e-mail', dict(tags={'premier'}, via_id=4)),
 ('Premier portal web form', dict(tags={'premier'}, via_id=0)),
 ('Premier e-mail tagged P3', dict(tags={'premier', 'complaint_p3_issue'}, via_id=4)),
 ('Premier e-mail tagged P4', dict(tags={'premier', 'complaint_p4_question'}, via_id=4)),
 ('Enterprise outage-hotline call ticket (voice)', dict(tags={'enterprise'}, via_id=34)),
 ('Premier P1 via hotline', dict(tags={'premier', 'complaint_p1_outage'}, via_id=34)),
 ('Self-serve P1 (not covered by p1 rule)', dict(tags={'selfserve', 'complaint_p1_outage'}, via_id=4)),
 ('Business chat', dict(tags={'business'}, via_id=29)),
 ('Self-serve help-centre form', dict(tags={'selfserve'}, via_id=0)),
]
for name, t in tickets:
    for p in P:
        p = p.get('sla_policy', p)
        if match(p, t):
            m = sorted({(x['metric'], x.get('target', x.get('target_in_seconds')), x['business_hours']) for x in p['policy_metrics']})
            print(f'{name:45s} -> [{p["position"]}] {p["title"]}\n{"":48s}{m}'); break
    else: print(f'{name:45s} -> no policy')
