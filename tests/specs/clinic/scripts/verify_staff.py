import json, sys, math
from erlang import erlang_a, erlang_c
d=json.load(open(sys.argv[1]))
spec={ # queue: (patience s or None, concurrency)
 'hub_members':(180,1),'hub_general':(180,1),'scot_line':(120,1),'chat_queue':(None,2),'email_queue':(None,1),'triage_line':(240,1)}
targets={'hub_members':[(0.90,20,0.03),(0.96,60,None)],'hub_general':[(0.80,30,0.05),(0.80,60,0.08)],'scot_line':[(0.90,20,None),(0.80,30,None),(0.80,60,None)],
 'chat_queue':[(0.90,30,None),(0.85,60,None),(0.80,120,None)],'email_queue':[],'triage_line':[(0.95,60,0.03)]}
shr={'hub_members':.32,'hub_general':.32,'scot_line':.30,'chat_queue':.25,'email_queue':.25,'triage_line':.35}
worst={}
for q in d['queues']:
    name=q['queue']; pat,conc=spec[name]; n=q['agents']
    for iv in q['intervals']:
        if iv.get('closed'): continue
        lam=iv['volume']/iv['interval_seconds']; mu=1/iv['aht_seconds']; T=q['target']['within_seconds'] if q['target'] else None
        lines=n*conc
        if pat: r=erlang_a(lam,mu,lines,1/pat,T)
        elif T: r=erlang_c(lam,mu,lines,T)
        else: r={}
        # required: fewest agents meeting every open target (approximation: all listed targets)
        def ok(k):
            L=k*conc
            if L<=lam/mu and not pat: return False
            if L<=lam/mu: return False
            for P,TT,ab in targets[name]:
                rr=erlang_a(lam,mu,L,1/pat,TT) if pat else erlang_c(lam,mu,L,TT)
                if rr.get('overloaded') or rr['sl']<P: return False
                if ab is not None and rr['pab']>ab: return False
            return True
        k=max(1,int(lam/mu/conc))
        while not ok(k): k+=1
        diffs=[]
        if r and not r.get('overloaded') and iv['service_level'] is not None:
            diffs.append(abs(r['sl']-iv['service_level']))
            if pat: diffs.append(abs(r['pab']-iv['abandon_probability']))
            diffs.append(abs(r['asa']-iv['asa_seconds'])/max(1,r['asa']))
        hc=math.ceil(iv['required_agents']/(1-shr[name])-1e-9)
        flag = '' if (k==iv['required_agents'] and max(diffs or [0])<1e-3 and hc==iv['required_headcount']) else '  <-- DIFF'
        if flag or iv is q['intervals'][0]:
            print(name, iv['start'], 'cxc req',iv['required_agents'],'mine',k,'hc',iv['required_headcount'],hc, 'cxc sl/ab/asa',iv['service_level'],iv['abandon_probability'],iv['asa_seconds'],'mine',{k2:float(v) for k2,v in r.items()}, flag)
