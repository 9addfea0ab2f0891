//! What the benchmarks share: running the release binary as a user would,
//! with its wall time and peak memory.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One run of cxc: wall time, peak RSS in MB, exit code.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub time: Duration,
    /// CPU time in cxc itself, and in the kernel on its behalf (files).
    pub user: Duration,
    pub system: Duration,
    pub rss_mb: f64,
    pub code: i32,
}

/// Runs cxc in `dir` with its output discarded. The child is reaped by
/// `wait4` (for its resource usage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_cxc"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cxc runs");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let time = start.elapsed();
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let cpu = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run {
        time,
        user: cpu(usage.ru_utime),
        system: cpu(usage.ru_stime),
        rss_mb: usage.ru_maxrss as f64 / 1024.0,
        code,
    }
}

/// The fastest of `n` runs (the least disturbed by the machine), with the
/// highest peak memory seen.
pub fn best_of(n: usize, dir: &Path, args: &[&str]) -> Run {
    let runs: Vec<Run> = (0..n).map(|_| run(dir, args)).collect();
    let mut best = *runs.iter().min_by_key(|r| r.time).expect("n > 0");
    best.rss_mb = runs.iter().map(|r| r.rss_mb).fold(0.0, f64::max);
    best
}

pub fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    std::fs::write(path, text).expect("written");
}

/// "(9.8x for 10x)" against the previous size.
pub fn growth(previous: Option<Duration>, now: Duration, factor: f64) -> String {
    previous.map_or(String::new(), |p| {
        format!(
            "{:.1}x for {factor:.0}x",
            now.as_secs_f64() / p.as_secs_f64()
        )
    })
}

/// One journey of `steps` steps.
pub fn long_journey(steps: usize) -> String {
    let mut s = String::with_capacity(steps * 110);
    s.push_str("calendar office { open mon-fri 09:00-18:00 }\n");
    for t in 0..4 {
        s.push_str(&format!(
            "team t{t} {{}}\nrole r{t} {{ team t{t}; duty \"work\" }}\n"
        ));
        for other in (0..4).filter(|&o| o != t) {
            s.push_str(&format!(
                "agreement a{t}_{other} {{ provider t{t}; consumer t{other}; respond within 1h }}\n"
            ));
        }
    }
    s.push_str("channel phone { kind phone; hours office; owner t0 }\n");
    s.push_str("segment vip { tier 1; channels phone }\n");
    s.push_str("sla vip_sla for vip { answer phone 80% within 20s; resolution within 1000w }\n");
    s.push_str("journey big {\n  segments vip\n  start s0\n");
    for i in 0..steps {
        // The customer deals with one team; the work behind passes between four.
        let owner = if i % 3 == 0 { 0 } else { (i / 7) % 4 };
        let next = if i + 1 == steps {
            "end \"done\"".to_string()
        } else if i % 10 == 9 {
            // a loop back with a way out
            format!("next s{} when \"retry\"; next s{}", i - 3, i + 1)
        } else {
            format!("next s{}", i + 1)
        };
        let channel = if i % 3 == 0 { "; channel phone" } else { "" };
        let within = if i % 10 == 0 { "; within 1h" } else { "" };
        s.push_str(&format!(
            "  step s{i} \"Step {i} of the order\" {{ owner t{owner}{channel}{within}; {next} }}\n"
        ));
    }
    s.push_str("}\n");
    s
}
