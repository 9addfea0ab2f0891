import random, heapq, sys
def sim(n, vol, aht, pat, T, per=1800, N=400000, seed=1):
    rnd=random.Random(seed); lam=vol/per
    t=0.0; free_at=[0.0]*n  # FCFS with abandonment: exact via virtual waiting: use event sim
    # event-driven: queue of waiting (arrival, deadline)
    import collections
    busy=0; q=collections.deque(); ev=[]; ok=0; arr=0; ab=0
    t=0.0; nxt=rnd.expovariate(lam)
    while arr<N:
        # next event: arrival or departure
        if ev and ev[0]<nxt:
            t=heapq.heappop(ev); busy-=1
            while q:
                a,d=q.popleft()
                if d>=t:
                    if t-a<=T: ok+=1
                    busy+=1; heapq.heappush(ev,t+rnd.expovariate(1/aht)); break
                # else abandoned already
        else:
            t=nxt; arr+=1; nxt=t+rnd.expovariate(lam)
            # purge
            if busy<n:
                ok+=1; busy+=1; heapq.heappush(ev,t+rnd.expovariate(1/aht))
            else:
                q.append((t,t+rnd.expovariate(1/pat)))
    return ok/arr
for n in (6,7):
    for vol in (17.7,20):
        print(n,vol,round(100*sim(n,vol,300,120,20),2))
