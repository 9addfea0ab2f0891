"""Independent Erlang C and Erlang A (M/M/N+M) service-level figures."""
import math, json, sys
import numpy as np
from scipy.linalg import expm

def erlang_c(N, A):
    if N <= A: return 1.0
    s = sum(A**k / math.factorial(k) for k in range(N))
    top = A**N / math.factorial(N) * N / (N - A)
    return top / (s + top)

def sl_c(N, lam, aht, t):
    A = lam * aht
    if N <= A: return 0.0
    pw = erlang_c(N, A)
    return 1 - pw * math.exp(-(N - A) * t / aht)

def erlang_a(N, lam, aht, patience, t, K=400):
    mu = 1 / aht; th = 1 / patience
    # stationary distribution of birth-death chain
    logp = [0.0]
    for n in range(1, N + K):
        d = min(n, N) * mu + max(n - N, 0) * th
        logp.append(logp[-1] + math.log(lam / d))
    m = max(logp); p = np.exp(np.array(logp) - m); p /= p.sum()
    p_imm = p[:N].sum()                       # served at once
    # an arrival finding N+k waits with k ahead of it
    Kq = K - 1
    # transient states j = 0..Kq (number ahead); rates
    Q = np.zeros((Kq + 1, Kq + 1))
    for j in range(Kq + 1):
        out = N * mu + j * th + th   # move forward (or be served at j=0) + own abandonment
        Q[j, j] = -out
        if j > 0: Q[j, j - 1] = N * mu + j * th
    E = expm(Q * t)
    surv = E  # surv[k, j]: prob in state j at t starting from k (still waiting)
    # served by t  = 1 - still waiting - abandoned; compute abandoned via integral: use generator with absorbing states
    Qa = np.zeros((Kq + 3, Kq + 3))
    Qa[:Kq + 1, :Kq + 1] = Q
    for j in range(Kq + 1):
        Qa[j, Kq + 2] = th                    # own abandonment
    Qa[0, Kq + 1] = N * mu                    # served
    Ea = expm(Qa * t)
    served_by_t = Ea[:Kq + 1, Kq + 1]
    pq = p[N:N + Kq + 1]
    within = p_imm + float((pq * served_by_t).sum())
    # abandonment probability overall
    ab = float(sum(p[n] * 0 for n in range(0)))
    # P(abandon) = th * E[queue length] / lam
    qlen = sum((n - N) * p[n] for n in range(N, len(p)))
    p_ab = th * qlen / lam
    pw = 1 - p_imm
    return within, pw, p_ab, within / (1 - p_ab)

if __name__ == '__main__':
    for (name, N, vol, aht, pat, t) in [
        ('авария_общая 00:00', 4, 14, 240, 120, 30), ('авария_общая 00:00 @3', 3, 14, 240, 120, 30),
        ('авария_общая 08:00 @8', 8, 38, 240, 120, 30), ('авария_общая 08:00 @7', 7, 38, 240, 120, 30),
        ('авария_общая 17:00 (52) @10', 10, 52, 240, 120, 30), ('@9', 9, 52, 240, 120, 30),
        ('авария_уязвимые @2', 2, 1, 240, 120, 10), ('@1', 1, 1, 240, 120, 10),
        ('кц_екб_приоритет @7', 7, 20, 360, 180, 20), ('@6', 6, 20, 360, 180, 20),
        ('кц_нск_общая @22', 22, 130, 300, 180, 60), ('@21', 21, 130, 300, 180, 60), ('@24', 24, 130, 300, 180, 60),
        ('кц_омск_общая @16', 16, 90, 300, 180, 60), ('@15', 15, 90, 300, 180, 60),
    ]:
        lam = vol / 1800
        w, pw, pab, wc = erlang_a(N, lam, aht, pat, t)
        print(f"{name:32s} N={N:2d} A={lam*aht:5.2f} ErlangA: SL(all offered)={w*100:6.2f}% SL(of answered)={wc*100:6.2f}% Pwait={pw*100:5.2f}% Pab={pab*100:5.2f}% | ErlangC SL={sl_c(N, lam, aht, t)*100:6.2f}%")
    # telegram concurrency 3: 4 agents x3 = 12 slots; load 30*360/1800 = 6
    print('telegram ErlangC 12 slots', sl_c(12, 30/1800, 360, 60), '9 slots', sl_c(9, 30/1800, 360, 60))
    # office: 22 per 30m, aht 12m, 90% in 15m
    for N in (9,10,11): print('office', N, sl_c(N, 22/1800, 720, 900), 'Pw', erlang_c(N, 22*720/1800))
