"""Compare the dbt project's tables (DuckDB) with measure.json."""
import duckdb, json
con = duckdb.connect('out/dbtbuild/dbt/cx_standards.duckdb', read_only=True)
tables = [r[0] for r in con.execute("select table_schema||'.'||table_name from information_schema.tables").fetchall()]
print(len(tables), 'tables'); 
m = json.load(open('out/measure/measure.json'))
def t(name):
    for x in tables:
        if x.split('.')[-1] == name: return x
att = con.execute(f"select * from {t('attainment')}").fetchdf()
print(att.columns.tolist())
diffs = 0
for x in m['targets']:
    q = att[(att.sla == x['sla']) & (att.segment == x['segment']) & (att.kind == x['kind']) & (att.idx == x['index'])]
    if 'channel' in att.columns and x.get('channel'): q = q[q.channel == x['channel']]
    if len(q) != 1: print('NOT FOUND/ambiguous', x['sla'], x['segment'], x['kind'], x.get('channel'), len(q)); diffs += 1; continue
    r = q.iloc[0]
    ok = int(r.n) == x['n'] and int(r.met) == x['met']
    diffs += not ok
    if not ok: print('DIFF', x['statement'], x['segment'], 'dbt', r.n, r.met, 'measure', x['n'], x['met'])
print('attainment rows', len(att), 'measure targets', len(m['targets']))
pk = con.execute(f"select * from {t('promises_kept')}").fetchdf(); print(pk.to_string()[:800])
for p in m['promises']:
    q = pk[pk.iloc[:, 0] == p['id']]
    print('promise', p['id'], 'measure', p['n'], p['kept'], 'dbt', q.to_dict('records'))
cd = con.execute(f"select * from {t('complaint_duties')}").fetchdf(); print(cd.to_string()[:1500])
print([ (c['id'], c['duty'], c['n'], c['kept']) for c in m['complaints']])
br = con.execute(f"select * from {t('bad_rows')}").fetchdf(); print('bad_rows', len(br)); print(br.to_string()[:1500])
print('DIFFS', diffs)
