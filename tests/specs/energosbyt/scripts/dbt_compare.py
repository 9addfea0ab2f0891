import duckdb, json
con = duckdb.connect('/work/audit14/out/build/dbt/cx_standards.duckdb', read_only=True)
print(con.sql("select table_schema, table_name from information_schema.tables where table_name in ('attainment','sla_metrics','complaint_duties','promises_kept','bad_rows')").fetchall())
d = json.load(open('/work/audit14/out/measure/measure.json'))
att = con.sql("select * from attainment").fetchall(); cols = [c[0] for c in con.sql("select * from attainment").description]
print(cols)
rows = {}
for r in att:
    x = dict(zip(cols, r)); rows[(x['sla'], x['segment'], x['channel'], x['kind'], x['idx'])] = x
bad = 0
for t in d['targets']:
    k = (t['sla'], t['segment'], t['channel'], t['kind'], t['index'])
    x = rows.get(k)
    if not x or x['n'] != t['n'] or x['met'] != t['met']:
        bad += 1; print('DIFF', k, t['n'], t['met'], x)
print('attainment rows', len(att), 'measure targets', len(d['targets']), 'diffs', bad)
for tab in ('sla_metrics', 'complaint_duties', 'promises_kept'):
    q = con.sql(f"select * from {tab}"); print(tab, [c[0] for c in q.description]); [print('  ', r) for r in q.fetchall()]
print('bad_rows', con.sql("select reason, count(*) from bad_rows group by 1 order by 1").fetchall())
