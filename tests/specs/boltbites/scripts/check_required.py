import json, math, sys
sys.path.insert(0, 'scripts')
from erlang import erlang_a, sl_c
d = json.load(open('out/staff.json'))
targets = [(0.90, 60), (0.98, 600), (0.80, 180), (0.97, 900)]
aband_max = 0.03
for q in d['queues']:
    if q['queue'] not in ('chat_mad', 'chat_lis', 'chat_ath'): continue
    for iv in q['intervals'][::3]:
        if iv.get('closed'): continue
        lam = iv['volume'] / 1800; mu = 1 / 420; th = 1 / 240
        need = None
        for N in range(1, 200):
            ok = True
            for p, T in targets:
                sl, ab = erlang_a(N, lam, mu, th, T, maxq=300)
                if sl < p: ok = False; break
            if ok and ab > aband_max: ok = False
            if ok: need = N; break
        agents = math.ceil(need / 2)
        print(q['queue'], iv['start'], 'lines', need, 'agents', agents, 'cxc', iv['required_agents'], 'OK' if agents == iv['required_agents'] else 'DIFF')
