"""Simulate a Twilio TaskRouter workflow (documented semantics) for concrete tasks.
- filters evaluated top to bottom; first whose expression matches wins; else default_filter
- targets in order; a target's timeout is added to the previous ones and measured against task age
- when a task enters a target: if a worker of the queue (matching the target's worker expression) is
  available -> reservation immediately; else if skip_if holds -> next target at once;
  else wait until a worker becomes available (assigned) or the cumulative timeout passes
- last target (no timeout) holds the task until task Timeout (default 86400 s) cancels it
"""
import json, re, sys
from datetime import datetime, timedelta, timezone

def tr_eval(expr, env):
    # translate TaskRouter expression to python
    toks = re.findall(r"'[^']*'|\"[^\"]*\"|\[|\]|\(|\)|,|==|!=|>=|<=|>|<|[A-Za-z_][A-Za-z0-9_.]*|\d+", expr)
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == 'AND': out.append(' and ')
        elif t == 'OR': out.append(' or ')
        elif t == 'NOT': out.append(' not ')
        elif t == 'IN': out.append(' in ')
        elif t == 'HAS':
            # a HAS b  ->  b in a  ; rewrite: previous operand
            prev = out.pop(); nxt = toks[i + 1]; i += 1
            out.append(f'({nxt} in ({prev} or []))')
        elif t in ('[', ']', '(', ')', ',', '==', '!=', '>=', '<=', '>', '<'): out.append(t)
        elif t[0] in "'\"" or t.isdigit(): out.append(t)
        elif t in ('true', 'false'): out.append('True' if t == 'true' else 'False')
        else: out.append(f'_g({t!r})')
        i += 1
    code = ' '.join(out)
    def _g(name):
        v = env
        for p in name.split('.'):
            v = v.get(p) if isinstance(v, dict) else None
        return v
    return eval(code, {'_g': _g})

def route(wf, task, created, available, task_timeout=86400, step=60):
    """available(queue_sid, worker_expr, when) -> int. Returns (filter name, [(time, event)])."""
    tr = wf['task_routing'] if 'task_routing' in wf else wf
    env = dict(task)
    chosen = None
    for f in tr['filters']:
        if tr_eval(f['expression'], env): chosen = f; break
    log = []
    if chosen is None:
        q = tr['default_filter']['queue']; log.append((created, f'default filter -> {q}'))
        return 'default', log
    age_budget = 0; t = created
    targets = chosen['targets']
    for k, tg in enumerate(targets):
        q = tg['queue']; wexpr = tg.get('expression')
        n = available(q, wexpr, t)
        if n > 0:
            log.append((t, f'ASSIGNED in {q} (target {k}, prio {tg.get("priority")})')); return chosen.get('filter_friendly_name'), log
        if tg.get('skip_if') and tr_eval(tg['skip_if'].replace('workers.available', str(n)), {}):
            log.append((t, f'skip {q} (nobody available)')); continue
        if 'timeout' in tg:
            age_budget += tg['timeout']; until = created + timedelta(seconds=min(age_budget, task_timeout))
        else:
            until = created + timedelta(seconds=task_timeout)
        log.append((t, f'waits in {q} until {until:%a %H:%M}Z (target {k}, prio {tg.get("priority")})'))
        s = t
        while s < until:
            s += timedelta(seconds=step)
            if available(q, wexpr, s) > 0:
                log.append((s, f'ASSIGNED in {q} (target {k})')); return chosen.get('filter_friendly_name'), log
        t = until
        if t >= created + timedelta(seconds=task_timeout):
            log.append((t, 'CANCELLED by task Timeout')); return chosen.get('filter_friendly_name'), log
    log.append((t, 'fell off the end of the targets (TaskRouter then re-evaluates / default)'))
    return chosen.get('filter_friendly_name'), log
