import math
def erlc(N,A):
    if N<=A: return 1.0
    s=0; t=1
    for k in range(N):
        s+=t; t*=A/(k+1)
    last=t*N/(N-A)
    return last/(s+last)
def sl(N,A,aht,T):
    if N<=A: return 0
    return 1-erlc(N,A)*math.exp(-(N-A)*T/aht)
def asa(N,A,aht):
    return erlc(N,A)*aht/(N-A) if N>A else float('inf')
def need(A,aht,T,p,asamax=None):
    N=max(1,math.floor(A)+1)
    while sl(N,A,aht,T)<p or (asamax is not None and asa(N,A,aht)>asamax): N+=1
    return N
print('gold_phone', need(10,300,30,.80))
print('chat lines', need(80*480/1800,480,30,.90), 'asa45', need(80*480/1800,480,30,.90,45))
print('wa asa45', need(8,360,0,0,45), 'email asa45', need(30*480/1800,480,0,0,45))
print('gr load', 4*900/1800)
