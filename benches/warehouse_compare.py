#!/usr/bin/env python3
"""Issue 28's benchmark: `cxc measure` in process against DuckDB (and the dbt
project on DuckDB) on the same contacts, as CSV and as Parquet.

    cargo build --release
    target/dbt-venv/bin/python benches/warehouse_compare.py [--dbt] [--spark] [--parquet-only] [ROWS ...]
    # default: 10000000

For each size it writes, under target/measure-bench/ROWS/, the contacts export
of benches/measure_compare.py (fixed seed, every target on a 24x7 calendar)
and the same rows as Parquet (written by DuckDB: typed columns, Snappy), then
runs, each as its own process under a counting wrapper (`--counted`, below:
wall time, CPU time = user + system of the process and every process it
starts, peak resident memory of the largest):

- the release `cxc measure` on the CSV and on the Parquet file;
- DuckDB computing the same attainment per segment and channel over each file;
- with `--dbt`, the project `cxc build --target dbt` writes, `dbt build` on
  DuckDB over each file (minutes at 10M rows);
- with `--spark`, the same project's `dbt build` on local Spark (dbt-spark,
  session mode, driver memory `CXC_SPARK_MEMORY`, default 8g) over the
  Parquet file. Peak memory is the largest process's (the JVM's).

`--parquet-only` leaves the CSV out, `--generate-only` writes the files and
stops. `CXC_BUILD` names the cxc that writes the dbt project (default: `CXC`);
`CXC_BENCH_DATA` the folder of the files (default: target/measure-bench).
A size above 10,000,000 that is a multiple of it is that many copies of the
10,000,000 rows, each copy's ids prefixed with its number (`C3-17`): the same
rows as the generator's at 10M, so each count at 100M is ten times the 10M
count, and writing it takes minutes instead of an hour of Python.

How CPU is counted: the wrapper makes itself a child subreaper
(prctl PR_SET_CHILD_SUBREAPER), starts the command, and waits for it and then
for every descendant left running, reparented to it rather than to init: the
JVM that pyspark starts for the Spark target is a child of dbt's Python and
may outlive it, and /usr/bin/time (which counts only the processes their
parents waited for) missed its CPU. The CPU time is getrusage(RUSAGE_CHILDREN)
once all of them are reaped; peak memory is that call's ru_maxrss (the
largest single process, for Spark the JVM's).

It checks that every count agrees: cxc's measure.json from CSV and from
Parquet, and DuckDB's n and met per segment and channel. On a machine that is
not quiet, wall times are the load's; CPU times are the work's.
"""
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_compare import CXC, LIMITS, ROOT, SPEC, write_contacts  # noqa: E402

BUILD = Path(os.environ.get("CXC_BUILD", CXC))

DUCK = """
import duckdb, json, sys
con = duckdb.connect()
con.execute('SET enable_progress_bar = false')
source = sys.argv[1]
reader = (f"read_parquet('{source}')" if source.endswith('.parquet') else
          f"read_csv('{source}', header = true, types = {{'created': 'TIMESTAMPTZ', 'answered': 'TIMESTAMPTZ', 'first_response': 'TIMESTAMPTZ'}})")
rows = con.execute(f'''
    SELECT segment, channel, count(*) AS n,
           count(*) FILTER (WHERE epoch(coalesce(answered, first_response)) - epoch(created)
                            <= CASE segment || '/' || channel {sys.argv[2]} END) AS met
    FROM {reader} GROUP BY ALL ORDER BY ALL''').fetchall()
print(json.dumps(rows))
"""


COUNTED = "cxc-bench-counted "


