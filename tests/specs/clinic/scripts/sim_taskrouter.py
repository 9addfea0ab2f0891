"""Evaluate the generated TaskRouter workflow for concrete tasks by Twilio's semantics:
filters in order, first match wins; targets in order (timeouts add up), skip_if; default filter otherwise."""
import json, re
w=json.load(open('/work/audit10/out/routing/taskrouter-workflow.json'))['task_routing']
def match(expr, attrs):
    for clause in expr.split(' AND '):
        m=re.match(r"(\w+) == '([^']*)'",clause.strip())
        if m:
            if attrs.get(m.group(1))!=m.group(2): return False; continue
        m=re.match(r"(\w+) IN \[(.*)\]",clause.strip())
        if m:
            vals=re.findall(r"'([^']*)'",m.group(2))
            if attrs.get(m.group(1)) not in vals: return False; continue
    return True
tasks=[
 ('member, England line, Mon 10:00 GMT',{'segment':'members','channel':'booking_phone'}),
 ('self-pay, nurse line, Sun 03:00',{'segment':'self_pay','channel':'triage'}),
 ('member, nurse line, Sun 03:00',{'segment':'members','channel':'triage'}),
 ('insured, Scottish line, 30 Nov (St Andrew\'s Day, closed in Scotland)',{'segment':'insured','channel':'booking_phone_scot'}),
 ('self-pay clinical incident by e-mail',{'segment':'self_pay','channel':'email','complaint':'clinical_incident'}),
 ('member clinical incident on nurse line, Sat 23:00',{'segment':'members','channel':'triage','complaint':'clinical_incident'}),
 ('insured service complaint by e-mail',{'segment':'insured','channel':'email','complaint':'service_complaint'}),
 ('member via unknown channel whatsapp',{'segment':'members','channel':'whatsapp'}),
]
for name,a in tasks:
    for f in w['filters']:
        if match(f['expression'],a):
            print(f'{name}\n   -> filter "{f["filter_friendly_name"]}"'); 
            for t in f['targets']: print('      target',t)
            break
    else: print(f'{name}\n   -> default {w["default_filter"]}')
