"""Independent Erlang C / Erlang A (M/M/n+M) staffing check."""
import math, json, sys
import numpy as np
from scipy.linalg import expm
def erlang_c(n, a):
    if n <= a: return 1.0
    s = sum(a**k/math.factorial(k) for k in range(n))
    top = a**n/math.factorial(n) * n/(n-a)
    return top/(s+top)
def sl_c(n, a, aht, t):
    if n <= a: return 0.0
    return 1 - erlang_c(n, a)*math.exp(-(n-a)*t/aht)
def stationary_a(n, lam, mu, th, K=None):
    K = K or n + 400
    p = [1.0]
    for k in range(1, K+1):
        d = min(k, n)*mu + max(k-n, 0)*th
        p.append(p[-1]*lam/d)
    s = sum(p); return [x/s for x in p]
def sl_a(n, lam, mu, th, t):
    p = stationary_a(n, lam, mu, th)
    sl = sum(p[:n])  # served immediately
    aband = 0.0
    for k in range(n, len(p)):
        j = k - n + 1
        if p[k] < 1e-14: continue
        # states: i ahead = j-1..0, then served(idx j), abandoned(idx j+1)
        m = j + 2
        Qm = np.zeros((m, m))
        for idx in range(j):
            i = j-1-idx
            r = n*mu + i*th
            nxt = idx+1 if idx+1 < j else j
            Qm[idx, nxt] += r; Qm[idx, j+1] += th
            Qm[idx, idx] -= r + th
        P = expm(Qm*t)
        sl += p[k]*P[0, j]
        Pinf = expm(Qm*1e5)
        aband += p[k]*Pinf[0, j+1]
    return sl, aband
def need(a, aht, pct, t, conc=1, patience=None, lam=None):
    for n in range(1, 2000):
        if patience:
            s, _ = sl_a(n, lam, 1/aht, 1/patience, t)
        else:
            s = sl_c(n, a, aht, t)
        if s >= pct: return n, math.ceil(n/conc), s
if __name__ == '__main__':
    cases = [
      # name, volume, interval s, aht, pct, t, conc, patience
      ('чат_мск пн 14:00 (C)', 40, 1800, 540, .90, 120, 3, None),
      ('чат_мск пн 14:00 (A, patience 6m)', 40, 1800, 540, .90, 120, 3, 360),
      ('чат_мск пн 19:00 (C)', 70, 1800, 600, .90, 120, 3, None),
      ('чат_мск пн 19:00 (A)', 70, 1800, 600, .90, 120, 3, 360),
      ('чат_мск сб 19:00 (A)', 56, 1800, 600, .90, 120, 3, 360),
      ('премиум_чат 2027-02-01 19:00 (C)', 45, 3600, 420, .90, 120, 2, None),
      ('премиум_чат 2027-02-02 19:00 (C)', 30, 3600, 420, .90, 120, 2, None),
      ('премиум_чат 2027-02-01 08:00 (C)', 27, 3600, 420, .90, 120, 2, None),
      ('чат_алм 40/30m (C)', 40, 1800, 540, .90, 120, 3, None),
      ('чат_таш 8/30m (C)', 8, 1800, 540, .90, 120, 2, None),
      ('чат_тбс 45/30m (C)', 45, 1800, 540, .90, 120, 3, None),
      ('корп_тел_мск 6/30m (A, patience 2m)', 6, 1800, 300, .90, 20, 1, 120),
      ('корп_тел_алм 3/30m (A, patience 2m)', 3, 1800, 300, .90, 20, 1, 120),
    ]
    for name, v, iv, aht, pct, t, conc, pat in cases:
        a = v*aht/iv; lam = v/iv
        n, ag, s = need(a, aht, pct, t, conc, pat, lam)
        print(f"{name}: load {a:.3f} Erl, lines {n}, agents {ag} (SL {s:.4f})")
    # SL and abandonment at planned agents
    for name, v, iv, aht, t, conc, pat, agents in [('чат_мск пн 19:00 14 agents',70,1800,600,120,3,360,14),('корп_тел_мск 3 agents',6,1800,300,20,1,120,3),('корп_тел_алм 2 agents',3,1800,300,20,1,120,2)]:
        lam=v/iv; n=agents*conc
        s, ab = sl_a(n, lam, 1/aht, 1/pat, t)
        print(f"{name}: SL {s:.6f} abandon {ab:.3e}")
