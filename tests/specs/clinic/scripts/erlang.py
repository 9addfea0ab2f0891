"""Independent Erlang C / Erlang A (M/M/n+M) calculator.
Erlang A: exact birth-death stationary distribution + per-arrival CTMC for the
waiting time with exponential patience (PASTA). Service level counts over ALL
arrivals (abandoners count as not answered in time), ASA over answered callers."""
import math, numpy as np
from scipy.linalg import expm

def erlang_c(lam, mu, n, T):
    a = lam/mu
    if n <= a: return dict(overloaded=True)
    s = sum(a**k/math.factorial(k) for k in range(n))
    top = a**n/math.factorial(n) * n/(n-a)
    pw = top/(s+top)
    sl = 1 - pw*math.exp(-(n*mu-lam)*T)
    asa = pw/(n*mu-lam)
    return dict(pw=pw, sl=sl, asa=asa, occ=a/n)

def erlang_a(lam, mu, n, theta, T, K=None):
    # stationary distribution
    if K is None: K = n + 150
    p = [1.0]
    for k in range(1, K+1):
        death = min(k, n)*mu + max(0, k-n)*theta
        p.append(p[-1]*lam/death)
    p = np.array(p); p /= p.sum()
    pw = p[n:].sum()
    J = K - n  # max ahead
    # CTMC over "i ahead" i=0..J, plus served (J+1), abandoned (J+2)
    size = J + 3
    Q = np.zeros((size, size))
    for i in range(J+1):
        if i >= 1: Q[i, i-1] += n*mu + i*theta
        else: Q[i, J+1] += n*mu
        Q[i, J+2] += theta
        Q[i, i] = -Q[i].sum()
    init = np.zeros(size)
    for j in range(J+1): init[j] = p[n+j]
    PT = init @ expm(Q*T)
    served_by_T = PT[J+1]
    # eventual outcome: solve absorption
    # P(served eventually | i ahead) = prod_{k=0..i} (n mu + k theta)/(n mu + k theta + theta) ... careful
    ps = np.zeros(J+1)
    for i in range(J+1):
        if i == 0: ps[0] = n*mu/(n*mu+theta)
        else: ps[i] = (n*mu+i*theta)/(n*mu+i*theta+theta)*ps[i-1]
    served_wait = (p[n:]*ps).sum()
    pab = pw - served_wait
    # expected wait of served: E[V 1{served}] ; V = time to absorption in served
    # m_i = E[time * 1{served}] ; use recursion: m_i = ps_i * E[T_i | served path]
    # E[time until served | served] from i: sum_{k=0..i} 1/(n mu + k theta + theta)
    ew = 0.0
    for i in range(J+1):
        t = sum(1.0/(n*mu + k*theta + theta) for k in range(i+1))
        ew += p[n+i]*ps[i]*t
    answered = (1-pw) + served_wait
    sl = (1-pw) + served_by_T
    lam_served = lam*answered
    occ = lam_served/mu/n
    return dict(pw=pw, sl=sl, pab=pab, asa=ew/answered, occ=occ)

def needed(lam, mu, T, target, theta=None, maxab=None):
    n = 1
    while True:
        r = erlang_a(lam, mu, n, theta, T) if theta else erlang_c(lam, mu, n, T)
        ok = not r.get('overloaded') and r['sl'] >= target and (maxab is None or r['pab'] <= maxab)
        if ok: return n, r
        n += 1

if __name__ == '__main__':
    # sanity: Erlang C classic: 100 calls/30 min? use 360 calls/h, aht 3m -> 18 Erl
    print(erlang_c(360/3600, 1/180, 20, 20))
    print(erlang_a(360/3600, 1/180, 20, 1/180, 20))
