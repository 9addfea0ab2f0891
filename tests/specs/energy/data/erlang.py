import math
def stationary(lam, mu, theta, n, extra=400):
    N = n + extra
    p=[1.0]
    for k in range(1,N+1):
        death = min(k,n)*mu + max(k-n,0)*theta
        p.append(p[-1]*lam/death)
        if p[-1] < 1e-300: break
    s=sum(p); return [x/s for x in p]
def p_served_within(j, n, mu, theta, t):
    # states i=j..0 ahead; from i: move to i-1 at rate n*mu + i*theta (i>0), from 0 -> served at rate n*mu; kill theta everywhere
    rates=[n*mu + i*theta for i in range(j+1)]  # index i
    Lam = max(rates)+theta
    # uniformization
    vec=[0.0]*(j+1); vec[j]=1.0; served=0.0
    total=0.0; k=0; pois=math.exp(-Lam*t); cum=0.0
    # P(served by t) = sum_k Pois(k; Lam t) * P(served within k uniformized steps)
    served_by_step=0.0
    res=0.0
    while True:
        res += pois*served_by_step
        cum += pois
        if cum > 1-1e-12 or k>5000: break
        # one step
        new=[0.0]*(j+1); add=0.0
        for i,v in enumerate(vec):
            if v==0: continue
            r=rates[i]
            if i==0: add += v*r/Lam
            else: new[i-1]+=v*r/Lam
            new[i]+= v*(1-(r+theta)/Lam)
        vec=new; served_by_step+=add
        k+=1; pois*=Lam*t/k
    return res
def erlang_a(volume, interval, aht, patience, n, t):
    lam=volume/interval; mu=1/aht; theta=1/patience if patience else 0.0
    if theta==0: return erlang_c(volume,interval,aht,n,t)
    p=stationary(lam,mu,theta,n)
    sl=sum(p[:n]); wait=sum(p[n:])
    for k in range(n,len(p)):
        if p[k]<1e-15: continue
        sl+=p[k]*p_served_within(k-n,n,mu,theta,t)
    EQ=sum((k-n)*p[k] for k in range(n,len(p)))
    aband=theta*EQ/lam
    return dict(sl=sl, wait=wait, aband=aband)
def erlang_c(volume, interval, aht, n, t):
    A=volume*aht/interval
    if n<=A: return dict(sl=0, wait=1, aband=0)
    s=sum(A**k/math.factorial(k) for k in range(n)); last=A**n/math.factorial(n)*n/(n-A)
    pw=last/(s+last)
    return dict(sl=1-pw*math.exp(-(n-A)*t/aht), wait=pw, aband=0)
if __name__=='__main__':
    for n in (4,5): print('life', n, erlang_a(5,1800,540,120,n,20))
    for n in (5,6): print('faults 01:30', n, erlang_a(13.6,1800,300,120,n,20))
    for n in (9,10): print('faults 02:00b', n, erlang_a(34.1,1800,300,120,n,20))
