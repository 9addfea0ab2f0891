"""Independent weekly seat-hours per team from cxc staff intervals (typical-day files x7)
and one-figure queues over their open hours; compare with people x 40h."""
import json, math, sys
sys.path.insert(0,'scripts')
from erlang import sl_c
d = json.load(open('out/staff.json'))
team = {'chat_ath':'diner_ath','chat_mad':'diner_mad','chat_lis':'diner_lis','web_diner_q':'diner_mad','web_diner_night_q':'diner_lis',
        'courier_pt_q':'courier_lis','courier_es_q':'courier_mad','courier_gr_q':'courier_ath','web_courier_q':'courier_mad',
        'partner_lis_q':'partner_lis','partner_mad_q':'partner_mad','partner_ath_q':'partner_ath','web_partner_q':'partner_mad',
        'partner_accounts_q':'key_accounts','payouts_q':'payouts','social_q':'social'}
# open hours per week of the queue (its hours ∩ channel hours), from the spec by hand
open_h = {'web_diner_q':14*7,'web_diner_night_q':10*7,'web_courier_q':14*7,'partner_lis_q':45,'partner_mad_q':45,'partner_ath_q':45,
          'web_partner_q':45,'partner_accounts_q':45,'payouts_q':45,'social_q':16*7}
tot = {}
for q in d['queues']:
    ivs = [i for i in q['intervals'] if not i.get('closed')]
    if len(ivs) > 1:
        sh = sum((i['required_headcount'] or i['required_agents']) * i['interval_seconds']/3600 for i in ivs) * 7
        pk = max((i['required_headcount'] or i['required_agents']) for i in ivs)
    else:
        i = ivs[0]; rh = i['required_headcount'] or i['required_agents']; sh = rh * open_h[q['queue']]; pk = rh
    tot.setdefault(team[q['queue']], []).append((q['queue'], pk, round(sh,1)))
people = {'diner_lis':10,'diner_mad':40,'diner_ath':14,'courier_lis':7,'courier_mad':9,'courier_ath':7,'partner_lis':6,'partner_mad':8,'partner_ath':6,'key_accounts':6,'payouts':3,'social':4}
for t, v in tot.items():
    s = sum(x[2] for x in v)
    print(f"{t:12s} seat-hours/week {s:7.1f}  people needed @40h {s/40:5.1f}  have {people[t]:3d}   {v}")
