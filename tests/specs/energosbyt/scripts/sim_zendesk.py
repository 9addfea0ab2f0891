"""Zendesk SLA: policies in position order; the FIRST policy whose conditions match applies.
Conditions: all[] every one holds, any[] at least one holds (empty any = true).
current_tags includes "a b" = ticket has at least one of the tags; not_includes = none of them."""
import json, sys
P = [x['sla_policy'] for x in json.load(open(sys.argv[1]))]
P.sort(key=lambda p: p['position'])
def cond(c, t):
    f, op, v = c['field'], c['operator'], c['value']
    if f == 'current_tags':
        tags = set(str(v).split())
        if op == 'includes': return bool(tags & t['tags'])
        if op == 'not_includes': return not (tags & t['tags'])
    if f == 'via_id':
        if op == 'is': return t['via'] == v
        if op == 'is_not': return t['via'] != v
    raise ValueError(c)
def match(p, t):
    fl = p['filter']
    return all(cond(c, t) for c in fl.get('all', [])) and (not fl.get('any') or any(cond(c, t) for c in fl['any']))
def show(name, t):
    for p in P:
        if match(p, t):
            m = {(x['metric']): (x.get('target') or f"{x.get('target_in_seconds')}s", 'BH' if x['business_hours'] else '24x7') for x in p['policy_metrics'] if x['priority'] == t.get('prio','normal')}
            print(f"## {name}\n   -> #{p['position']} {p['title'][:150]}\n      {m}")
            return
    print(f"## {name}\n   -> NO POLICY")
T = [
 ("население, e-mail (via 4)", {'tags': {'население'}, 'via': 4}),
 ("население, письмо, занесено как web-service/API (via 5)", {'tags': {'население'}, 'via': 5}),
 ("уязвимые, e-mail", {'tags': {'уязвимые'}, 'via': 4}),
 ("юрлица, e-mail", {'tags': {'юрлица'}, 'via': 4}),
 ("уязвимые, Telegram (via 81)", {'tags': {'уязвимые'}, 'via': 81}),
 ("население, Telegram (via 81)", {'tags': {'население'}, 'via': 81}),
 ("население + письменная жалоба, письмо via 4", {'tags': {'население','complaint_письменная_жалоба'}, 'via': 4}),
 ("юрлица + письменная жалоба, e-mail", {'tags': {'юрлица','complaint_письменная_жалоба'}, 'via': 4}),
 ("должники + жалоба на ограничение, телефон via 34", {'tags': {'должники','complaint_необоснованное_ограничение'}, 'via': 34}),
 ("уязвимые + жалоба на ограничение, e-mail", {'tags': {'уязвимые','complaint_необоснованное_ограничение'}, 'via': 4}),
 ("население, web form (portal, via 0)", {'tags': {'население'}, 'via': 0}),
 ("население и уязвимые оба тега (семья), e-mail", {'tags': {'население','уязвимые'}, 'via': 4}),
 ("no segment tag, e-mail", {'tags': set(), 'via': 4}),
]
for n, t in T: show(n, t)
