#!/usr/bin/env python3
"""Independent Erlang C and Erlang A (M/M/n+M, Palm) for a few cxc staff intervals."""
import math
def erlang_c(n,A):
    if n<=A: return 1.0
    s=0.0; term=1.0
    for k in range(n):
        if k>0: term*=A/k
        s+=term
    term*=A/n  # A^n/n!
    top=term*n/(n-A)
    return top/(s+top)
def sl_c(n,A,aht,t):
    pw=erlang_c(n,A); return 1-pw*math.exp(-(n-A)*t/aht), pw, pw*aht/(n-A)
def erlang_a(n,lam,mu,theta,t,K=400):
    # birth-death: states k=0..n+K; death rate min(k,n)mu + max(0,k-n)theta
    p=[1.0]
    for k in range(1,n+K):
        d=min(k,n)*mu+max(0,k-n)*theta
        p.append(p[-1]*lam/d)
    Z=sum(p); p=[x/Z for x in p]
    pwait=sum(p[n:])
    # abandon prob: rate of abandonment / lam
    pab=sum(p[k]*(k-n)*theta for k in range(n,len(p)))/lam
    # P(wait > t and not abandoned before service) via uniformisation is heavy; compute
    # P(answered within t) for an arrival finding j waiting: needs j+1 service completions (rate n*mu+ (queue-ahead)*theta)
    # exact: arrival in position j+1; sojourn phases with rates n*mu + i*theta (i ahead incl. itself), plus own abandonment
    # probability served within t = integral; approximate by numeric ODE over small dt
    sl_num=0.0
    for j,pk in enumerate(p[n:]):
        # phases: i = j+1 ... 1 (number in queue up to and including me); leave phase by service (n*mu) moving to i-1, by others ahead abandoning ((i-1)*theta), by own abandonment (theta)
        m=j+1
        # state vector over i=m..1 ; absorbing served / abandoned
        dt=0.05; steps=int(t/dt)
        v=[0.0]*(m+1); v[m]=1.0; served=0.0
        if m>60: continue  # negligible
        for _ in range(steps):
            nv=v[:]
            for i in range(1,m+1):
                if v[i]==0: continue
                out=(n*mu+(i-1)*theta+theta)*v[i]*dt
                nv[i]-=out
                adv=(n*mu+(i-1)*theta)*v[i]*dt
                if i==1: served+=n*mu*v[i]*dt
                else: nv[i-1]+=adv
            v=nv
        sl_num+=pk*served
    sl_ans=sum(p[:n])+sl_num   # answered within t (includes immediate)
    return dict(pwait=pwait,pab=pab,sl_offered=sl_ans, sl_answered=sl_ans/(1-pab))
if __name__=='__main__':
    print('freq_phone_ktm: 40/30m aht 300s, 80% in 60s (Erlang C)')
    A=40*300/1800
    for n in (8,9):
        sl,pw,asa=sl_c(n,A,300,60); print(f'  n={n} A={A:.3f} SL={sl:.4f} Pwait={pw:.4f} ASA={asa:.1f}s')
    print('chat_mnl: 90/30m aht 480s concurrency 3, 90% in 60s; agents x3 as servers')
    A=90*480/1800
    for ag in (8,9,10,11):
        n=ag*3
        if n<=A: print(f'  agents={ag} servers={n} overloaded (A={A})'); continue
        sl,pw,asa=sl_c(n,A,480,60); print(f'  agents={ag} servers={n} SL={sl:.4f} Pwait={pw:.4f}')
    print('biz_phone mon 10:00: 24/30m aht 330s patience 120s (Erlang A), 95% in 60s')
    lam=24/1800; mu=1/330; th=1/120
    for n in (7,8):
        r=erlang_a(n,lam,mu,th,60); print(f'  n={n} A={lam/mu:.2f}',{k:round(v,4) for k,v in r.items()})
    print('phone_mnl: 80/30m aht 300 patience 180 (Erlang A), 95% in 60s')
    lam=80/1800; mu=1/300; th=1/180
    for n in (17,18):
        r=erlang_a(n,lam,mu,th,60); print(f'  n={n}',{k:round(v,4) for k,v in r.items()})
