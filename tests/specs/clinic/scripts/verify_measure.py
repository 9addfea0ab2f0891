import csv, datetime as dt, json
import bizclock as B
def P(s):
    try: return dt.datetime.fromisoformat(s)
    except Exception: return None
rows=[]; bad=0
SEG={'members','insured','self_pay'}; CH={'booking_phone','booking_phone_scot','chat','email','triage'}
for r in csv.DictReader(open('/work/audit10/data/contacts.csv')):
    c=P(r['created'])
    if r['segment'] not in SEG or r['channel'] not in CH or c is None: bad+=1; continue
    a=P(r['answered']) if r['answered'] else None; res=P(r['resolved']) if r['resolved'] else None
    if (a and a<c) or (res and res<c) or (r['csat'] and not 1<=int(r['csat'])<=5): bad+=1; continue
    r['c']=c; r['a']=a; r['res']=res; r['fr']=P(r['first_response']) if r['first_response'] else None; rows.append(r)
print('kept',len(rows),'bad',bad)
end=max(max(x for x in (r['c'],r['a'],r['res'],r['fr']) if x) for r in rows)
m=json.load(open('/work/audit10/out/measured/measure.json'))
cal={'members_sla':B.ENG,'insured_sla':B.ENG,'selfpay_sla':B.ENG,'members_scot':B.SCO,'insured_scot':B.SCO,'selfpay_scot':B.SCO,'triage_sla':B.ALWAYS}
for t in m['targets']:
    seg=t['segment']; ch=t.get('channel'); C=cal[t['sla']]; st=t['statement']
    import re
    if t['kind']=='answer':
        T=re.search(r'within (\S+)',st).group(1); secs={'20s':20,'30s':30,'1m':60,'2m':120,'60s':60}[T]
        sel=[r for r in rows if r['segment']==seg and r['channel']==ch]
        met=sum(1 for r in sel if r['a'] and B.running(C,r['c'],r['a'])<=secs)
        n=len(sel)
    elif t['kind']=='first_response':
        T=re.search(r'within (\S+)',st).group(1)
        sel=[r for r in rows if r['segment']==seg and r['channel']==ch]
        n=0; met=0
        for r in sel:
            if T.endswith('wd'): due=B.wd_deadline(C,r['c'],int(T[:-2]))
            else: due=B.add_running(C,r['c'],{'2h':7200,'4h':14400}[T])
            if r['fr']:
                n+=1; met+= r['fr']<=due
            elif due<=end: n+=1
    elif t['kind']=='resolution':
        T=re.search(r'within (\S+)',st).group(1); k=int(T[:-2])
        sel=[r for r in rows if r['segment']==seg]
        n=0; met=0
        for r in sel:
            due=B.wd_deadline(C,r['c'],k)
            if r['res']: n+=1; met+=r['res']<=due
            elif due<=end: n+=1
    else: continue
    flag='' if (n==t['n'] and met==t['met']) else '   <-- DIFF'
    print(t['sla'],seg,st,'cxc',t['met'],'/',t['n'],'mine',met,'/',n,flag)
# promise email_reply: first answer within 1wd on channel hours (england)
sel=[r for r in rows if r['channel']=='email']
n=met=0
for r in sel:
    due=B.wd_deadline(B.ENG,r['c'],1); f=r['a'] or r['fr']
    if f: n+=1; met+=f<=due
    elif due<=end: n+=1
print('promise email_reply mine',met,n, [ (p['promise'] if 'promise' in p else p.get('id'), p.get('kept'), p.get('n')) for p in m['promises']])
# complaints ack 3wd, resolve 20wd on REL
cs=[r for r in rows if r['complaint']=='service_complaint']
ack=sum(1 for r in cs if P(r['acknowledged'])<=B.wd_deadline(B.REL,r['c'],3))
resn=[r for r in cs if r['res'] or B.wd_deadline(B.REL,r['c'],20)<=end]
resm=sum(1 for r in resn if r['res'] and r['res']<=B.wd_deadline(B.REL,r['c'],20))
print('complaints ack',ack,len(cs),'resolve',resm,len(resn))
print(json.dumps(m['complaints'])[:1500])
print('--- with end over every timestamp column')
allt=[]
for r in csv.DictReader(open('/work/audit10/data/contacts.csv')):
    for k in ('created','answered','first_response','resolved','acknowledged','escalated','feedback'):
        x=P(r[k]) if r[k] else None
        if x and x.tzinfo: allt.append(x)
end2=max(allt); print('end',end,'end2',end2)
sel=[r for r in rows if r['segment']=='self_pay']
n=sum(1 for r in sel if r['res'] or B.wd_deadline(B.ENG,r['c'],3)<=end2); print('selfpay res n',n)
resn=[r for r in cs if r['res'] or B.wd_deadline(B.REL,r['c'],20)<=end2]
print('complaints resolve', sum(1 for r in resn if r['res'] and r['res']<=B.wd_deadline(B.REL,r['c'],20)), len(resn))
