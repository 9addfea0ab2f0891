"""Recompute cxc staff figures independently (Erlang C / Erlang A) for every interval."""
import json, math, sys
sys.path.insert(0, 'scripts')
from erlang import erlang_c, sl_c, asa_c, erlang_a
d = json.load(open('out/staff.json'))
worst = []
for q in d['queues']:
    conc = q.get('concurrency') or 1
    agents = q.get('agents')
    model = q['model']
    pat = None
    for iv in q['intervals']:
        if iv.get('closed'): continue
        lam = iv['volume'] / iv['interval_seconds']; aht = iv['aht_seconds']
        A = lam * aht
        if abs(A - iv['offered_load']) > 1e-6: print('LOAD', q['queue'], iv['start'], A, iv['offered_load'])
        if agents is None or iv.get('service_level') is None: continue
        N = agents * conc
        tgt = q['target']
        if model == 'erlang-c':
            sl = sl_c(N, A, tgt['within_seconds'], aht)
            ab = 0
        else:
            # patience from spec: chats 4m, couriers 2m
            theta = 1/240 if q['channel'] == 'app_chat' else 1/120
            # SL against the binding target only
            bt = iv.get('binding_target') or ''
            import re
            m = re.search(r'(\d+(?:\.\d+)?)% within (\d+)(s|m)', bt)
            T = int(m.group(2)) * (60 if m.group(3) == 'm' else 1) if m else tgt['within_seconds']
            sl, ab = erlang_a(N, lam, 1/aht, theta, T, maxq=400)
        diff = abs(sl - iv['service_level'])
        worst.append((diff, q['queue'], iv['start'], sl, iv['service_level'], ab, iv.get('abandon_probability'), iv.get('binding_target')))
worst.sort(reverse=True)
for w in worst[:12]: print(w)
print('n intervals compared', len(worst))
