import sys; sys.path.insert(0,'/work/audit18/scripts')
from tr_sim import *
segs = {'life_support':1,'hospital':2,'insured':3,'private':4}
listed = {'life_support':['urgent','phone','chat','email','sms'],'hospital':['phone','email','webform'],
          'insured':['phone','chat','email','webform','sms'],'private':['phone','chat','email','webform']}
target_s = {('life_support','urgent'):15,('life_support','phone'):20,('life_support','chat'):60,('life_support','sms'):300,('life_support','email'):3600,
  ('hospital','phone'):30,('hospital','email'):7200,('hospital','webform'):7200,
  ('insured','phone'):60,('insured','chat'):120,('insured','sms'):600,('insured','email'):14400,('insured','webform'):14400,
  ('private','phone'):90,('private','chat'):180,('private','email'):36000,('private','webform'):36000}
chans = ['urgent','phone','chat','email','webform','sms']
weeks = [datetime(2027,1,4,tzinfo=timezone.utc), datetime(2027,7,5,tzinfo=timezone.utc), datetime(2026,12,21,tzinfo=timezone.utc)]
problems = {}
import collections
for s in segs:
  for c in chans:
    for comp in [None, 'equipment_failure' if s=='life_support' else 'service_quality']:
      for w0 in weeks:
        for h in range(7*24*2):
          t = w0 + timedelta(minutes=30*h)
          attrs = {'segment':s,'channel':c}
          if comp: attrs['complaint']=comp
          q, age, prio, fname = route(attrs, t)
          key=(s,c,comp)
          tgt = target_s.get((s,c))
          if q is None or 'unrouted' in (q or ''):
              problems.setdefault(key, collections.Counter())[('NO QUEUE' if q is None else 'unrouted', 'listed' if c in listed[s] else 'not listed')] += 1
          elif tgt and age > tgt:
              problems.setdefault(key, collections.Counter())[('late', 'wait>=%dh'%(age//3600))] += 1
          elif age > 24*3600:
              problems.setdefault(key, collections.Counter())[('cancelled',)] += 1
for k,v in sorted(problems.items(), key=str):
    print(k, dict(v))
