import math
import numpy as np
from scipy.linalg import expm
def erlang_c(N,A):
    s=sum(A**k/math.factorial(k) for k in range(N)); top=A**N/math.factorial(N)*N/(N-A)
    return top/(s+top)
def sl_c(N,A,t,aht):
    return 1-erlang_c(N,A)*math.exp(-(N-A)*t/aht)
print('chat 18 servers (9 agents x2)', sl_c(18,12,60,540), 'asa', erlang_c(18,12)*540/(18-12))
print('chat 16 servers (8 agents x2)', sl_c(16,12,60,540))
print('portal 13 agents: SL(20s?)', sl_c(13,10,20,1500), 'Pw',erlang_c(13,10),'asa',erlang_c(13,10)*1500/3)
print('email 10 agents Pw',erlang_c(10,7.2), 'SL20',sl_c(10,7.2,20,1080))
print('slack 4 agents Pw',erlang_c(4,1.2),'SL20',sl_c(4,1.2,20,720),'SL60',sl_c(4,1.2,60,720))
print('sev1 3 agents A=.45 Pw',erlang_c(3,.45),'SL20',sl_c(3,.45,20,2700))
def erlang_a(N,lam,mu,theta,t,M=200):
    # stationary distribution of birth-death
    p=[1.0]
    for n in range(1,M):
        d=min(n,N)*mu+max(n-N,0)*theta
        p.append(p[-1]*lam/d)
    Z=sum(p); p=[x/Z for x in p]
    Pw=sum(p[N:])
    ans_in_t=sum(p[:N]); served=sum(p[:N])
    for n in range(N,M-1):
        m=n-N  # waiting ahead
        k=m+1
        # phases 0..m (i ahead = m..0), killing theta; absorbing served
        Q=np.zeros((k+2,k+2))
        for j in range(k):
            i=m-j; r=N*mu+i*theta
            nxt = j+1 if j<k-1 else k  # k = served
            Q[j,nxt]+=r; Q[j,k+1]+=theta; Q[j,j]-=r+theta
        P=expm(Q*t); ans_in_t+=p[n]*P[0,k]
        Pinf=expm(Q*1e6); served+=p[n]*Pinf[0,k]
    return ans_in_t, served, Pw
a,s,pw=erlang_a(4,4/1800,1/840,1/240,60)
print('phone Erlang A N=4: answered<=60s/all',a,' /answered',a/s,' abandon',1-s,' Pw',pw)
a,s,pw=erlang_a(3,4/1800,1/840,1/240,60)
print('phone Erlang A N=3: answered<=60s/all',a,' /answered',a/s,' abandon',1-s)
