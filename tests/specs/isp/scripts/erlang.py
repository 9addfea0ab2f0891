"""Independent Erlang C / Erlang A (M/M/c+M) computation to check `cxc staff`."""
import math, json, sys
import numpy as np
from scipy.linalg import expm

def erlang_c(c, a):
    # probability of waiting
    if c <= a: return 1.0
    s = 0.0; term = 1.0
    for k in range(c):
        if k>0: term *= a/k
        s += term
    term *= a/c  # a^c/c!
    pc = term * c/(c-a)
    return pc/(s+pc)

def ec_metrics(c, lam, aht, T):
    a = lam*aht
    if c <= a: return None
    pw = erlang_c(c, a)
    sl = 1 - pw*math.exp(-(c-a)*T/aht)
    asa = pw*aht/(c-a)
    return dict(sl=sl, pw=pw, asa=asa, occ=a/c)

def ea_metrics(c, lam, aht, patience, T, K=None):
    mu = 1/aht; th = 1/patience
    if K is None: K = c + 400
    # stationary probabilities
    logp = [0.0]
    for n in range(1, K+1):
        rate = min(n, c)*mu + max(0, n-c)*th
        logp.append(logp[-1] + math.log(lam) - math.log(rate))
    m = max(logp); p = np.exp(np.array(logp)-m); p /= p.sum()
    pw = p[c:].sum()
    # arriving customer finding n>=c joins queue at position j=n-c+1 (if n<K)
    J = K - c + 1
    # CTMC over positions 1..J, absorbing: served (S), abandoned (A)
    Q = np.zeros((J+2, J+2))
    S, A = J, J+1
    for j in range(1, J+1):
        i = j-1
        fwd = c*mu + (j-1)*th
        if j == 1: Q[i, S] += c*mu
        else: Q[i, i-1] += fwd
        Q[i, A] += th
        Q[i, i] = -(fwd + th)
    P = expm(Q*T)
    init = np.zeros(J+2); init[:J] = p[c:c+J]
    served_within_T_given_wait = (init @ P)[S]
    # probability eventually served: solve absorption
    Qt = Q[:J,:J]; R = Q[:J, [S, A]]
    N = np.linalg.solve(-Qt, R)  # absorption probs
    served_eventually_wait = init[:J] @ N[:,0]
    aband = init[:J] @ N[:,1]
    # expected waiting time of those served: E[W 1{served}]; use fundamental matrix
    # expected time to absorption times indicator served: solve (-Qt) x = N[:,0]*?; use E[tau*1{S}] = (-Qt)^-1 (h) with h = (-Qt)^-1 r_S ... 
    Nmat = np.linalg.inv(-Qt)
    hS = N[:,0]
    EW_S = init[:J] @ (Nmat @ hS)
    served_total = (1-pw) + served_eventually_wait
    sl = (1-pw) + served_within_T_given_wait  # abandoned count as not in time
    asa = EW_S / served_total
    occ = lam*served_total*aht / c
    return dict(sl=sl, pw=pw, asa=asa, occ=occ, aband=aband)

if __name__ == "__main__":
    d = json.load(open(sys.argv[1]))
    for q in d['queues']:
        print('==', q['queue'], q['model'], q['target'], q.get('targets'), 'agents', q['agents'], 'conc', q['concurrency'])
        seen=set()
        for iv in q['intervals']:
            key=(iv['volume'], iv['aht_seconds'])
            if key in seen: continue
            seen.add(key)
            lam = iv['volume']/iv['interval_seconds']; aht=iv['aht_seconds']
            print('  ', iv['start'], iv['volume'], 'cxc: req', iv['required_agents'], 'sl', round(iv['service_level'],4) if iv.get('service_level') is not None else None,
                  'asa', round(iv['asa_seconds'],2) if iv.get('asa_seconds') is not None else None,
                  'ab', iv.get('abandon_probability'), 'occ', round(iv['occupancy'],4) if iv.get('occupancy') else None)
            yield_ = None
