//! `cargo bench --bench hostile`: the inputs of the hardening issue that once
//! cost seconds to minutes (or gigabytes), run through the release binary end
//! to end, with wall time and peak memory of each run. Also `cxc build`
//! against `cxc check` on the same specs: build should stay within a small
//! factor of check, and both linear.

mod common;
#[path = "../tests/common/hostile.rs"]
mod hostile;

use common::{run, write, Run};

fn row(
    what: &str,
    Run {
        time, rss_mb, code, ..
    }: Run,
) {
    println!(
        "{what:<58} {:>9.3} s {:>8.1} MB  exit {code}",
        time.as_secs_f64(),
        rss_mb
    );
}

/// `journeys` journeys of `steps` steps, each owned by one of 10 roles.
fn journeys_spec(journeys: usize, steps: usize) -> String {
    let mut s = String::from("service \"S\" { language en }\nteam t {}\n");
    s.push_str("channel phone { kind phone; owner t }\nsegment all { channels phone }\n");
    s.push_str("sla s for all { answer phone 80% within 20s; resolution within 1000w }\n");
    for r in 0..10 {
        s.push_str(&format!("role r{r} {{ team t; duty \"d\" }}\n"));
    }
    for j in 0..journeys {
        s.push_str(&format!("journey j{j} {{\n  start s0\n"));
        for k in 0..steps {
            let next = if k + 1 == steps {
                "end \"done\"".to_string()
            } else {
                format!("next s{}", k + 1)
            };
            s.push_str(&format!(
                "  step s{k} {{ owner r{}; channel phone; within 1h; {next} }}\n",
                k % 10
            ));
        }
        s.push_str("}\n");
    }
    s
}

/// Writes the files of one input into `dir/name`.
fn lay_out(dir: &std::path::Path, name: &str, files: &hostile::Files) {
    for (path, content) in files {
        write(dir, &format!("{name}/{path}"), content);
    }
}

/// The inputs of issue 23 ("Hardening, second round"), each at the size it
/// was reported at, and at twice or ten times that to show the growth.
fn second_round(dir: &std::path::Path) {
    for rows in [10_000, 100_000] {
        let name = format!("erlang{rows}");
        lay_out(dir, &name, &hostile::erlang_impossible(rows));
        row(
            &format!("Erlang A, ~100,000 Erlangs, impossible targets, {rows} rows"),
            run(&dir.join(&name), &["staff"]),
        );
    }
    for (steps, promises) in [(5_000, 1_000), (10_000, 2_000)] {
        let name = format!("suggest{steps}");
        lay_out(dir, &name, &hostile::unknown_steps(steps, promises));
        row(
            &format!("{promises} promises naming unknown steps among {steps}"),
            run(&dir.join(&name), &["check"]),
        );
    }
    for kb in [400, 1024] {
        let name = format!("junk{kb}");
        lay_out(dir, &name, &hostile::junk_after_a_declaration(kb));
        row(
            &format!("a declaration and {kb} KB of junk without line breaks"),
            run(&dir.join(&name), &["check"]),
        );
    }
    for keys in [100_000, 200_000] {
        let name = format!("keys{keys}");
        lay_out(dir, &name, &hostile::unknown_config_keys(keys));
        row(
            &format!("cxc.yaml with {keys} unknown rule names"),
            run(&dir.join(&name), &["check"]),
        );
    }
    for (steps, dense) in [(100, true), (200, true), (1_000, false)] {
        let name = format!("tangle{steps}");
        lay_out(dir, &name, &hostile::tangled_journey(steps, dense));
        let what = if dense {
            format!("build, {steps} steps each leading to every other")
        } else {
            format!("build, {steps}-step chain, every step back to the start")
        };
        row(&what, run(&dir.join(&name), &["build", "-o", "out"]));
    }
    // Audit 17, M1: one loop back over a long chain was cubic in the
    // layout (4,000 steps 18 s, 8,000 145 s); the chain alone is the control.
    for (steps, looped) in [
        (1_000, true),
        (4_000, true),
        (16_000, true),
        (16_000, false),
    ] {
        let name = format!("looped{steps}{looped}");
        lay_out(dir, &name, &hostile::looped_chain(steps, looped));
        let shape = if looped { "one loop back" } else { "no loop" };
        for target in ["site", "bpmn"] {
            row(
                &format!("build --target {target}, {steps}-step chain, {shape}"),
                run(
                    &dir.join(&name),
                    &[
                        "build",
                        "-o",
                        "out",
                        "--target",
                        target,
                        "--today",
                        "2026-12-07",
                    ],
                ),
            );
        }
    }
    for mb in [8, 64] {
        let name = format!("quote{mb}");
        lay_out(dir, &name, &hostile::open_quote_export(mb));
        row(
            &format!("measure, a quote that never closes, {mb} MB"),
            run(
                &dir.join(&name),
                &["measure", ".", "--contacts", "contacts.csv"],
            ),
        );
    }
    lay_out(dir, "zero", &hostile::open_quote_export(0));
    row(
        "measure --contacts /dev/zero",
        run(
            &dir.join("zero"),
            &["measure", ".", "--contacts", "/dev/zero"],
        ),
    );
    for (i, template) in hostile::GROWING_TEMPLATES.iter().enumerate() {
        let name = format!("template{i}");
        write(dir, &format!("{name}/spec/a.cx"), "team t {}\n");
        write(dir, &format!("{name}/tpl/en/index.md"), template);
        let what = [
            "user template: indent by 4,000,000 (20 GB)",
            "user template: join a list of a trillion (1 TB)",
            "user template: a text doubled by `~` 23 times (64 MB)",
        ][i];
        row(
            what,
            run(
                &dir.join(&name),
                &["build", "spec", "-o", "out", "--templates", "tpl"],
            ),
        );
    }
}

