import math, json, sys
def erlang_c(A, N):
    # probability of waiting, M/M/N
    if N <= A: return 1.0
    s = sum(A**k/math.factorial(k) for k in range(N))
    top = A**N/math.factorial(N) * N/(N-A)
    return top/(s+top)
def sl_c(A, N, aht, t):
    pw = erlang_c(A, N)
    return 1 - pw*math.exp(-(N-A)*t/aht), pw, pw*aht/(N-A)
def erlang_a(lam, mu, theta, N, K=400):
    # birth-death chain: states 0..N+K
    p=[1.0]
    for n in range(1, N+K):
        death = min(n,N)*mu + max(0,n-N)*theta
        p.append(p[-1]*lam/death)
    Z=sum(p); p=[x/Z for x in p]
    pw = sum(p[N:])          # PASTA: arriving customer waits
    # abandonment fraction = theta*E[queue]/lam
    eq = sum((n-N)*p[n] for n in range(N, len(p)))
    return pw, theta*eq/lam
d=json.load(open('/work/audit18/staff.json'))
for q in d['queues']:
    for iv in q['intervals']:
        if iv.get('closed'): continue
        A=iv['offered_load']; aht=iv['aht_seconds']; conc=q.get('concurrency') or 1
        N=q['agents']*conc
        t=q['target']['within_seconds'] if q['target'] else None
        if q['model']=='erlang-c':
            sl,pw,asa=sl_c(A,N,aht,t)
            print(q['queue'], iv['start'], 'N',N,'A',round(A,3),'mine SL %.6f Pw %.6f ASA %.4f'%(sl,pw,asa),'| cxc SL %.6f Pw %.6f ASA %.4f'%(iv['service_level'],iv['wait_probability'],iv['asa_seconds']))
            # required agents
            req=next(n for n in range(1,200) if n*conc>A and sl_c(A,n*conc,aht,t)[0]>=q['target']['percent']/100)
            print('    required mine',req,'cxc',iv['required_agents'])
        else:
            lam=iv['volume']/iv['interval_seconds']; mu=1/aht; theta=1/120
            pw,ab=erlang_a(lam,mu,theta,N)
            print(q['queue'],'erlangA mine Pw %.6f abandon %.6f | cxc Pw %.6f abandon %.6f'%(pw,ab,iv['wait_probability'],iv['abandon_probability']))
        if q['queue']=='waw_phone': break
