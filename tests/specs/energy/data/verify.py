import pickle, datetime as dt, collections
from cal import *
T=[t for t in pickle.load(open('truth.pkl','rb')) if 'bad' not in t]
LIVE={'phone','business_line','life_support_line','web_chat','faults_line'}
export_end=max(max(x for x in (t['created'],t['answered'],t['fr'],t['resolved'],t['ack'],t['esc'],t['fb']) if x) for t in T)
print('export end', export_end)
def share(pred, rows):
    ok=sum(1 for r in rows if pred(r)); return f"{100*ok/len(rows):.1f}% of {len(rows)}" if rows else 'n=0'
def rows(seg,ch=None): return [t for t in T if t['seg']==seg and (ch is None or t['ch']==ch)]
def ans_in(cal,secs): return lambda r: r['answered'] is not None and cal.running(r['created'],r['answered'])<=secs
print('res phone 60s', share(ans_in(SYD_CUST,60), rows('residential','phone')))
print('res phone 4h ', share(ans_in(SYD_CUST,4*3600), rows('residential','phone')))
print('res chat 2m  ', share(ans_in(SYD_CUST,120), rows('residential','web_chat')))
print('bus chat 1m  ', share(ans_in(SYD_BUS,60), rows('business','web_chat')))
print('ls line 20s  ', share(ans_in(ALWAYS,20), rows('life_support','life_support_line')))
print('ls faults 20s', share(ans_in(ALWAYS,20), rows('life_support','faults_line')))
ls_live=[r for r in rows('life_support') if r['ch'] in LIVE]
print('ls abandon   ', share(lambda r: r['answered'] is None, ls_live))
print('bus line 30s ', share(ans_in(SYD_BUS,30), rows('business','business_line')))
print('bus faults 30s', share(ans_in(ALWAYS,30), rows('business','faults_line')))
print('hard phone 60s', share(ans_in(ADL,60), rows('hardship','phone')))
print('hard faults 60s', share(ans_in(ALWAYS,60), rows('hardship','faults_line')))
print('res faults 60s', share(ans_in(ALWAYS,60), rows('residential','faults_line')))
# first response: running-time limit -> met iff running(created, fr)<=limit; open rows judged at export end
def fr_run(cal,secs):
    def judge(r):
        if r['fr'] is not None: return cal.running(r['created'],r['fr'])<=secs
        return None if cal.running(r['created'],export_end)<=secs else False
    return judge
def fr_wd(cal,n,field='fr'):
    def judge(r):
        dl=cal.wd_deadline(r['created'],n)
        if r[field] is not None: return r[field]<=dl
        return None if export_end<=dl else False
    return judge
def share3(j, rs):
    v=[j(r) for r in rs]; v=[x for x in v if x is not None]
    return f"{100*sum(v)/len(v):.1f}% of {len(v)}"
print('bus email FR 4h', share3(fr_run(SYD_BUS,4*3600), rows('business','email')))
print('hard email FR 1wd', share3(fr_wd(ADL,1), rows('hardship','email')))
print('hard sms FR 4h', share3(fr_run(ADL,4*3600), rows('hardship','sms')))
print('res sms FR 4h', share3(fr_run(SYD_CUST,4*3600), rows('residential','sms')))
print('res email FR 1wd', share3(fr_wd(SYD_CUST,1), rows('residential','email')))
print('bus resolution 2wd', share3(fr_wd(SYD_BUS,2,'resolved'), rows('business')))
print('hard resolution 5wd', share3(fr_wd(ADL,5,'resolved'), rows('hardship')))
print('res resolution 5wd', share3(fr_wd(SYD_CUST,5,'resolved'), rows('residential')))
def csat_share(rs):
    v=[int(r['csat']) for r in rs if r['csat']]; return f"{100*sum(1 for x in v if x>=4)/len(v):.1f}% of {len(v)}"
print('bus csat', csat_share(rows('business'))); print('res csat', csat_share(rows('residential')))
print('callback promise', share(ans_in(SYD_CUST,4*3600), rows('residential','phone')))
# complaints
C=[t for t in T if t['complaint']]
def comp(kind, cal, ack, res, esc1, wd):
    rs=[t for t in C if t['complaint']==kind]
    def lim(r, spec):
        n,unit=spec
        if unit=='wd': return lambda x: x is not None and x<=cal.wd_deadline(r['created'],n)
        return lambda x: x is not None and cal.running(r['created'],x)<=n
    a=sum(1 for r in rs if lim(r,ack)(r['ack'])); b=sum(1 for r in rs if lim(r,res)(r['resolved']))
    # escalation: complaints still open at first rung
    def rung(r):
        n,unit=esc1
        if unit=='wd': return cal.wd_deadline(r['created'],n)
        # running-time: instant when n seconds elapsed
        if cal.tz is None: return r['created']+dt.timedelta(seconds=n)
    open_at=[r for r in rs if r['resolved'] is None or r['resolved']>rung(r)]
    e=sum(1 for r in open_at if r['esc'] is not None and r['esc']<=rung(r))
    fb=sum(1 for r in rs if r['fb'] is not None)
    print(kind, f"ack {100*a/len(rs):.1f}% res {100*b/len(rs):.1f}% of {len(rs)}; esc {100*e/len(open_at):.1f}% of {len(open_at)}; feedback {100*fb/len(rs):.1f}%")
comp('general_complaint', SYD_BUS, (2,'wd'), (10,'wd'), (5,'wd'), True)
comp('hardship_complaint', ADL, (1,'wd'), (10,'wd'), (3,'wd'), True)
comp('life_support_complaint', ALWAYS, (1800,'s'), (7200,'s'), (3600,'s'), False)
for t in T:
    if t['note'] in ('adelaide_cup','chat2330','ls3am','dst_ambiguous'):
        cal={'hardship':ADL,'residential':SYD_CUST,'life_support':ALWAYS}[t['seg']]
        print(t['note'], t['id'], t['created'].isoformat(), 'running wait', cal.running(t['created'],t['answered']))
print('--- journeys')
cases=pickle.load(open('cases.pkl','rb'))
SYDZ=ZoneInfo("Australia/Sydney")
def first(v,s,after=None):
    for st,t in v:
        if st==s and (after is None or t>=after): return t
kept=n=0; late=[]
for cid,j,v in cases:
    if j!='move_in_connect_electricity_and_broadband': continue
    a=first(v,'credit_check')
    if a is None: continue
    b=first(v,'book_technician_visit_with_customer',a)
    if b is None: continue
    d=a.astimezone(SYDZ).date()+dt.timedelta(days=2)
    dl=dt.datetime.combine(d,dt.time(0),SYDZ)
    n+=1; kept+= b<=dl
    if cid=='M_F1': print('F1 case: credit', a, 'book', b, 'deadline', dl, 'kept' if b<=dl else 'BROKEN')
print('connect promise', f"{100*kept/n:.1f}% of {n}")
kept=n=0
for cid,j,v in cases:
    if j!='outage_report_and_restoration': continue
    a=first(v,'report_fault'); b=first(v,'technician_on_site',a)
    if b is None: continue
    n+=1; kept+= (b-a)<=dt.timedelta(hours=4)
print('life support technician promise', f"{100*kept/n:.1f}% of {n}")
# deviations / follow map
dev=sum(1 for cid,j,v in cases if j.startswith('move_in') and first(v,'credit_check') is None)
print('move-in deviations', dev)
