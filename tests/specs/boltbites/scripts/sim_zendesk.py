"""First matching Zendesk SLA policy (by position) for concrete tickets; expected targets
derived by hand from the spec + the documented rules (README: Zendesk)."""
import json
P = sorted(json.load(open('out/build/routing/zendesk-sla-policies.json')), key=lambda x: x.get('sla_policy', x)['position'])
def cond_ok(c, t):
    f, op, v = c['field'], c['operator'], c['value']
    if f == 'via_id': return (t['via'] == v) if op == 'is' else (t['via'] != v)
    if f == 'current_tags':
        tags = str(v).split()
        return any(x in t['tags'] for x in tags) if op == 'includes' else not any(x in t['tags'] for x in tags)
    raise ValueError(f)
def first(t):
    for p in P:
        b = p.get('sla_policy', p); f = b['filter']
        if all(cond_ok(c, t) for c in f.get('all', [])) and (not f.get('any') or any(cond_ok(c, t) for c in f['any'])):
            m = {}
            for pm in b['policy_metrics']:
                if pm['priority'] == 'normal': m[pm['metric']] = (pm.get('target') or round(pm.get('target_in_seconds', 0) / 60, 2), 'biz' if pm['business_hours'] else 'cal')
            return b['position'], b['title'], m
    return None, None, {}
T = [
 ('Plus chat', dict(via=29, tags={'diner_plus'}), {'first_reply_time': (1, 'cal'), 'total_resolution_time': (1440, 'cal')}),
 ('Regular chat', dict(via=29, tags={'diner_regular'}), {'first_reply_time': (3, 'cal'), 'total_resolution_time': (2880, 'cal')}),
 ('Newcomer web form', dict(via=4, tags={'diner_new'}), {'first_reply_time': (1440, 'cal'), 'total_resolution_time': (2880, 'cal')}),
 ('Plus web form', dict(via=4, tags={'diner_plus'}), {'first_reply_time': (240, 'cal'), 'total_resolution_time': (1440, 'cal')}),
 ('Plus Instagram DM', dict(via=38, tags={'diner_plus'}), {'first_reply_time': (60, 'biz')}),
 ('Chain web form', dict(via=4, tags={'partner_chain'}), {'first_reply_time': (240, 'biz'), 'total_resolution_time': (1980, 'biz')}),
 ('Chain payouts e-mail', dict(via=4, tags={'partner_chain', 'partner_payouts'}), {'first_reply_time': (1620, 'biz')}),
 ('Indie payouts e-mail', dict(via=4, tags={'partner_indie', 'partner_payouts'}), {'first_reply_time': (1620, 'biz')}),
 ('Indie phone ticket', dict(via=34, tags={'partner_indie'}), {'total_resolution_time': (2640, 'biz')}),
 ('Courier web form', dict(via=4, tags={'courier'}), {'first_reply_time': (1440, 'cal'), 'total_resolution_time': (4320, 'cal')}),
 ('Courier hotline call ticket', dict(via=34, tags={'courier'}), {}),
 ('Order complaint, Plus chat', dict(via=29, tags={'diner_plus', 'complaint_order_problem'}), {'first_reply_time': (1, 'cal'), 'total_resolution_time': (1440, 'cal')}),
 ('Order complaint, regular web form', dict(via=4, tags={'diner_regular', 'complaint_order_problem'}), {'first_reply_time': (15, 'cal'), 'total_resolution_time': (1440, 'cal')}),
 ('Payout dispute, indie payouts e-mail', dict(via=4, tags={'partner_indie', 'partner_payouts', 'complaint_payout_dispute'}), {'first_reply_time': (240, 'biz'), 'total_resolution_time': (3240, 'biz')}),
 ('Deactivation appeal, courier web form', dict(via=4, tags={'courier', 'complaint_deactivation'}), {'first_reply_time': (1080, 'biz'), 'total_resolution_time': (4320, 'cal')}),
 ('Deactivation appeal, courier hotline', dict(via=34, tags={'courier', 'complaint_deactivation'}), {'first_reply_time': (1080, 'biz'), 'total_resolution_time': (3240, 'biz')}),
 ('Formal complaint, courier hotline', dict(via=34, tags={'courier', 'complaint_formal'}), {'first_reply_time': (1080, 'biz'), 'total_resolution_time': (5940, 'biz')}),
]
bad = 0
for name, t, exp in T:
    pos, title, m = first(t)
    ok = m == exp
    bad += not ok
    print(('OK  ' if ok else 'DIFF'), f'{name}: policy {pos} "{(title or "")[:80]}" -> {m}' + ('' if ok else f'  expected {exp}'))
print('differences:', bad)