fn main() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    second_round(dir);
    // `cargo bench --bench hostile -- second-round`: only issue 23's inputs.
    if std::env::args().any(|a| a == "second-round") {
        return;
    }

    // Erlang A with callers who wait for hours: 30 intervals of 99,999 calls.
    write(
        dir,
        "erlang/spec.cx",
        "team t {}\nchannel phone { kind phone; owner t }\nsegment s { channels phone }\n\
         sla x for s { answer phone 80% within 20s }\n\
         queue q { channel phone; segments s; agents 100; aht 3m; patience 4h59m\n  forecast file \"f.csv\" per 30m }\n",
    );
    let csv: String = std::iter::once("start,volume\n".to_string())
        .chain((0..30).map(|i| format!("{},99999\n", hostile::half_hour(i))))
        .collect();
    write(dir, "erlang/f.csv", &csv);
    row(
        "Erlang A, patience 4h59m, 30 rows of 99,999 calls",
        run(&dir.join("erlang"), &["staff"]),
    );

    // cxc.yaml nested 50,000 and 100,000 deep.
    for depth in [50_000, 100_000] {
        let name = format!("yaml{depth}");
        write(dir, &format!("{name}/a.cx"), "team t {}\n");
        write(
            dir,
            &format!("{name}/cxc.yaml"),
            &format!("rules: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
        );
        row(
            &format!("cxc.yaml nested {depth} deep"),
            run(&dir.join(&name), &["check"]),
        );
    }

    // "Did you mean" for names of 20,000 characters.
    let long = "x".repeat(20_000);
    write(
        dir,
        "names/a.cx",
        &format!("team {long} {{}}\nrole r {{ team {long}y; duty \"d\" }}\nrole q {{ team {long}z; duty \"d\" }}\n"),
    );
    row(
        "did-you-mean on 20,000-character names",
        run(&dir.join("names"), &["check"]),
    );

    // 50,000 findings on one line, for people.
    let line: String = (0..50_000)
        .map(|i| format!("role r{i} {{ team nowhere; duty \"d\" }} "))
        .collect();
    write(dir, "oneline/a.cx", &format!("{line}\n"));
    row(
        "50,000 diagnostics on one line (human output)",
        run(&dir.join("oneline"), &["check"]),
    );

    // A million copies of one declaration (10 MB, 10 KB gzipped): 999,999
    // duplicate-definition findings, 100 shown, in each output format.
    write(dir, "flood/a.cx", &"team t {}\n".repeat(1_000_000));
    for format in ["human", "json", "sarif", "github"] {
        row(
            &format!("1,000,000 copies of one team, --format {format}"),
            run(&dir.join("flood"), &["check", "--format", format]),
        );
    }

    // A 100,000-step journey where no step is reachable, as BPMN.
    let mut unreachable = String::from("team t {}\njourney j {\n  start s0\n");
    for k in 0..100_000 {
        unreachable.push_str(&format!("  step s{k} {{ owner t; end }}\n"));
    }
    unreachable.push_str("}\n");
    write(dir, "layout/a.cx", &unreachable);
    write(
        dir,
        "layout/cxc.yaml",
        "rules:\n  unreachable-step: off\n  unused: off\n",
    );
    row(
        "BPMN of a 100,000-step journey, steps unreachable",
        run(
            &dir.join("layout"),
            &["build", "-o", "../layout-out", "--target", "bpmn"],
        ),
    );

    // An 85 KB tangle of include cycles: 40 files each including all others.
    for i in 0..40 {
        let includes: String = (0..40)
            .filter(|&j| j != i)
            .map(|j| format!("include \"f{j}.cx\"\n"))
            .collect();
        write(dir, &format!("cycles/f{i}.cx"), &includes);
    }
    row(
        "40 files that all include each other",
        run(&dir.join("cycles"), &["check"]),
    );

    // `cxc staff --format json` on a million forecast rows: memory.
    write(
        dir,
        "million/spec.cx",
        "team t {}\nchannel phone { kind phone; owner t }\nsegment s { channels phone }\n\
         sla x for s { answer phone 80% within 20s }\n\
         queue q { channel phone; segments s; agents 30; aht 3m; forecast file \"f.csv\" per 30m }\n",
    );
    let mut csv = String::from("start,volume\n");
    for i in 0..1_000_000 {
        csv.push_str(&format!("{},{}\n", hostile::half_hour(i), 100 + i % 500));
    }
    write(dir, "million/f.csv", &csv);
    row(
        "cxc staff --format json, 1,000,000 forecast rows",
        run(&dir.join("million"), &["staff", "--format", "json"]),
    );

    // A reporting line 2,000 deep.
    let mut chain = String::from("team t {}\nrole r0 { team t; duty \"d\" }\n");
    for i in 1..2_000 {
        chain.push_str(&format!(
            "role r{i} {{ team t; reports_to r{}; duty \"d\" }}\n",
            i - 1
        ));
    }
    write(dir, "chain/a.cx", &chain);
    row(
        "build, a reporting line 2,000 deep",
        run(&dir.join("chain"), &["build", "-o", "../chain-out"]),
    );

    // Build against check: N journeys of 10 steps, then one long journey.
    println!();
    println!(
        "{:<28} {:>10} {:>10} {:>12} {:>12}",
        "spec", "check s", "build s", "build/check", "build MB"
    );
    for (journeys, steps) in [
        (100, 10),
        (200, 10),
        (400, 10),
        (1, 100_000),
        (1, 1_000_000),
    ] {
        let name = format!("b{journeys}x{steps}");
        write(
            dir,
            &format!("{name}/a.cx"),
            &journeys_spec(journeys, steps),
        );
        // A million steps is more than the default 64 MB a spec file may have.
        write(
            dir,
            &format!("{name}/cxc.yaml"),
            "limits:\n  file_size: 1GB\n",
        );
        let check = run(&dir.join(&name), &["check"]).time;
        let out = format!("../{name}-out");
        let build = run(&dir.join(&name), &["build", "-o", &out]);
        assert_eq!(build.code, 0, "{name} builds");
        println!(
            "{:<28} {:>10.3} {:>10.3} {:>11.1}x {:>12.0}",
            format!("{journeys} journeys × {steps} steps"),
            check.as_secs_f64(),
            build.time.as_secs_f64(),
            build.time.as_secs_f64() / check.as_secs_f64(),
            build.rss_mb
        );
        let _ = std::fs::remove_dir_all(dir.join(format!("{name}-out")));
    }
}
