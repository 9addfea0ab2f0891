"""Zendesk: the first SLA policy (by position) whose filter matches a ticket applies.
current_tags includes "a b" = ticket has at least one of the tags; via_id is N."""
import json, sys
P = sorted((p['sla_policy'] for p in json.load(open(sys.argv[1]))), key=lambda p: p['position'])
def cond(c, t):
    if c['field'] == 'current_tags' and c['operator'] == 'includes':
        return bool(set(c['value'].split()) & t['tags'])
    if c['field'] == 'via_id' and c['operator'] == 'is': return t['via'] == c['value']
    raise ValueError(c)
def match(p, t):
    f = p['filter']
    return all(cond(c, t) for c in f['all']) and (not f['any'] or any(cond(c, t) for c in f['any']))
def mets(p):
    return {m['metric']: (m.get('target') or f"{m['target_in_seconds']}s", 'business' if m['business_hours'] else 'calendar') for m in p['policy_metrics'] if m['priority'] == 'normal'}
T = [
 ('Premium chat', {'премиум'}, 29, 'reply 2 min 24x7, resolution 24h 24x7'),
 ('Premium VK', {'премиум'}, 30, 'reply 30 min (09-24 MSK); resolution 24h? (standards say "любой")'),
 ('Premium refund form', {'премиум'}, 0, 'reply 2wd, resolution 5wd (график_возвратов)'),
 ('Student telegram', {'студенты'}, 81, 'reply 30 min (09-24), resolution 3wd'),
 ('Instalment e-mail', {'рассрочка'}, 4, 'reply 8h (09-24), resolution 3wd'),
 ('Corporate e-mail', {'корпоративные'}, 4, 'reply 2h (корп_линия), resolution 2wd'),
 ('Corporate phone', {'корпоративные'}, 34, 'resolution 2wd'),
 ('Author e-mail (payout)', {'авторы'}, 4, 'reply 1wd (office), resolution 5wd'),
 ('Refund complaint via form, student', {'студенты', 'complaint_возврат_жалоба'}, 0, 'ack 1d, resolve 10 calendar days (law)'),
 ('Refund complaint via e-mail, premium', {'премиум', 'complaint_возврат_жалоба'}, 4, 'reply min(2h SLA, 1d), resolve min(24h,10d)'),
 ('Quality complaint chat, student', {'студенты', 'complaint_обучение'}, 29, 'reply min(5 min, 2h), resolve 3wd'),
]
for name, tags, via, exp in T:
    t = {'tags': tags, 'via': via}
    p = next((p for p in P if match(p, t)), None)
    print(f"{name}: pos {p['position']} «{p['title'][:80]}» {mets(p)}  | spec: {exp}")
