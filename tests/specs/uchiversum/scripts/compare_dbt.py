import duckdb, json
con = duckdb.connect('/work/audit16/out/build/dbt/cx_standards.duckdb', read_only=True)
m = json.load(open('/work/audit16/out/measure/measure.json'))
def tbl(name):
    for sch in ('main', 'main_main'):
        try: return con.execute(f'select * from {name}').fetchdf()
        except Exception as e: err = e
    raise err
print(con.execute("select table_schema, table_name from information_schema.tables where table_name in ('attainment','promises_kept','sla_metrics','bad_rows','complaint_duties','journeys')").fetchall())
a = tbl('attainment')
bad = 0
for t in m['targets']:
    r = a[(a.sla == t['sla']) & (a.segment == t['segment']) & (a.kind == t['kind']) & ((a.channel == t['channel']) if t['channel'] else a.channel.isna())]
    if len(r) != 1: print('MISSING/DUP', t['sla'], t['segment'], t['kind'], t['channel'], len(r)); bad += 1; continue
    r = r.iloc[0]
    if int(r.n) != t['n'] or int(r.met) != t['met']:
        print('DIFF', t['sla'], t['segment'], t['kind'], t['channel'], 'measure', t['n'], t['met'], 'dbt', r.n, r.met); bad += 1
print('attainment rows', len(a), 'measure targets', len(m['targets']), 'diffs', bad)
p = tbl('promises_kept'); print(p.to_string())
print([(x['id'], x['n'], x['kept']) for x in m['promises']])
s = tbl('sla_metrics'); print(s.to_string())
print([(x['sla'], x['segment'], x['metric'], x['n'], round(x['value'], 3)) for x in m['metrics']])
b = tbl('bad_rows'); print(b.groupby(list(b.columns[:2])).size() if len(b) else b); print(b.to_string()[:2000])
c = tbl('complaint_duties'); print(c.to_string()[:2500]); print(json.dumps(m['complaints'], ensure_ascii=False)[:1500])
j = tbl('journeys'); print(j.to_string()); print({k: v for k, v in m['journeys'][0].items() if not isinstance(v, (list, dict))})
