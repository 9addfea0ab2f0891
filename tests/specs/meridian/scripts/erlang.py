"""Independent Erlang C / Erlang A check of `cxc staff --format json`.
Erlang C: classic formula. Erlang A: birth-death chain with exponential patience (theta=1/patience);
SL over all arrivals = P(answered within T) (abandoners count as not in time); ASA over answered callers.
Concurrency c: lines = agents*c (cxc: lines needed / concurrency, rounded up)."""
import json, math, sys
import numpy as np
from scipy.linalg import expm

def erlang_c(A, N):
    if N <= A: return None
    s = 0.0; term = 1.0
    for k in range(N):
        if k>0: term *= A/k
        s += term
    termN = term*A/N  # A^N/N!
    pw = termN*N/(N-A) / (s + termN*N/(N-A))
    return pw

def c_metrics(lam, aht, N, T):
    A = lam*aht
    pw = erlang_c(A, N)
    if pw is None: return None
    sl = 1 - pw*math.exp(-(N-A)*T/aht)
    asa = pw*aht/(N-A)
    return dict(sl=sl, pw=pw, asa=asa, occ=A/N, ab=None)

def a_metrics(lam, aht, N, T, patience, K=None):
    mu = 1/aht; th = 1/patience
    if K is None: K = N + 60 + int(6*lam*patience)
    # stationary probs
    logp = [0.0]
    for n in range(1, K+1):
        rate = min(n, N)*mu + max(n-N, 0)*th
        logp.append(logp[-1] + math.log(lam/rate))
    m = max(logp); p = np.exp(np.array(logp)-m); p /= p.sum()
    pw = p[N:].sum()
    Lq = sum((n-N)*p[n] for n in range(N, K+1))
    ab = th*Lq/lam
    # P(answered within T) for an arrival that finds n>=N: position j=n-N ahead
    J = K-N+1
    while J>1 and p[N+J-1] < 1e-13: J -= 1
    # states: j=0..J-1 (number ahead), absorbing served (J), abandoned (J+1)
    Q = np.zeros((J+2, J+2))
    for j in range(J):
        own = th
        if j == 0:
            Q[j, J] = N*mu
        else:
            Q[j, j-1] = N*mu + j*th
        Q[j, J+1] = own
        Q[j, j] = -Q[j].sum()
    P = expm(Q*T)
    served_by_T = P[:J, J]
    sl = p[:N].sum() + sum(p[N+j]*served_by_T[j] for j in range(J))
    # ASA among answered: E[wait * 1{served}] / P(served)
    # solve expected time to absorption weighted; use numeric integration of 1-F
    # E[W 1{served}] from position j: solve linear system for expected time-to-service among served paths
    # m_j = E[W 1{served}] ; q_j = P(served). q_0 = N mu/(N mu+th); q_j = r_j/(r_j+th) q_{j-1}
    qv=[0.0]*J; mv=[0.0]*J
    for j in range(J):
        r = N*mu + j*th if j>0 else N*mu
        tot = r + th
        qprev = 1.0 if j==0 else qv[j-1]; mprev = 0.0 if j==0 else mv[j-1]
        qv[j] = r/tot*qprev
        mv[j] = r/tot*(mprev + qprev/tot)
    ew = sum(p[N+j]*mv[j] for j in range(J))
    answered = 1-ab
    asa = ew/answered
    occ = lam*aht*(1-ab)/N
    return dict(sl=sl, pw=pw, asa=asa, occ=occ, ab=ab)

d = json.load(open(sys.argv[1]))
spec_patience = {'in_phone':180,'emergency_line':90,'chat':300}
for q in d['queues']:
    T = q['target']['within_seconds'] if q.get('target') else None
    pct = q['target']['percent']/100 if q.get('target') else None
    conc = q.get('concurrency') or 1
    print(f"== {q['queue']} model={q['model']} target={q.get('target')} agents={q['agents']} conc={conc}")
    worst = []
    for iv in q['intervals']:
        if iv.get('closed'): continue
        lam = iv['volume']/iv['interval_seconds']; aht = iv['aht_seconds']
        pat = spec_patience.get(q['queue'])
        f = (lambda N: a_metrics(lam, aht, N, T, pat, K=None)) if pat else (lambda N: c_metrics(lam, aht, N, T))
        # required lines
        req = None
        if T:
            A = lam*aht
            for N in range(max(1,int(A*0.3)), int(A)+200):
                m = f(N)
                if m and m['sl'] >= pct - 1e-12:
                    # also abandonment targets
                    if q['queue']=='emergency_line' and m['ab']>0.02: continue
                    if q['queue']=='chat' and m['ab']>0.08: continue
                    req = N; break
        req_agents = math.ceil(req/conc) if req else None
        mine = f(q['agents']*conc)
        cx_sl = iv.get('service_level')
        flag = ''
        if req_agents != iv['required_agents']: flag += f' REQ-DIFF(mine {req_agents} cxc {iv["required_agents"]})'
        if mine and cx_sl is not None and abs(mine['sl']-cx_sl) > 0.002: flag += f' SL-DIFF(mine {mine["sl"]:.4f} cxc {cx_sl:.4f})'
        if mine and iv.get('abandon_probability') is not None and mine['ab'] is not None and abs(mine['ab']-iv['abandon_probability'])>0.002: flag += f' AB-DIFF(mine {mine["ab"]:.4f} cxc {iv["abandon_probability"]:.4f})'
        if mine and iv.get('asa_seconds') is not None and abs(mine['asa']-iv['asa_seconds'])>max(0.5,0.02*iv['asa_seconds']): flag += f' ASA-DIFF(mine {mine["asa"]:.2f} cxc {iv["asa_seconds"]:.2f})'
        if flag or iv is q['intervals'][0]:
            print(f"  {iv['start']} vol={iv['volume']} A={lam*aht:.2f} req_cxc={iv['required_agents']} hc={iv['required_headcount']}{flag}")
