import math
def erlang_c(a, n):
    if n <= a: return 1.0
    s = 0.0; term = 1.0
    for k in range(n):
        if k>0: term *= a/k
        s += term
    term *= a/n  # a^n/n!
    top = term * n/(n-a)
    return top/(s+top)
def sl_c(a,n,aht,t):
    if n<=a: return None
    return 1 - erlang_c(a,n)*math.exp(-(n-a)*t/aht)
def need_c(a,aht,t,p):
    n=max(1,int(a)+1)
    while sl_c(a,n,aht,t)<p: n+=1
    return n
if __name__=="__main__":
    for name,vol,per,aht,t,p,n,conc in [("broker",18,1800,420,30,.9,5,1),("ie",22,1800,480,60,.8,6,1),
        ("chat",70,1800,540,30,.85,8,2),("emergency18",14,3600,600,30,.9,5,1),("kczat",20,1800,420,60,.8,3,2)]:
        a=vol*aht/per
        print(name,"load",round(a,3),"SL with",n,"agents:",sl_c(a,n*conc,aht,t),"need agents",math.ceil(need_c(a,aht,t,p)/conc))

def erlang_a(lam, mu, theta, n, kmax=2000):
    # stationary distribution of M/M/n+M; returns P(abandon), P(wait>0), mean wait of served
    p=[1.0]
    for j in range(1,n+kmax):
        d = j*mu if j<=n else n*mu+(j-n)*theta
        p.append(p[-1]*lam/d)
        if p[-1]<1e-300: break
    s=sum(p); p=[x/s for x in p]
    EQ=sum((j-n)*p[j] for j in range(n,len(p)))
    pab=theta*EQ/lam
    pw=sum(p[n:])
    return pab,pw
