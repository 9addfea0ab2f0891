#!/usr/bin/env python3
"""First matching Zendesk SLA policy per ticket type vs the spec's targets (expected values
written by hand from spec/service_levels.cx). Zendesk: policies by position, first whose
'all' conditions all hold and (if any) one 'any' condition holds."""
import json,sys
Z=json.load(open(sys.argv[1]+'/zendesk-sla-policies.json'))
VIA={'phone':34,'chat':29,'whatsapp':74,'email':4,'app_form':0}
def matches(p,tags,via):
    f=p['sla_policy']['filter']
    def ok(c):
        if c['field']=='current_tags': return c['value'] in tags
        if c['field']=='via_id': return c['value']==via
        raise ValueError(c)
    return all(ok(c) for c in f.get('all',[])) and (not f.get('any') or any(ok(c) for c in f['any']))
def first(tags,via):
    for p in sorted(Z,key=lambda p:p['sla_policy']['position']):
        if matches(p,tags,via): return p['sla_policy']
# expected (first_reply minutes, business_hours) , (resolution minutes, bh); None = no target
WD1=28*60; WD3=56*60   # longest running time of 1wd / 3wd on std_hours (14 h/day, every day)
E={('business','chat'):((1,False),(480,False)),('business','email'):((60,False),(480,False)),
   ('business','app_form'):((120,False),(480,False)),('business','phone'):(None,(480,False)),
   ('frequent','chat'):((2,False),(1440,False)),('frequent','whatsapp'):((10,False),(1440,False)),
   ('frequent','email'):((240,False),(1440,False)),('frequent','app_form'):((240,False),(1440,False)),
   ('frequent','phone'):(None,(1440,False)),
   ('standard','chat'):((3,True),(WD3,True)),('standard','whatsapp'):((15,True),(WD3,True)),
   ('standard','email'):((WD1,True),(WD3,True)),('standard','app_form'):((WD1,True),(WD3,True)),
   ('standard','phone'):(None,(WD3,True))}
def strict(a,b):
    # for complaints: stricter of rule and SLA where comparable on the wall clock (business minutes >= wall minutes)
    if a is None: return b
    if b is None: return a
    return min(a,b,key=lambda x:x[0])
C={'idr':((1440,False),(43200,False),None),'delay':((120,False),(2880,False),{'business','frequent'})}
bad=0
for (seg,ch),(fr,rs) in E.items():
    for comp in (None,'idr','delay'):
        tags={seg}|({'complaint_'+comp} if comp else set())
        p=first(tags,VIA[ch])
        m={}
        for x in p['policy_metrics']:
            m.setdefault(x['metric'],set()).add((x.get('target') or x.get('target_in_seconds')/60,x['business_hours']))
        got_fr=next(iter(m['first_reply_time'])) if 'first_reply_time' in m else None
        got_rs=next(iter(m['total_resolution_time'])) if 'total_resolution_time' in m else None
        efr,ers=fr,rs
        if comp and (C[comp][2] is None or seg in C[comp][2]):
            cf,cr,_=C[comp]
            efr = cf if fr is None else (fr if (fr[0]<=cf[0] and not fr[1]) else ('either',fr,cf))
            ers = rs if rs[0]<=cr[0] else cr
        ok = (got_fr==efr or (isinstance(efr,tuple) and efr and efr[0]=='either' and got_fr in (efr[1],efr[2]))) and got_rs==ers
        bad+= not ok
        print('OK ' if ok else 'BAD',seg,ch,comp,'->',p['position'],p['title'][:60],'| fr',got_fr,'exp',efr,'| res',got_rs,'exp',ers)
print('mismatches:',bad)
