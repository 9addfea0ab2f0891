//! `cargo bench --bench bpmnlint`: the same journeys checked by `cxc check`
//! (from the `.cx` spec) and by bpmnlint with its recommended rules (from the
//! BPMN that `cxc build --target bpmn` writes for them), each end to end as
//! a CI job runs it. Needs `npm ci --prefix tests/tools` first.
//!
//! Both look for the same kinds of fault: steps that lead nowhere or cannot
//! be reached, and loops. cxc also checks owners, deadlines and handoffs.

mod common;

use common::{best_of, long_journey, write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bpmnlint(tools: &Path, dir: &Path, file: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new("node")
        .arg(tools.join("node_modules/bpmnlint/bin/bpmnlint.js"))
        .arg(file)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("node runs");
    let elapsed = start.elapsed();
    // bpmnlint exits 1 when it reports a problem; anything else is a failure.
    assert!(matches!(status.code(), Some(0 | 1)), "bpmnlint: {status}");
    elapsed
}

fn main() {
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools");
    if !tools.join("node_modules/bpmnlint").exists() {
        println!("bpmnlint is not installed: run `npm ci --prefix tests/tools` first");
        std::process::exit(1);
    }
    let work = tempfile::tempdir().expect("a temporary folder");
    let dir = work.path();
    std::fs::copy(tools.join(".bpmnlintrc"), dir.join(".bpmnlintrc")).expect("the rules");
    println!(
        "{:>10} {:>10} {:>12} {:>12} {:>10}",
        "steps", "BPMN MB", "cxc check", "bpmnlint", "cxc is"
    );
    for steps in [2_000, 20_000] {
        let name = format!("j{steps}");
        write(dir, &format!("{name}/spec.cx"), &long_journey(steps));
        let spec = dir.join(&name);
        let out = format!("../{name}-out");
        let built = best_of(1, &spec, &["build", "-o", &out, "--target", "bpmn"]);
        assert_eq!(built.code, 0, "the journey exports");
        let bpmn = dir.join(format!("{name}-out/journeys/big.bpmn"));
        let size = std::fs::metadata(&bpmn).expect("the BPMN file").len();
        let check = best_of(3, &spec, &["check"]).time;
        let lint = (0..3)
            .map(|_| bpmnlint(&tools, dir, &bpmn))
            .min()
            .expect("three runs");
        println!(
            "{steps:>10} {:>10.1} {:>10.3} s {:>10.3} s {:>9.0}x faster",
            size as f64 / 1e6,
            check.as_secs_f64(),
            lint.as_secs_f64(),
            lint.as_secs_f64() / check.as_secs_f64()
        );
    }
}
