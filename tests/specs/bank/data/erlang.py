import math
def erlc(N,A):
    if N<=A: return 1.0
    import math as m
    b=1.0
    for k in range(1,N+1): b=A*b/(k+A*b)
    return N*b/(N-A*(1-b))
    t=A**N/math.factorial(N)*N/(N-A)
    return t/(s+t)
def sl(N,A,T,aht):
    if N<=A: return 0.0
    return 1-erlc(N,A)*math.exp(-(N-A)*T/aht)
def need(A,p,T,aht):
    N=max(1,int(A)+1)
    while sl(N,A,T,aht)<p: N+=1
    return N
if __name__=="__main__":
    print("video 6:",sl(6,10*600/1800,30,600), "need",need(10*600/1800,.9,30,600))
    print("fraud tel 8:",sl(8,25*480/1800,20,480),"need",need(25*480/1800,.85,20,480))
    A=900*360/1800  # chat 180 Erl, concurrency 3
    n=need(A,.9,30,360); print("chat lines",n,"agents",math.ceil(n/3))
    A=15*600/1800; n=need(A,.9,30,600); print("fraud chat lines", n)
    A=600*300/1800; n=need(A,.8,60,300); print("mass phone (Erlang C, ignoring patience) need",n, "ppl", math.ceil(n/0.65))
