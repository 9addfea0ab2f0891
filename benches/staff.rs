//! `cargo bench --bench staff`: time `cxc staff` end to end (the release
//! binary: load, parse, read the forecast CSV, staff every interval, print
//! JSON) on one queue with 1,000 and 10,000 forecast intervals; then
//! `cxc check` on one team of Q queues whose forecasts are D dated
//! half-hours each, every queue its own stretch of the year, at Q×D = n,
//! 2n and 4n (`headcount-short` compares every queue's intervals with the
//! others': about twice the time for twice the intervals is linear).
//!
//! Loads range from about 3 to 1,000 Erlangs, so both the small-queue and the
//! large-queue paths of the Erlang B recursion are measured. Set
//! `CXC_BENCH_KEEP=DIR` to keep the 10,000-interval spec, forecast and report,
//! for `benches/pyworkforce_compare.py`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SPEC: &str = "team support {}
calendar office { open 24x7 }
channel phone { kind phone; hours office; owner support }
segment retail { channels phone }
sla standard for retail { answer phone 80% within 20s }
queue main_line {
  channel phone
  segments retail
  team support
  agents 120
  forecast file \"forecast.csv\" per 30m
  aht 3m
  shrinkage 30%
}
";

/// `rows` intervals whose volume follows a daily curve and grows over the
/// days, with handle times between 150 and 330 seconds.
fn forecast(rows: usize) -> String {
    let mut csv = String::from("start,volume,aht\n");
    for i in 0..rows {
        let day_phase = (i % 48) as f64 / 48.0 * std::f64::consts::TAU;
        let growth = 1.0 + 9.0 * i as f64 / rows as f64;
        let volume = (30.0 + 1000.0 * growth * (1.0 - day_phase.cos()) / 2.0).round();
        let aht = 150 + (i * 37) % 181;
        // Day after day from 2027-01-11, local dates and times.
        let start = jiff::civil::date(2027, 1, 11)
            .at(0, 0, 0, 0)
            .checked_add(jiff::SignedDuration::from_mins(30 * i as i64))
            .expect("in range");
        csv.push_str(&format!("{start},{volume},{aht}\n"));
    }
    csv
}

fn run(dir: &Path) -> (Duration, Vec<u8>) {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_cxc"))
        .args(["staff", "--format", "json"])
        .current_dir(dir)
        .output()
        .expect("cxc runs");
    let elapsed = start.elapsed();
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (elapsed, output.stdout)
}

/// One team (a role with a headcount, so `headcount-short` compares the
/// queues) of `queues` queues, each with `starts` dated half-hours of its
/// own: queue i forecasts from 2027-01-04 plus i × `starts` half-hours.
fn dated_team(dir: &Path, queues: usize, starts: usize) {
    let mut spec = String::from(
        "team t {}\n\
         role agent { team t; duty \"Answers\"; headcount 1 }\n\
         calendar office { timezone \"Europe/Moscow\"; open 24x7 }\n\
         channel phone { kind phone; owner t; hours office }\n\
         segment s { channels phone }\n\
         sla std for s { answer phone 80% within 20s }\n",
    );
    let monday = jiff::civil::date(2027, 1, 4).at(0, 0, 0, 0);
    for q in 0..queues {
        spec.push_str(&format!(
            "queue q{q} {{ channel phone; segments s; team t; agents 20; \
             forecast file \"f{q}.csv\" per 30m; aht 3m }}\n"
        ));
        let mut csv = String::from("start,volume\n");
        for k in 0..starts {
            let half_hours = (q * starts + k) as i64;
            let start = monday
                .checked_add(jiff::SignedDuration::from_mins(30 * half_hours))
                .expect("in range");
            csv.push_str(&format!("{start},{}\n", 20 + k * 7 % 40));
        }
        std::fs::write(dir.join(format!("f{q}.csv")), csv).unwrap();
    }
    std::fs::write(dir.join("spec.cx"), spec).unwrap();
}

fn print_dated_teams() {
    println!("\nOne team of dated queues, `cxc check` end to end:");
    println!(
        "{:>7} {:>7} {:>10} {:>12}  growth",
        "queues", "starts", "intervals", "cxc check"
    );
    let mut previous: Option<Duration> = None;
    for queues in [8, 16, 32] {
        let starts = 4_380; // three months of half-hours
        let dir = tempfile::tempdir().expect("a temporary folder");
        dated_team(dir.path(), queues, starts);
        let best = (0..3)
            .map(|_| {
                let start = Instant::now();
                let output = Command::new(env!("CARGO_BIN_EXE_cxc"))
                    .args(["check", ".", "--format", "json"])
                    .current_dir(dir.path())
                    .output()
                    .expect("cxc runs");
                assert!(output.status.code().is_some_and(|c| c <= 1));
                start.elapsed()
            })
            .min()
            .unwrap();
        let growth = previous.map_or(String::new(), |p| {
            format!("×{:.1}", best.as_secs_f64() / p.as_secs_f64())
        });
        println!(
            "{queues:>7} {starts:>7} {:>10} {:>10.1}ms  {growth}",
            queues * starts,
            best.as_secs_f64() * 1000.0
        );
        previous = Some(best);
    }
}

fn main() {
    println!(
        "{:>10} {:>14} {:>14}",
        "intervals", "cxc staff", "µs/interval"
    );
    for rows in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("spec.cx"), SPEC).unwrap();
        std::fs::write(dir.path().join("forecast.csv"), forecast(rows)).unwrap();
        let mut report = Vec::new();
        let best = (0..5)
            .map(|_| {
                let (time, out) = run(dir.path());
                report = out;
                time
            })
            .min()
            .unwrap();
        println!(
            "{rows:>10} {:>12.1}ms {:>14.1}",
            best.as_secs_f64() * 1000.0,
            best.as_secs_f64() * 1e6 / rows as f64
        );
        if rows == 10_000 {
            if let Some(keep) = std::env::var_os("CXC_BENCH_KEEP") {
                let keep = Path::new(&keep);
                std::fs::create_dir_all(keep).unwrap();
                std::fs::write(keep.join("spec.cx"), SPEC).unwrap();
                std::fs::write(keep.join("forecast.csv"), forecast(rows)).unwrap();
                std::fs::write(keep.join("staff.json"), &report).unwrap();
            }
        }
    }
    print_dated_teams();
}
