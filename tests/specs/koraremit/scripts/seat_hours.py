#!/usr/bin/env python3
"""Recompute biz_phone seat-hours a week from spec/forecasts/biz_phone.csv with Erlang A
(patience 120 s, aht from file), targets 95%/60 s and 90%/30 s (share of offered calls answered in time)."""
import csv,sys
sys.path.insert(0,'/work/audit17/scripts')
from erlang import erlang_a
cache={}
def need(vol,aht):
    if vol==0: return 0
    if (vol,aht) in cache: return cache[(vol,aht)]
    lam=vol/1800; mu=1/aht; th=1/120
    n=1
    while True:
        a=erlang_a(n,lam,mu,th,60)['sl_offered']; b=erlang_a(n,lam,mu,th,30)['sl_offered']
        if a>=0.95 and b>=0.90: break
        n+=1
    cache[(vol,aht)]=n; return n
tot=0; peak=0
for r in csv.DictReader(open('/work/audit17/spec/forecasts/biz_phone.csv')):
    n=need(float(r['volume']),float(r['aht'])); tot+=n*0.5; peak=max(peak,n)
print('seat-hours/week',tot,'peak agents',peak,cache)
