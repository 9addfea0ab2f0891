"""Simulate Twilio TaskRouter workflow semantics on out/routing/taskrouter-workflow.json:
first matching filter wins; targets tried in order; a target's timeout is cumulative task age;
skip_if 'workers.available == 0' skips a target when its queue has no available worker at arrival at that target;
last target holds until task Timeout (86400 s default)."""
import json, re, sys
W = json.load(open(sys.argv[1] if len(sys.argv)>1 else "/work/audit11/out/routing/taskrouter-workflow.json"))
Q = {q['sid']: q for q in json.load(open("/work/audit11/out/routing/taskrouter-queues.json"))}
def match(expr, task):
    e = expr
    def rep_in(m):
        k, vals = m.group(1), re.findall(r"'([^']*)'", m.group(2)); return repr(task.get(k) in vals)
    e = re.sub(r"(\w+) IN \[([^\]]*)\]", rep_in, e)
    e = re.sub(r"(\w+) == '([^']*)'", lambda m: repr(task.get(m.group(1)) == m.group(2)), e)
    e = e.replace(" AND ", " and ").replace(" OR ", " or ")
    return eval(e)
def route(task, available, timeout=86400):
    """available: set of queue names (cxc ids) whose workers are available now; returns list of (age_from, queue, prio, expr)"""
    for f in W['task_routing']['filters']:
        if match(f['expression'], task):
            plan=[]; age=0
            for t in f['targets']:
                qn = Q.get(t['queue'],{}).get('queue', t['queue'])
                if t.get('skip_if') == "workers.available == 0" and qn not in available:
                    plan.append((age, qn, t.get('priority'), 'SKIPPED')); continue
                plan.append((age, qn, t.get('priority'), t.get('expression','')))
                if 'timeout' in t: age += t['timeout']
                else: break
                if age >= timeout: break
            return f['filter_friendly_name'], plan
    return 'default', [(0, W['task_routing']['default_filter']['queue'], None, '')]
scen = [
 ("Частный абонент Новосибирска звонит пн 07:30 NSK (05:30 YEKT); в Екб смена есть, в НСК ещё нет", dict(channel='телефон', segment='частные'), {'тел_екб','тел_екб+тел_нск'}),
 ("Частный абонент Новосибирска звонит пн 12:00 NSK; обе смены на линии", dict(channel='телефон', segment='частные'), {'тел_екб','тел_нск','тел_екб+тел_нск'}),
 ("Частный абонент, звонок 03:00 YEKT, никого нет", dict(channel='телефон', segment='частные'), set()),
 ("Частный абонент, чат 23:30 YEKT (чат закрыт)", dict(channel='чат', segment='частные'), set()),
 ("Малый бизнес, чат 10:00 YEKT", dict(channel='чат', segment='бизнес'), {'чат_екб'}),
 ("Корпоративный клиент, бизнес-линия вс 03:00 YEKT", dict(channel='бизнес_линия', segment='корпоративные'), set()),
 ("Корпоративный клиент, претензия по простою, бизнес-линия", dict(channel='бизнес_линия', segment='корпоративные', complaint='простой'), {'бизнес_очередь'}),
 ("Частный абонент, письменная претензия по почте", dict(channel='почта', segment='частные', complaint='претензия'), {'почта_очередь'}),
 ("Владелец малого бизнеса звонит на общий 8-800", dict(channel='телефон', segment='бизнес'), {'тел_екб'}),
 ("Корпоративный клиент пишет в чат приложения", dict(channel='чат', segment='корпоративные'), {'чат_екб'}),
]
for name, task, avail in scen:
    fn, plan = route(task, avail)
    print("*", name); print("   filter:", fn)
    for age,q,p,e in plan: print(f"   from age {age:>6}s -> {q} prio {p} {e}")
