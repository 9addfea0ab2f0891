//! `cargo bench --bench check`: `cxc check` end to end — the release binary
//! reading the file, parsing, resolving, every rule, exiting — as a CI job
//! runs it, with throughput, peak memory and how both grow.
//!
//! 1. One long journey of 20k, 200k and 1M steps (about 100 bytes a step,
//!    with branches and loops with exits, so every graph rule walks it all).
//! 2. N of every kind of declaration (segments each with an SLA, a queue, a
//!    promise, a complaint and a journey; teams, roles, channels, agreements):
//!    `check` and `build`, for lookups that scale with two kinds at once.
//!
//! Linear means about 10x the time for 10x the spec.

mod common;

use common::{best_of, growth, long_journey, write, Run};
use std::path::Path;

/// `n` of every kind of declaration, all of them used and the spec clean.
fn every_kind(n: usize) -> String {
    let mut s = String::with_capacity(n * 1500);
    s.push_str("service \"Bench\" { language en; owner lead0 }\n");
    for i in 0..n {
        let next = (i + 1) % n;
        s.push_str(&format!(
            "calendar cal{i} {{ open mon-fri 09:00-18:00 }}\n\
             team t{i} \"Team {i}\" {{ lead lead{i} }}\n\
             role lead{i} \"Lead {i}\" {{ team t{i}; duty \"Leads team {i}\" }}\n\
             role r{i} \"Agent {i}\" {{ team t{i}; reports_to lead{i}; headcount 5; duty \"Answers\"; target fcr >= 75% }}\n\
             channel ph{i} \"Phone {i}\" {{ kind phone; hours cal{i}; owner t{i} }}\n\
             customer_type k{i} {{ expects \"Answers\"; strategy \"Listen\" }}\n\
             segment g{i} \"Segment {i}\" {{ tier {tier}; channels ph{i}; types k{i} }}\n\
             sla l{i} for g{i} {{ hours cal{i}; answer ph{i} 80% within 20s; resolution within 5d; target csat >= 90% }}\n\
             promise p{i} {{ segments g{i}; channel ph{i}; within 1h; on_breach apologize }}\n\
             complaint c{i} {{ segments g{i}; owner r{i}; acknowledge within 1h; resolve within 3d\n  \
               escalate after 1d to lead{i}; remedy apologize, redo; feedback required }}\n\
             queue q{i} {{ channel ph{i}; segments g{i}; team t{i}; agents 12; forecast 50 per 30m; aht 3m }}\n\
             agreement a{i} {{ provider t{i}; consumer t{next}; respond within 1h }}\n\
             journey j{i} \"Journey {i}\" {{\n  segments g{i}\n  within 3d\n  start a\n  \
               step a {{ owner r{i}; channel ph{i}; within 1h; next b }}\n  \
               step b {{ owner t{i}; within 1d; next c when \"done\"; next a when \"again\" }}\n  \
               step c {{ owner r{i}; channel ph{i}; end \"answered\" }}\n}}\n",
            tier = 1 + i % 3,
        ));
    }
    s
}

const BIG_FILES: &str = "limits:\n  file_size: 1GB\n";

fn print_long_journeys(dir: &Path) {
    println!("One journey, `cxc check` end to end:");
    println!(
        "{:>10} {:>9} {:>10} {:>9} {:>10} {:>12}  growth",
        "steps", "MB", "time", "MB/s", "peak MB", "peak/input"
    );
    let mut previous = None;
    let mut previous_steps = 0;
    for steps in [20_000, 200_000, 1_000_000] {
        let name = format!("long{steps}");
        let text = long_journey(steps);
        write(dir, &format!("{name}/spec.cx"), &text);
        write(dir, &format!("{name}/cxc.yaml"), BIG_FILES);
        let runs = if steps >= 1_000_000 { 2 } else { 5 };
        let run = best_of(runs, &dir.join(&name), &["check", "--deny", "warnings"]);
        assert_eq!(run.code, 0, "the generated spec is clean");
        let mb = text.len() as f64 / 1e6;
        println!(
            "{steps:>10} {mb:>9.1} {:>8.3} s {:>9.0} {:>10.0} {:>11.1}x  {}",
            run.time.as_secs_f64(),
            mb / run.time.as_secs_f64(),
            run.rss_mb,
            run.rss_mb / (text.len() as f64 / (1 << 20) as f64),
            growth(
                previous,
                run.time,
                steps as f64 / previous_steps.max(1) as f64
            )
        );
        previous = Some(run.time);
        previous_steps = steps;
        std::fs::remove_dir_all(dir.join(&name)).expect("cleaned up");
    }
}

fn print_every_kind(dir: &Path) {
    println!();
    println!(
        "N of every kind of declaration (build: CPU in cxc, and in the kernel writing files):"
    );
    println!(
        "{:>8} {:>7} {:>9} {:>13} {:>10} {:>10} {:>13} {:>9} {:>9}",
        "N", "MB", "check", "growth", "build", "cxc CPU", "growth", "kernel", "peak MB"
    );
    let (mut last_check, mut last_build) = (None, None);
    for n in [1_000, 10_000] {
        let name = format!("kinds{n}");
        let text = every_kind(n);
        write(dir, &format!("{name}/spec.cx"), &text);
        write(dir, &format!("{name}/cxc.yaml"), BIG_FILES);
        let spec = dir.join(&name);
        let check = best_of(3, &spec, &["check", "--deny", "warnings"]);
        assert_eq!(check.code, 0, "the generated spec is clean");
        let out = format!("../{name}-out");
        let build: Run = best_of(1, &spec, &["build", "-o", &out, "--today", "2026-01-01"]);
        assert_eq!(build.code, 0, "the generated spec builds");
        println!(
            "{n:>8} {:>7.1} {:>7.3} s {:>13} {:>8.3} s {:>8.3} s {:>13} {:>7.3} s {:>9.0}",
            text.len() as f64 / 1e6,
            check.time.as_secs_f64(),
            growth(last_check, check.time, 10.0),
            build.time.as_secs_f64(),
            build.user.as_secs_f64(),
            growth(last_build, build.user, 10.0),
            build.system.as_secs_f64(),
            build.rss_mb
        );
        last_check = Some(check.time);
        last_build = Some(build.user);
        std::fs::remove_dir_all(dir.join(format!("{name}-out"))).expect("cleaned up");
        std::fs::remove_dir_all(&spec).expect("cleaned up");
    }
}

fn main() {
    let work = tempfile::tempdir().expect("a temporary folder");
    print_long_journeys(work.path());
    print_every_kind(work.path());
}
