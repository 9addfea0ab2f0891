import math, sys
sys.path.insert(0, '.')
from erlang import need
import json
cache = {}
def req(v, aht):
    if (v, aht) not in cache:
        cache[(v, aht)] = need(v*aht/1800, aht, .90, 120, 3, 360, v/1800)[1]
    return cache[(v, aht)]
tot_agents = tot_head = 0
for d in range(7):
    for h in range(14, 24):
        for m in (0, 30):
            v = 70 if 19 <= h < 23 else 40
            if d >= 5: v = int(v*0.8)
            aht = 540 if h < 19 else 600
            a = req(v, aht)
            tot_agents += a*0.5; tot_head += math.ceil(a/0.7)*0.5
print('cache', cache)
print('seat-hours agents', tot_agents, 'after shrinkage', tot_head)
