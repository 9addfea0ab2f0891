import math
def erlang_c(N, A):
    if N <= A: return 1.0
    s = 0.0; term = 1.0
    for k in range(N):
        if k > 0: term *= A / k
        s += term
    termN = term * A / N if N > 0 else 1.0
    top = termN * N / (N - A)
    return top / (s + top)
def sl_c(N, A, T, aht):
    if N <= A: return 0.0
    return 1 - erlang_c(N, A) * math.exp(-(N - A) * T / aht)
def asa_c(N, A, aht):
    return erlang_c(N, A) * aht / (N - A)

# Erlang A (Palm M/M/N+M), by birth-death truncated numerically
def erlang_a(N, lam, mu, theta, T, maxq=2000):
    # states n=0..N+maxq ; rates
    p = [1.0]
    for n in range(1, N + maxq):
        death = min(n, N) * mu + max(0, n - N) * theta
        p.append(p[-1] * lam / death)
    Z = sum(p); p = [x / Z for x in p]
    # abandonment probability = theta*E[Q]/lam
    EQ = sum(max(0, n - N) * p[n] for n in range(len(p)))
    P_ab = theta * EQ / lam
    # P(wait <= T and served) for arrival seeing n>=N: arriving customer position j=n-N+1
    # served in time if j service completions (rate N*mu + theta*(queue ahead)) before T and before own abandonment
    # compute exactly via sequence of exponentials: conservative numeric by simulation of phases
    from math import exp
    served_in_time = sum(p[n] for n in range(N))
    for n in range(N, len(p)):
        k = n - N + 1  # needs k departures from queue ahead (including service completions)
        if p[n] < 1e-12: continue
        # rates while m customers ahead in queue: r_m = N*mu + (m-1)*theta  (those ahead abandoning) ; own abandonment theta
        # probability that k-th "advance" happens before T and before own abandonment.
        rates = [N * mu + (m) * theta for m in range(k - 1, -1, -1)]  # m ahead in queue
        # hypoexponential with own abandonment competing: multiply rates by survival: treat as phases with exit rate theta
        # P(reach service by T without abandoning) = P(sum of phases <= T) where phase i has rate rates[i]+theta, times prod rates/(rates+theta)
        tot_rates = [r + theta for r in rates]
        prob_path = 1.0
        for r, tr in zip(rates, tot_rates): prob_path *= r / tr
        # P(hypoexp(tot_rates) <= T) via uniformisation
        lam_u = max(tot_rates)
        # CDF of phase-type via uniformisation
        import numpy as np
        m = len(tot_rates)
        Kmax = int(lam_u * T + 10 * math.sqrt(lam_u * T + 1) + 20)
        # DTMC over phases: from phase i, move to i+1 w.p. tot_rates[i]/lam_u else stay
        state = np.zeros(m + 1); state[0] = 1.0
        cdf = 0.0; pois = math.exp(-lam_u * T)
        absorbed = []
        for kk in range(Kmax):
            absorbed_k = state[m]
            cdf += pois * absorbed_k
            new = np.zeros(m + 1)
            for i in range(m):
                q = tot_rates[i] / lam_u
                new[i] += state[i] * (1 - q); new[i + 1] += state[i] * q
            new[m] += state[m]
            state = new
            pois *= lam_u * T / (kk + 1)
        served_in_time += p[n] * prob_path * cdf
        if k > 400: break
    return served_in_time, P_ab

if __name__ == '__main__':
    for name, vol, aht, N in [('accounts', 8, 6, 3), ('accounts', 8, 6, 4), ('lis', 9, 5, 3), ('lis', 9, 5, 4), ('mad', 14, 5, 4), ('mad', 14, 5, 5)]:
        A = vol * aht / 30
        print(name, N, 'A=%.3f' % A, 'SL30=%.4f' % sl_c(N, A, 30, aht * 60))
