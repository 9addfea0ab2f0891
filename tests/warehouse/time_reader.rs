//! The dbt project's time reader (`cxc_time_parts` and `cxc_time_value`,
//! macros/time.sql: the pattern matched once, the fields then cut by
//! position) held to `cxc measure`'s (`When::parse`) on random texts, on
//! DuckDB through dbt as the other warehouse tests run it: the same text
//! gives the same instant (with an offset), the same wall time (without
//! one) or, for both, bad data.

use super::{project, run, venv, ROOT};
use cxc::measure::rows::When;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A time text: mostly a valid shape (fractions, `Z`, `±hh:mm`, naive
/// local, `t` or a space), often an odd but valid one (`±hhmm`, `±hh`, no
/// seconds, lower case), and sometimes broken (a field out of range, a
/// digit missing or extra, a date alone, junk after it).
fn text(next: &mut impl FnMut(u64) -> u64) -> String {
    let pick = |next: &mut dyn FnMut(u64) -> u64, items: &[&str]| -> String {
        items[next(items.len() as u64) as usize].to_string()
    };
    let year = if next(10) == 0 {
        next(10_000)
    } else {
        1990 + next(60)
    };
    let month = if next(20) == 0 {
        next(14)
    } else {
        1 + next(12)
    };
    let day = if next(10) == 0 {
        next(33)
    } else {
        1 + next(28)
    };
    let hour = if next(20) == 0 { next(26) } else { next(24) };
    let minute = if next(20) == 0 { next(62) } else { next(60) };
    let second = if next(20) == 0 { next(62) } else { next(60) };
    let sep = pick(next, &["T", "T", " ", "t"]);
    let mut text = format!("{year:04}-{month:02}-{day:02}{sep}{hour:02}:{minute:02}");
    if next(8) != 0 {
        text.push_str(&format!(":{second:02}"));
        if next(3) == 0 {
            let most = if next(10) == 0 { 11 } else { 9 };
            let digits = 1 + next(most) as usize;
            let fraction: String = (0..digits)
                .map(|_| char::from(b'0' + next(10) as u8))
                .collect();
            text.push_str(&format!(".{fraction}"));
        }
    }
    let (oh, om) = (
        if next(15) == 0 { next(30) } else { next(15) },
        [0, 30, 45, 59, 60][next(5) as usize],
    );
    let sign = pick(next, &["+", "-"]);
    let offset = match next(12) {
        0..=2 => String::new(),
        3..=4 => "Z".into(),
        5 => "z".into(),
        6..=8 => format!("{sign}{oh:02}:{om:02}"),
        9 => format!("{sign}{oh:02}{om:02}"),
        10 => format!("{sign}{oh:02}"),
        _ => pick(next, &["+3:00", "+03:0", "UTC", "+03:00:00", " +03:00"]),
    };
    text.push_str(&offset);
    match next(40) {
        0 => text[..10].to_string(),
        1 => format!("{text}x"),
        2 => text.replacen('-', "/", 2),
        3 => format!("0{text}"),
        4 => text[1..].to_string(),
        _ => text,
    }
}

/// What cxc reads from a text: (kind, seconds, nanoseconds) as the SQL
/// writes them — 1 an instant (seconds since 1970 UTC), 2 a wall time (its
/// seconds as if in UTC), -1 not a time.
fn cxc_reads(text: &str) -> (i64, Option<i64>, i64) {
    // Whole seconds floored, the fraction 0..1e9 (as the SQL has them;
    // jiff truncates towards 1970, with a negative fraction before it).
    let floored = |t: jiff::Timestamp| {
        let (s, ns) = (t.as_second(), i64::from(t.subsec_nanosecond()));
        if ns < 0 {
            (Some(s - 1), ns + 1_000_000_000)
        } else {
            (Some(s), ns)
        }
    };
    match When::parse(text) {
        Some(When::Exact(t)) => {
            let (s, ns) = floored(t);
            (1, s, ns)
        }
        Some(When::Local(dt)) => {
            let (s, ns) = floored(dt.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp());
            (2, s, ns)
        }
        None => (-1, None, 0),
    }
}

#[test]
fn the_sql_time_reader_reads_every_text_as_cxc_does() {
    let Some(venv) = venv() else { return };
    let mut rng = crate::common::SeededRandom::from_env("time reader property test");
    let seed = rng.seed;
    let mut next = move |n: u64| rng.below(n);
    let mut texts: Vec<String> = (0..3000).map(|_| text(&mut next)).collect();
    texts.sort();
    texts.dedup();
    let tmp = tempfile::tempdir().unwrap();
    let probe = tmp.path().join("probe.csv");
    let mut writer = csv::Writer::from_path(&probe).unwrap();
    writer.write_record(["t"]).unwrap();
    for t in &texts {
        writer.write_record([t]).unwrap();
    }
    writer.flush().unwrap();
    let kitchen = Path::new(ROOT).join("examples/kitchen");
    let dir = project(&kitchen, &tmp.path().join("out"));
    // A model of the test's own, written with the project's macros only:
    // nothing else is built.
    std::fs::write(
        dir.join("models/probe_times.sql"),
        "{%- set rel = cxc_rows('probe') -%}\n\
         with raw as (select {{ cxc_field('t', ['t']) }} as t, t as written from {{ rel }}),\n\
         parts as (select raw.*, {{ cxc_time_parts('t') }} from raw)\n\
         select written, {{ cxc_time_value('t') }} from parts\n",
    )
    .unwrap();
    let vars = format!(
        "{{probe: {}}}",
        serde_json::to_string(probe.to_str().unwrap()).unwrap()
    );
    let mut command = Command::new(venv.join("bin/dbt"));
    command
        .args([
            "run",
            "--profiles-dir",
            ".",
            "--target",
            "duckdb",
            "--select",
            "probe_times",
        ])
        .args(["--vars", &vars])
        .current_dir(&dir)
        .env("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
        .env("CXC_DUCKDB_PATH", dir.join("probe.duckdb"));
    run(
        command,
        Duration::from_secs(600),
        "dbt run of the time probe",
    );
    let out = tmp.path().join("times.csv");
    let mut export = Command::new(venv.join("bin/python"));
    export
        .arg("-c")
        .arg(
            "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); \
             c.sql('select written, t__kind, t__s, t__ns from main.probe_times').write_csv(sys.argv[2])",
        )
        .arg(dir.join("probe.duckdb"))
        .arg(&out);
    run(export, Duration::from_secs(120), "reading the time probe");
    let mut read = 0;
    let mut differ = Vec::new();
    for record in csv::Reader::from_path(&out).unwrap().records() {
        let r = record.unwrap();
        let kind: i64 = r[1].parse().unwrap();
        let sql = (
            kind,
            (kind > 0).then(|| r[2].parse::<i64>().unwrap()),
            if kind > 0 {
                r[3].parse::<i64>().unwrap()
            } else {
                0
            },
        );
        let ours = cxc_reads(&r[0]);
        if sql != ours {
            differ.push(format!("{:?}: SQL {sql:?}, cxc {ours:?}", &r[0]));
        }
        read += 1;
    }
    assert_eq!(read, texts.len(), "every text read back");
    assert!(
        differ.is_empty(),
        "seed {seed}: {} of {} texts read differently:\n{}",
        differ.len(),
        texts.len(),
        differ[..differ.len().min(40)].join("\n")
    );
}
