"""First-matching Zendesk SLA policy per ticket (Zendesk: policies are tried in position order, first match applies)."""
import json
P=json.load(open('/work/audit13/out/build/routing/zendesk-sla-policies.json'))
P=sorted([p.get('sla_policy',p) for p in P],key=lambda p:p['position'])
def cond(c,t):
    f,op,v=c['field'],c['operator'],c['value']
    if f=='current_tags':
        tags=set(v.split()); 
        return bool(tags & t['tags']) if op=='includes' else not (tags & t['tags'])
    if f=='via_id':
        return (t['via']==v) if op=='is' else (t['via']!=v)
    raise ValueError(f)
def match(t):
    for p in P:
        a=p['filter'].get('all',[]); o=p['filter'].get('any',[])
        if all(cond(c,t) for c in a) and (not o or any(cond(c,t) for c in o)):
            m={x['metric']:(x.get('target') or x.get('target_in_seconds'),x['business_hours']) for x in p['policy_metrics'] if x['priority']=='urgent'}
            return p['position'],p['title'],m
    return None
tickets=[('Enterprise Sev-1 via urgent web form (via 0)',{'enterprise'},0,'spec: first reply 15 min 24x7, resolution 8h 24x7'),
 ('Enterprise normal portal ticket (via 0)',{'enterprise'},0,'spec: 60 business min, resolution 2wd'),
 ('Enterprise e-mail (via 4)',{'enterprise'},4,'spec: 60 business min'),
 ('Enterprise Slack ticket (Zendesk via? Slack integration is not a messaging via 72-85)',{'enterprise'},72,'spec: 30 business min'),
 ('Enterprise phone voicemail (via 34)',{'enterprise'},34,'spec: no reply target; no resolution on phone'),
 ('Business portal',{'business'},0,'spec: 240 business min'),
 ('Pro e-mail',{'pro'},4,'spec: 480 business min'),
 ('Free forum post escalated to ticket (via 0)',{'free'},0,'spec: no SLA'),
 ('Enterprise credit dispute by e-mail',{'enterprise','complaint_credit_dispute'},4,'spec: ack 4h Dublin hours; SLA stricter 60 business min'),
 ('Enterprise missed-sev1 complaint via web form',{'enterprise','complaint_missed_sev1'},0,'spec: ack 30 min 24x7'),
]
for name,tags,via,exp in tickets:
    print(name,'\n   ->',match({'tags':tags,'via':via}),'\n   ',exp)
