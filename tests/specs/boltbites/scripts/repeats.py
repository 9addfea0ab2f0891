import csv, json, sys
from datetime import datetime, timedelta
sys.argv = ['x']; exec(open('scripts/recompute_measure.py').read().split("END = max")[0])
from collections import defaultdict
by = defaultdict(list)
for r in good:
    if r['customer']: by[r['customer']].append(r)
m = json.load(open('out/measure/measure.json'))
for seg in ['diner_plus', 'courier', 'partner_indie']:
    rows = [r for r in good if r['segment'] == seg]
    rep = 0
    for r in rows:
        end = (r['resolved'] or r['created']) + timedelta(days=7)
        if any(o is not r and o['created'] > r['created'] and o['created'] <= end for o in by[r['customer']]): rep += 1
    s = next(x for x in m['segments'] if x.get('segment') == seg or x.get('id') == seg)
    fig = s['figures'] if 'figures' in s else s
    rp = fig.get('repeat') if isinstance(fig, dict) else None
    if rp is None and isinstance(fig, list): rp = [f for f in fig if 'repeat' in json.dumps(f)[:60]]
    print(seg, 'mine', len(rows), rep, round(100 * rep / len(rows), 2), 'cxc', json.dumps(rp)[:300])
