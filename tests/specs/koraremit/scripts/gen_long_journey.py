#!/usr/bin/env python3
"""Hostile input: a journey of N chained steps with one 'start over' loop from the last step back to the first.
usage: gen_long_journey.py N DIR  (uses data/errors/base.cx)"""
import sys,os
N=int(sys.argv[1]); d=sys.argv[2]; os.makedirs(d,exist_ok=True)
b=open('/work/audit17/data/errors/base.cx').read()
steps='\n'.join(f'  step s{i} {{ owner agent; channel phone; within 1m; next s{i+1} }}' for i in range(N))
open(f'{d}/s.cx','w').write(b+'journey j { segments s\n  start s0\n'+steps+f'\n  step s{N} {{ owner t; channel phone; next s0 when "again"; end "done" }}\n}}\n')
