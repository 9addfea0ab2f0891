import json, datetime as dt, csv, collections
TZ=dt.timezone(dt.timedelta(hours=3))
rows=json.load(open('/work/audit4/data/contacts_good.json'))
P=dt.datetime.fromisoformat
def running_cc(a,b):
    # seconds of cc_hours (08-22 Moscow daily) between a and b
    if b<=a: return 0
    s=0; t=a
    day=a.astimezone(TZ).replace(hour=0,minute=0,second=0,microsecond=0)
    while day<b:
        o=day.replace(hour=8); c=day.replace(hour=22)
        lo=max(a,o); hi=min(b,c)
        if hi>lo: s+=(hi-lo).total_seconds()
        day+=dt.timedelta(days=1)
    return s
END=max(P(v) for r in rows for k,v in r.items() if k in('created','answered','first_response','resolved','acknowledged','escalated','feedback') and v)
print('end of export',END)
def pct(a,b): return f"{100*a/b:.1f}% of {b}" if b else "n/a"
# answer targets
def ans(seg,ch,T,cal):
    rs=[r for r in rows if r['segment']==seg and r['channel']==ch]
    ok=0
    for r in rs:
        if 'answered' in r:
            d=(P(r['answered'])-P(r['created'])).total_seconds() if cal=='always' else running_cc(P(r['created']),P(r['answered']))
            if d<=T: ok+=1
    return pct(ok,len(rs))
print('plat_line 20s', ans('platinum','plat_line',20,'always'))
print('plat_line 60s', ans('platinum','plat_line',60,'always'))
print('plat res_phone 20s', ans('platinum','res_phone',20,'cc'))
print('plat chat 30s', ans('platinum','chat',30,'cc'))
print('gold res_phone 30s', ans('gold','res_phone',30,'cc'))
print('corp res_phone 30s', ans('corporate','res_phone',30,'cc'))
print('member res_phone 60s', ans('member','res_phone',60,'cc'))
print('guest res_phone 60s', ans('guest','res_phone',60,'cc'))
# first response deadlines
def fr(seg,ch,T,cal):
    rs=[r for r in rows if r['segment']==seg and r['channel']==ch]
    ok=miss=openn=0
    for r in rs:
        c=P(r['created'])
        f=P(r['first_response']) if 'first_response' in r else None
        run=(lambda a,b:(b-a).total_seconds()) if cal=='always' else running_cc
        if f is not None:
            if run(c,f)<=T: ok+=1
            else: miss+=1
        else:
            if run(c,END)>T: miss+=1
            else: openn+=1
    return f"{100*ok/(ok+miss):.1f}% of {ok+miss} (open {openn})"
print('plat email 2h', fr('platinum','email',7200,'always'))
print('plat whatsapp 15m', fr('platinum','whatsapp',900,'cc'))
print('gold whatsapp 30m', fr('gold','whatsapp',1800,'cc'))
print('member whatsapp 1h', fr('member','whatsapp',3600,'cc'))
print('member email 8h (SLA, cc)', fr('member','email',8*3600,'cc'), ' guest', fr('guest','email',8*3600,'cc'))
# email_reply promise, wall clock 8h, member+guest
rs=[r for r in rows if r['segment'] in('member','guest') and r['channel']=='email']
ok=miss=0
for r in rs:
    c=P(r['created']); f=P(r['first_response']) if 'first_response' in r else None
    if f: ok+= (f-c).total_seconds()<=8*3600; miss+= (f-c).total_seconds()>8*3600
    elif (END-c).total_seconds()>8*3600: miss+=1
print('email_reply promise (wall 8h)', f"{100*ok/(ok+miss):.1f}% of {ok+miss}")
# same under the SLA's clock
ok2=miss2=0
for r in rs:
    c=P(r['created']); f=P(r['first_response']) if 'first_response' in r else None
    if f: ok2+= running_cc(c,f)<=8*3600; miss2+= running_cc(c,f)>8*3600
    elif running_cc(c,END)>8*3600: miss2+=1
