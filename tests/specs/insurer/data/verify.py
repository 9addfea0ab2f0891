import pickle, datetime as dt, statistics, json
from clock import *
T=pickle.load(open('truth.pkl','rb'))
END=max(max(v for v in t.values() if isinstance(v,dt.datetime)) for t in T)
print('END',END)
def share(lst): return (sum(lst), len(lst), round(100*sum(lst)/len(lst),2))
def ans(seg,ch,cal,lim):
    L=[]
    for t in T:
        if t['segment']==seg and t['channel']==ch:
            a=t.get('answered'); L.append(a is not None and running(cal,t['created'],a)<=lim)
    return share(L)
print('A gold_line 20s', ans('gold','gold_line','gold_hours',20))
print('B std phone 60s', ans('standard','phone','uk_office',60))
print('B std phone 2h ', ans('standard','phone','uk_office',7200))
print('C pl phone 30s ', ans('klienci_bezpośredni','telefon_pl','kalendarz_pl',30))
def fr_wd(seg,ch,cal,n):
    L=[];openc=0
    for t in T:
        if t['segment']==seg and t['channel']==ch:
            due=wd_due(cal,t['created'],n); f=t.get('first_response')
            if f is None:
                if due<END: L.append(False)
                else: openc+=1
            else: L.append(f<=due)
    return share(L),'open',openc
print('D pl email 1wd ', fr_wd('klienci_bezpośredni','email_pl','kalendarz_pl',1))
print('E std email 1wd', fr_wd('standard','email','uk_office',1))
# complaints
def comp(rule,field,limit=None,cal=None,wd=None):
    L=[]
    for t in T:
        if t.get('complaint')!=rule: continue
        c=t['created']
        if wd: due=wd_due(cal,c,wd)
        else: due=c+limit
        v=t.get(field)
        if v is None:
            if due<END: L.append(False)
        else: L.append(v<=due)
    return share(L)
print('F pl ack 1d', comp('reklamacja_pl','acknowledged',dt.timedelta(days=1)))
print('F pl res 30d', comp('reklamacja_pl','resolved',dt.timedelta(days=30)))
print('G uk ack 1wd', comp('uk_summary','acknowledged',cal='uk_business_days',wd=1))
print('G uk res 3wd', comp('uk_summary','resolved',cal='uk_business_days',wd=3))
# escalation: open at first rung after -> escalated by then
def esc(rule,after):
    L=[]
    for t in T:
        if t.get('complaint')!=rule: continue
        due=t['created']+after; r=t.get('resolved')
        if r is not None and r<=due: continue
        if due>END: continue
        e=t.get('escalated'); L.append(e is not None and e<=due)
    return share(L)
print('F pl esc 14d', esc('reklamacja_pl',dt.timedelta(days=14)))
# feedback
L=[t.get('feedback') is not None for t in T if t.get('complaint')=='reklamacja_pl' and t.get('resolved')]
print('F pl feedback', share(L))
# csat share 4-5
for seg in ('gold','standard','klienci_bezpośredni'):
    L=[t['csat']>=4 for t in T if t['segment']==seg and t.get('csat') is not None]
    print('csat',seg,share(L))
# promise callback = first answer within 2h on phone hours (uk_office)
print('promise callback', ans('standard','phone','uk_office',7200))