def seconds(bound):
    """`40m`, `90s`, `2h` or a number of seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    return float(bound[:-1]) * units[bound[-1]] if bound[-1] in units else float(bound)


def counted(bound, args):
    """`--counted BOUND -- ARGS`: runs ARGS as a child subreaper, so that
    every process it starts, orphaned or not, is reaped here and its rusage
    counted; stops the whole process group past BOUND seconds. Writes one
    line to stderr: COUNTED and JSON wall, cpu, peak (KB), code."""
    import ctypes
    import resource
    import signal
    import time
    PR_SET_CHILD_SUBREAPER = 36
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit(f"prctl(PR_SET_CHILD_SUBREAPER): errno {ctypes.get_errno()}")
    started = time.monotonic()
    # Wall time runs until the last descendant is reaped.
    child = subprocess.Popen(args, start_new_session=True)
    deadline = started + seconds(bound)

    def stop(*_):
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, max(deadline - started, 0.001))
    code = child.wait()
    # Every descendant left (the JVM dbt-spark's Python started), reparented
    # here: waited for, so RUSAGE_CHILDREN holds its CPU too.
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
    signal.setitimer(signal.ITIMER_REAL, 0)
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(COUNTED + json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                                "peak": usage.ru_maxrss, "code": code}), file=sys.stderr, flush=True)
    return code


def timed(args, **kw):
    """Runs `args` under the counting wrapper (`counted`), bounded by
    `CXC_BENCH_TIMEOUT` (default 40m: the whole process group is stopped
    past it): wall seconds, CPU seconds of it and every descendant, peak MB."""
    bound = os.environ.get("CXC_BENCH_TIMEOUT", "40m")
    out = subprocess.run([sys.executable, __file__, "--counted", bound, "--", *args],
                         capture_output=True, text=True, **kw)
    out.returncode = 0
    for text in reversed(out.stderr.strip().splitlines()):
        if text.startswith(COUNTED):
            got = json.loads(text[len(COUNTED):])
            out.returncode = got["code"]
            return got["wall"], got["cpu"], got["peak"] / 1024, out
    raise SystemExit(f"no timing from the counting wrapper for {args[:2]}: {out.stderr[-400:]}")


def line(rows, what, mb, wall, cpu, peak, note=""):
    print(f"{rows:>12,} {what:<32} {mb:7.0f} MB  wall {wall:7.2f} s  cpu {cpu:7.2f} s  "
          f"{mb / cpu:6.0f} MB/cpu-s  peak {peak:6.0f} MB  {note}", flush=True)


def write_copies(path, rows, base):
    """`rows // 10M` copies of the 10M export `base`, ids prefixed."""
    with open(path, "wb") as out, open(base, "rb") as first:
        header = first.readline()
        out.write(header)
        for copy in range(rows // TEN_M):
            with open(base, "rb") as f:
                f.readline()
                prefix = f"C{copy}-".encode()
                while block := f.readlines(1 << 24):
                    out.writelines(prefix + line[1:] for line in block)


def contacts_at(data, rows):
    """The contacts CSV of `rows` rows under `data`, written if missing."""
    folder = data / str(rows)
    folder.mkdir(parents=True, exist_ok=True)
    csv = folder / "contacts.csv"
    if not csv.exists():
        if rows > TEN_M and rows % TEN_M == 0:
            write_copies(csv, rows, contacts_at(data, TEN_M))
        else:
            write_contacts(csv, rows, random.Random(2026))
    return csv


TEN_M = 10_000_000


def main():
    with_dbt = "--dbt" in sys.argv
    with_spark = "--spark" in sys.argv
    sources_of = (lambda csv, parquet: (parquet,)) if "--parquet-only" in sys.argv else (lambda csv, parquet: (csv, parquet))
    sizes = [int(a) for a in sys.argv[1:] if not a.startswith("--")] or [TEN_M]
    python = sys.executable
    cases = " ".join(f"WHEN '{s}/{c}' THEN {l}" for (s, c), l in LIMITS.items())
    data = Path(os.environ.get("CXC_BENCH_DATA", ROOT / "target" / "measure-bench"))
    for rows in sizes:
        csv = contacts_at(data, rows)
        folder = csv.parent
        (folder / "spec.cx").write_text(SPEC)
        parquet = folder / "contacts.parquet"
        if not parquet.exists():
            import duckdb
            duckdb.connect().execute(
                f"COPY (SELECT * FROM read_csv('{csv}', header = true, types = "
                "{'created': 'TIMESTAMPTZ', 'answered': 'TIMESTAMPTZ', 'first_response': 'TIMESTAMPTZ'})) "
                f"TO '{parquet}' (FORMAT parquet, COMPRESSION snappy)")
        if "--generate-only" in sys.argv:
            continue
        figures = {}
        for source in sources_of(csv, parquet):
            mb = source.stat().st_size / 1e6
            kind = source.suffix[1:]
            out = folder / f"out-{kind}"
            wall, cpu, peak, run = timed([str(CXC), "measure", str(folder / "spec.cx"), "--contacts",
                                          str(source), "--format", "json", "-o", str(out)])
            text = (out / "measure.json").read_bytes()
            measured = json.loads(text)
            figures[kind] = {(t["segment"], t["channel"]): (t["n"], t["met"]) for t in measured["targets"]}
            line(rows, f"cxc measure, {kind}", mb, wall, cpu, peak,
                 f"measure.json sha256 {hashlib.sha256(text).hexdigest()[:12]}")
            wall, cpu, peak, run = timed([python, "-c", DUCK, str(source), cases])
            theirs = {(s, c): (n, m) for s, c, n, m in json.loads(run.stdout.strip().splitlines()[-1])}
            line(rows, f"DuckDB attainment, {kind}", mb, wall, cpu, peak,
                 f"counts agree with cxc: {theirs == figures[kind]}")
            targets = (["duckdb"] if with_dbt else []) + (["spark"] if with_spark and kind == "parquet" else [])
            for target in targets:
                with tempfile.TemporaryDirectory(dir=folder) as tmp:
                    subprocess.run([str(BUILD), "build", str(folder / "spec.cx"), "--target", "dbt",
                                    "-o", tmp], check=True, capture_output=True)
                    project = Path(tmp) / "dbt"
                    dbt = Path(python).parent / "dbt"
                    memory = os.environ.get("CXC_SPARK_MEMORY", "8g")
                    env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false",
                               CXC_DUCKDB_PATH=str(Path(tmp) / "figures.duckdb"),
                               PYSPARK_SUBMIT_ARGS=f"--driver-memory {memory} pyspark-shell")
                    variables = json.dumps({"contacts": str(source), "cases": str(ROOT / "benches" / "empty-cases.csv")})
                    wall, cpu, peak, run = timed([str(dbt), "build", "--profiles-dir", ".",
                                                  "--target", target, "--vars", variables],
                                                 env=env, cwd=project)
                    status = "ok" if run.returncode == 0 else f"failed: {run.stdout[-400:]}"
                    name = "DuckDB" if target == "duckdb" else "local Spark"
                    line(rows, f"dbt build on {name}, {kind}", mb, wall, cpu, peak, status)
        if len(figures) == 2:
            print(f"{rows:>12,} cxc's figures from CSV and from Parquet agree: {figures['csv'] == figures['parquet']}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--counted"]:
        sys.exit(counted(sys.argv[2], sys.argv[4:]))
    main()
