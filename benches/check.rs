//! `cargo bench --bench check`: time `cxc check` (load, parse, resolve, all
//! rules) on generated specs of 10k, 100k and 1M journey steps, and show how
//! the time grows when the spec grows 10x (linear: about 10x).
//!
//! The spec has what makes graph checks work: branches, loops with exits,
//! several teams and channels, so every journey rule walks the whole graph.

use cxc::check::Options;
use std::time::{Duration, Instant};

fn spec(steps: usize) -> String {
    let mut s = String::with_capacity(steps * 80);
    s.push_str("calendar office { open mon-fri 09:00-18:00 }\n");
    for t in 0..4 {
        s.push_str(&format!(
            "team t{t} {{}}\nrole r{t} {{ team t{t}; duty \"work\" }}\n"
        ));
        s.push_str(&format!(
            "agreement a{t} {{ provider t{}; consumer t{t}; respond within 1h }}\n",
            (t + 1) % 4
        ));
    }
    s.push_str("channel phone { kind phone; hours office; owner t0 }\n");
    s.push_str("segment vip { tier 1; channels phone }\n");
    s.push_str("sla vip_sla for vip { answer phone 80% within 20s; resolution within 1000w }\n");
    s.push_str("journey big {\n  segments vip\n  start s0\n");
    for i in 0..steps {
        let owner = format!("t{}", (i / 7) % 4);
        let next = if i + 1 == steps {
            "end \"done\"".to_string()
        } else if i % 10 == 9 {
            // a loop back with a way out
            format!("next s{} when \"retry\"; next s{}", i - 3, i + 1)
        } else {
            format!("next s{}", i + 1)
        };
        let channel = if i % 3 == 0 { "; channel phone" } else { "" };
        s.push_str(&format!(
            "  step s{i} {{ owner {owner}{channel}; within 1h; {next} }}\n"
        ));
    }
    s.push_str("}\n");
    s
}

fn best_of(runs: usize, text: &[u8]) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let c = cxc::pipeline::compile_bytes("bench.cx", text, &Options::default());
            let elapsed = start.elapsed();
            assert!(!c.has_errors(), "the generated spec is clean");
            elapsed
        })
        .min()
        .expect("at least one run")
}

fn main() {
    println!(
        "{:>10} {:>12} {:>12} {:>10}",
        "steps", "bytes", "check time", "ns/step"
    );
    let mut previous: Option<Duration> = None;
    for steps in [10_000, 100_000, 1_000_000] {
        let text = spec(steps);
        let runs = if steps >= 1_000_000 { 2 } else { 5 };
        let time = best_of(runs, text.as_bytes());
        let growth = previous.map_or(String::new(), |p| {
            format!(
                "  ({:.1}x the time for 10x the steps)",
                time.as_secs_f64() / p.as_secs_f64()
            )
        });
        println!(
            "{steps:>10} {:>12} {:>10.1}ms {:>10.0}{growth}",
            text.len(),
            time.as_secs_f64() * 1000.0,
            time.as_nanos() as f64 / steps as f64
        );
        previous = Some(time);
    }
}