print('  same contacts on cc_hours', f"{100*ok2/(ok2+miss2):.1f}% of {ok2+miss2}")
# callback promise gold, member, guest on res_phone within 2h cc
rs=[r for r in rows if r['segment'] in('gold','member','guest') and r['channel']=='res_phone']
ok=sum(1 for r in rs if 'answered' in r and running_cc(P(r['created']),P(r['answered']))<=7200)
print('callback promise', pct(ok,len(rs)))
rs=[r for r in rows if r['segment']=='platinum' and r['channel']=='plat_line']
ok=sum(1 for r in rs if 'answered' in r and (P(r['answered'])-P(r['created'])).total_seconds()<=60)
print('platinum_answer promise', pct(ok,len(rs)))
# csat share 4-5
for s in ['platinum','gold','corporate','member','guest']:
    cs=[r['csat'] for r in rows if r['segment']==s and 'csat' in r]
    print('csat',s,pct(sum(1 for x in cs if x>=4),len(cs)))
# noise complaint
ns=[r for r in rows if r.get('complaint')=='noise']
a=sum(1 for r in ns if (P(r['acknowledged'])-P(r['created'])).total_seconds()<=900)
b=sum(1 for r in ns if (P(r['resolved'])-P(r['created'])).total_seconds()<=7200)
# escalation: open at 30m -> escalated by 30m
need=[r for r in ns if (P(r['resolved'])-P(r['created'])).total_seconds()>1800]
e=sum(1 for r in need if 'escalated' in r and (P(r['escalated'])-P(r['created'])).total_seconds()<=1800)
print('noise ack',pct(a,len(ns)),'resolve',pct(b,len(ns)),'escalated on time among those open at 30m',pct(e,len(need)), ' as share of all', pct(e+len(ns)-len(need),len(ns)))
sf=[r for r in rows if r.get('complaint')=='service_failure']
print('service_failure ack 1h', pct(sum(1 for r in sf if (P(r['acknowledged'])-P(r['created'])).total_seconds()<=3600),len(sf)),
      'resolve 2d', pct(sum(1 for r in sf if (P(r['resolved'])-P(r['created'])).total_seconds()<=2*86400),len(sf)),
      'feedback', pct(sum(1 for r in sf if 'feedback' in r),len(sf)))
# platinum resolution 24h wall
ps=[r for r in rows if r['segment']=='platinum']
ok=miss=0
for r in ps:
    c=P(r['created'])
    if 'resolved' in r: ok+=(P(r['resolved'])-c).total_seconds()<=86400; miss+=(P(r['resolved'])-c).total_seconds()>86400
    elif (END-c).total_seconds()>86400: miss+=1
print('platinum resolution 24h', f"{100*ok/(ok+miss):.1f}% of {ok+miss}", 'n contacts',len(ps))
# cases
cs=list(csv.DictReader(open('/work/audit4/data/cases.csv')))
bycase=collections.defaultdict(list)
for r in cs:
    if r['case'].startswith('X'): continue
    bycase[r['case']].append(r)
ok=n=0
for k,v in bycase.items():
    if v[0]['journey']!='billing_dispute': continue
    d={x['step']:P(x['entered']) for x in v}
    if 'refund_issued' in d:
        n+=1
        start=d['decision'].astimezone(TZ)
        due=(start.replace(hour=0,minute=0,second=0,microsecond=0)+dt.timedelta(days=6))
        ok+= d['refund_issued']<=due
print('refund promise (5wd wall: midnight end of 5th day after)', pct(ok,n))
ok=n=0
for k,v in bycase.items():
    if v[0]['journey']!='stay': continue
    d={}
    for x in v: d.setdefault(x['step'],P(x['entered']))
    n+=1; ok+=(d['room_assigned']-d['check_in']).total_seconds()<=7200
print('room_ready promise', pct(ok,n))
# repeats
bycust=collections.defaultdict(list)
for r in rows: bycust[r['customer']].append(r)
rep=collections.Counter(); tot=collections.Counter()
fcr_ok=fcr_n=0
chans={'res_phone','chat','whatsapp','email'}
for r in rows:
    c=P(r['created']); endw=(P(r['resolved']) if 'resolved' in r else c)+dt.timedelta(days=7)
    later=[x for x in bycust[r['customer']] if x is not r and c<P(x['created'])<=endw]
    tot[r['segment']]+=1
    if later: rep[r['segment']]+=1
    if 'resolved' in r and r['channel'] in chans:
        fcr_n+=1
        if not any(x.get('reason','')==r.get('reason','') or not x.get('reason') or not r.get('reason') for x in later): fcr_ok+=1
for s in tot: print('repeated',s,pct(rep[s],tot[s]))
print('fcr', pct(fcr_ok,fcr_n))
