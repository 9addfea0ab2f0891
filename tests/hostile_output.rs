//! What cxc prints, against the hardening issue's second round: a flood of
//! findings is capped and streamed, no untrusted text reaches GitHub's
//! workflow-command parser, and bidi controls reach no terminal or
//! document.

mod common;

use common::{cxc_in, files_under, json, stdout, TODAY};
use std::path::Path;
use std::process::Output;

fn both(output: &Output) -> String {
    format!(
        "{}{}",
        stdout(output),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `cxc measure spec --contacts contacts.csv --format FORMAT`, then `more`.
fn measure(dir: &Path, format: &str, more: &[&str]) -> Output {
    let mut args = vec![
        "measure",
        "spec",
        "--contacts",
        "contacts.csv",
        "--format",
        format,
    ];
    args.extend_from_slice(more);
    cxc_in(dir, &args)
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, content) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
}

// ---------------------------------------------------------------- a flood

/// `copies` times `team t {}`: one duplicate-definition error each after the first.
fn flood(dir: &Path, copies: usize) {
    write(dir, &[("spec/a.cx", &"team t {}\n".repeat(copies))]);
}

/// The findings of one run, counted in its own format.
fn count(format: &str, output: &Output) -> usize {
    let text = stdout(output);
    match format {
        "human" => text.matches("duplicate-definition\n").count(),
        "json" => json(output)["diagnostics"].as_array().unwrap().len(),
        "sarif" => json(output)["runs"][0]["results"].as_array().unwrap().len(),
        "github" => text.lines().count(),
        _ => unreachable!(),
    }
}

#[test]
fn a_flood_of_one_finding_is_capped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    flood(dir.path(), 100_000);
    for format in ["human", "json", "sarif", "github"] {
        let output = cxc_in(dir.path(), &["check", "spec", "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert_eq!(count(format, &output), 101, "{format}");
        assert!(
            stdout(&output)
                .contains("and 99,899 more `duplicate-definition` findings in this file"),
            "{format}"
        );
    }
    // The summary counts once.
    let output = cxc_in(dir.path(), &["check", "spec", "--format", "json"]);
    assert_eq!(json(&output)["summary"]["errors"], 101);
    let human = cxc_in(dir.path(), &["check", "spec"]);
    assert!(stdout(&human).ends_with("101 errors, 0 warnings\n"));
    // Russian groups thousands its own way.
    let ru = cxc_in(dir.path(), &["check", "spec", "--lang", "ru"]);
    assert!(
        stdout(&ru).contains("и ещё 99\u{a0}899 замечаний `duplicate-definition` в этом файле"),
        "{}",
        stdout(&ru)
    );
}

/// A name of 2 MB (the audit's 60 MB one, smaller) is quoted in part in
/// every message of every format: the output is that of a short name plus
/// a little, not a copy of the name per finding.
#[test]
fn a_huge_name_is_quoted_in_part_in_every_format() {
    let huge = "a".repeat(2_000_000);
    for format in ["human", "json", "sarif", "github"] {
        let run = |name: &str| {
            let dir = tempfile::tempdir().unwrap();
            write(
                dir.path(),
                &[("spec/a.cx", &format!("segment {name} {{}}\n"))],
            );
            both(&cxc_in(dir.path(), &["check", "spec", "--format", format]))
        };
        let (big, small) = (run(&huge), run("a"));
        assert!(
            big.len() < small.len() + (16 << 10),
            "{format}: {} bytes, {} for a short name",
            big.len(),
            small.len()
        );
        // People's text may wrap a long word; the machines' keeps it whole.
        let quoted = match format {
            "human" => "a…".to_string(),
            _ => format!("{}…", &huge[..120]),
        };
        assert!(big.contains(&quoted), "{format}: {big}");
    }
}

#[test]
fn a_flag_raises_the_cap_and_the_spec_may_only_lower_it() {
    let dir = tempfile::tempdir().unwrap();
    flood(dir.path(), 2_000);
    let run = |args: &[&str]| {
        let mut all = vec!["check", "spec", "--format", "json"];
        all.extend_from_slice(args);
        count("json", &cxc_in(dir.path(), &all))
    };
    assert_eq!(run(&[]), 101);
    assert_eq!(run(&["--max-findings", "1000"]), 1001);
    assert_eq!(run(&["--max-findings", "5000"]), 1999, "nothing left out");
    assert_eq!(run(&["--max-findings", "3"]), 4);
    let bad = cxc_in(dir.path(), &["check", "spec", "--max-findings", "0"]);
    assert_eq!(bad.status.code(), Some(2), "{}", both(&bad));

    write(
        dir.path(),
        &[("spec/cxc.yaml", "limits:\n  findings_per_code: 5\n")],
    );
    assert_eq!(run(&[]), 6);
    assert_eq!(
        run(&["--max-findings", "1000"]),
        6,
        "the spec lowers the flag"
    );
    write(
        dir.path(),
        &[("spec/cxc.yaml", "limits:\n  findings_per_code: 500\n")],
    );
    assert_eq!(run(&[]), 101, "the spec cannot raise the default");
    assert_eq!(run(&["--max-findings", "1000"]), 501);
    write(
        dir.path(),
        &[("spec/cxc.yaml", "limits:\n  findings_per_code: 0\n")],
    );
    let output = cxc_in(dir.path(), &["check", "spec"]);
    assert!(
        both(&output).contains("`findings_per_code` must be a whole number from 1"),
        "{}",
        both(&output)
    );
}

#[test]
fn warnings_left_out_count_once_under_deny() {
    let dir = tempfile::tempdir().unwrap();
    // 300 calendars nobody uses: an `unused` warning each.
    let spec: String = (0..300)
        .map(|i| format!("calendar k{i} {{ open mon-fri 09:00-17:00 }}\n"))
        .collect();
    write(dir.path(), &[("spec/a.cx", &spec)]);
    let output = cxc_in(dir.path(), &["check", "spec", "--format", "json"]);
    let report = json(&output);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(report["summary"]["warnings"], 101, "{report}");
    let last = report["diagnostics"].as_array().unwrap().last().unwrap();
    assert_eq!(last["severity"], "warning");
    assert_eq!(
        last["message"],
        "and 200 more `unused` findings in this file"
    );
    let denied = cxc_in(dir.path(), &["check", "spec", "--deny", "warnings"]);
    assert_eq!(denied.status.code(), Some(1));
}

/// A spec with `n` segments, each with its own SLA that the export misses.
fn missed_targets(dir: &Path, n: usize) {
    let mut spec = String::from(
        "service \"S\" { language en; review every 6 months; reviewed 2026-11-01 }\n\
         team t {}\nchannel phone { kind phone; owner t }\n",
    );
    let mut csv = String::from("id,segment,channel,created,answered\n");
    for i in 0..n {
        spec.push_str(&format!(
            "segment g{i} {{ channels phone }}\nsla s{i} for g{i} {{ answer phone 80% within 20s }}\n"
        ));
        csv.push_str(&format!(
            "{i},g{i},phone,2026-11-02T10:00:00Z,2026-11-02T10:05:00Z\n"
        ));
    }
    write(dir, &[("spec/a.cx", &spec), ("contacts.csv", &csv)]);
}

#[test]
fn measure_caps_its_findings_too() {
    let dir = tempfile::tempdir().unwrap();
    missed_targets(dir.path(), 12);
    let run = |args: &[&str]| {
        let output = measure(dir.path(), "json", args);
        assert_ne!(output.status.code(), Some(2), "{}", both(&output));
        json(&output)
    };
    let all = run(&[]);
    let missed = |report: &serde_json::Value| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "target-missed")
            .count()
    };
    assert_eq!(missed(&all), 12, "{all}");
    let capped = run(&["--max-findings", "5"]);
    assert_eq!(missed(&capped), 6);
    assert!(capped
        .to_string()
        .contains("and 7 more `target-missed` findings"));
    // Bad rows are one finding per kind and file, however many there are.
    let mut csv = String::from("id,segment,channel,created,answered\n");
    for i in 0..5_000 {
        csv.push_str(&format!("{i},nobody{i},phone,not a time,\n"));
    }
    write(dir.path(), &[("contacts.csv", &csv)]);
    let bad = run(&[]);
    let kinds = bad["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "bad-data")
        .count();
    assert!((1..=3).contains(&kinds), "{bad}");
}

// ------------------------------------------------ GitHub workflow commands

/// GitHub's runner, as actions/runner's `ActionCommand` parses a step's
/// output: lines end at `\n` or `\r`; `::name ...::data` after leading white
/// space (.NET's `TrimStart`, the same set as Rust's), or `##[name ...]data`
/// anywhere. Each command found, with its data.
fn commands(log: &str) -> Vec<(String, String)> {
    log.split(['\n', '\r'])
        .filter_map(|line| {
            if let Some(rest) = line.trim_start().strip_prefix("::") {
                if let Some(end) = rest.find("::") {
                    let name = rest[..end].split(' ').next().unwrap().to_string();
                    return Some((name, rest[end + 2..].to_string()));
                }
            }
            let at = line.find("##[")?;
            let end = at + line[at..].find(']')?;
            let name = line[at + 3..end].split(' ').next().unwrap().to_string();
            Some((name, line[end + 1..].to_string()))
        })
        .collect()
}

/// The runner's unescaping of a command's data.
fn unescape_data(data: &str) -> String {
    data.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

/// Spec text that GitHub would run: a `::` line (after spaces) and a `##[`.
const SERVICE: &str = "service \"\"\"Care\n::error file=a.cx,line=1::forged\n  ::add-mask::x\nsay ##[stop-commands]tok\"\"\" { language en }\n";

/// A contacts export whose unknown segment says the same.
const CONTACTS: &str = "id,segment,channel,created,answered\n\
    1,\"gold\n::error file=a.cx::forged\n ##[stop-commands]tok\",phone,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z\n";

fn hostile(dir: &Path) {
    write(
        dir,
        &[
            (
                "spec/a.cx",
                &format!(
                    "{SERVICE}team   t {{}}\nchannel phone {{ kind phone; owner t }}\n\
                     segment all {{ channels phone }}\n\
                     sla s for all {{ answer phone 80% within 20s }}\n\
                     role r {{ team t; duty \"d\" }}\n\
                     journey j {{ segments all; start a\n  \
                     step a \"Step ##[stop-commands]x\" {{ owner r; channel phone; end \"done\" }}\n}}\n"
                ),
            ),
            ("contacts.csv", CONTACTS),
        ],
    );
}

#[test]
fn no_untrusted_text_reaches_the_runner_as_a_command() {
    let dir = tempfile::tempdir().unwrap();
    hostile(dir.path());
    let measure = |format: &str| measure(dir.path(), format, &[]);
    let runs = [
        ("check human", cxc_in(dir.path(), &["check", "spec"])),
        (
            "check json",
            cxc_in(dir.path(), &["check", "spec", "--format", "json"]),
        ),
        ("measure human", measure("human")),
        ("measure json", measure("json")),
        ("measure sarif", measure("sarif")),
        (
            "graph dot",
            cxc_in(dir.path(), &["graph", "j", "spec", "--format", "dot"]),
        ),
        (
            "fmt --check",
            cxc_in(dir.path(), &["fmt", "--check", "spec"]),
        ),
    ];
    for (what, output) in &runs {
        let log = both(output);
        assert!(
            log.contains("stop-commands") || what.starts_with("check"),
            "{what} shows the text:\n{log}"
        );
        assert_eq!(commands(&log), Vec::new(), "{what}:\n{log}");
    }
    // The spec text is still there to read, only inert.
    let check = stdout(&runs[0].1);
    assert!(
        check.contains("say ##\u{200B}[stop-commands]tok"),
        "{check}"
    );
    // JSON keeps the value: `##\u005b` reads back as `##[`.
    let measured = json(&runs[3].1).to_string();
    assert!(measured.contains("##[stop-commands]tok"), "{measured}");
}

#[test]
fn github_annotations_still_work_and_their_messages_hold_no_command() {
    let dir = tempfile::tempdir().unwrap();
    hostile(dir.path());
    let github = measure(dir.path(), "github", &[]);
    let findings = json(&measure(dir.path(), "json", &[]));
    let findings = findings["diagnostics"].as_array().unwrap();
    let log = stdout(&github);
    let found = commands(&log);
    // One annotation per finding, and nothing else.
    assert_eq!(found.len(), findings.len(), "{log}");
    for ((name, data), finding) in found.iter().zip(findings) {
        assert_eq!(name, finding["severity"].as_str().unwrap());
        let message = unescape_data(data);
        // The same words as the JSON finding, apart from the zero-width
        // space that breaks each `##[` in the annotation (JSON keeps `##[`).
        let first_line = finding["message"].as_str().unwrap().lines().next().unwrap();
        assert!(
            message.replace('\u{200B}', "").starts_with(first_line),
            "{message}\n{first_line}"
        );
        assert_eq!(commands(&message), Vec::new(), "{message}");
    }
    assert!(found.iter().any(|(_, d)| d.contains("stop-commands")));
}

#[test]
fn a_format_diff_runs_nothing_and_still_applies() {
    let dir = tempfile::tempdir().unwrap();
    let colons = "team   t {}\nrole r { team t; duty \"\"\"\n  ::error::forged\n\"\"\" }\n";
    let ordinary = "team   u {}\nrole q { team u; duty \"d\" }\n";
    write(dir.path(), &[("b.cx", colons), ("c.cx", ordinary)]);
    let output = cxc_in(dir.path(), &["fmt", "--check", "b.cx", "c.cx"]);
    assert_eq!(output.status.code(), Some(1));
    let diff = stdout(&output);
    assert_eq!(commands(&diff), Vec::new(), "{diff}");
    assert!(
        diff.contains("-  ::error::forged\n+  ::error::forged\n"),
        "{diff}"
    );
    std::fs::write(dir.path().join("fix.diff"), &diff).unwrap();
    let applied = std::process::Command::new("git")
        .args(["apply", "fix.diff"])
        .current_dir(dir.path())
        .output()
        .expect("git runs");
    assert!(applied.status.success(), "{}", both(&applied));
    let check = cxc_in(dir.path(), &["fmt", "--check", "b.cx", "c.cx"]);
    assert_eq!(check.status.code(), Some(0), "{}", both(&check));
    assert!(std::fs::read_to_string(dir.path().join("b.cx"))
        .unwrap()
        .contains("\n  ::error::forged\n"));
}

// ------------------------------------------------------------------- bidi

const BIDI: [char; 12] = [
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
];

fn has_bidi(text: &str) -> bool {
    text.chars().any(|c| BIDI.contains(&c))
}

/// Every bidi control inside `word`.
fn reversed(word: &str) -> String {
    let controls: String = BIDI.iter().collect();
    format!("{word}{controls}{word}")
}

#[test]
fn bidi_controls_reach_no_terminal_and_no_document() {
    let dir = tempfile::tempdir().unwrap();
    let name = reversed("care");
    let spec = format!(
        "service \"{name}\" {{ language en; review every 6 months; reviewed 2026-11-01 }}\n\
         team t \"{name}\" {{}}\nrole r \"{name}\" {{ team t; duty \"{name}\" }}\n\
         channel phone {{ kind phone; owner t }}\nsegment all {{ channels phone }}\n\
         sla s for all {{ answer phone 80% within 20s }}\n\
         journey j \"{name}\" {{ segments all; start a\n  \
         step a \"{name}\" {{ owner r; channel phone; end \"{name}\" }}\n}}\n\
         channel spare \"{name}\" {{ kind email; owner t }}\n"
    );
    let csv = format!(
        "id,segment,channel,created,answered\n1,{},phone,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z\n",
        reversed("gold")
    );
    write(dir.path(), &[("spec/a.cx", &spec), ("contacts.csv", &csv)]);
    let measure = |format: &str| measure(dir.path(), format, &["-o", "report"]);
    let terminal = [
        ("check", cxc_in(dir.path(), &["check", "spec"])),
        ("measure json", measure("json")),
        ("graph", cxc_in(dir.path(), &["graph", "j", "spec"])),
        (
            "graph dot",
            cxc_in(dir.path(), &["graph", "j", "spec", "--format", "dot"]),
        ),
        ("measure", measure("human")),
        ("measure github", measure("github")),
        ("measure sarif", measure("sarif")),
    ];
    for (what, output) in &terminal {
        let text = both(output);
        assert!(!has_bidi(&text), "{what}:\n{text}");
    }
    // A quoted line keeps its width; a message shows the escape.
    assert!(
        stdout(&terminal[0].1).contains("care\u{FFFD}"),
        "{}",
        stdout(&terminal[0].1)
    );
    assert!(
        stdout(&terminal[4].1).contains("gold\\u{202a}"),
        "{}",
        stdout(&terminal[4].1)
    );
    // JSON shows the same escapes as the terminal: a value quoted from an
    // export is escaped where the message quotes it, so no format gets the
    // controls themselves.
    let measured = json(&terminal[1].1)["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(measured.contains("gold\\u{202a}"), "{measured}");

    let build = cxc_in(
        dir.path(),
        &["build", "spec", "-o", "out", "--today", TODAY],
    );
    assert_eq!(build.status.code(), Some(0), "{}", both(&build));
    let mut formats = std::collections::BTreeSet::new();
    for file in files_under(&dir.path().join("out"))
        .into_iter()
        .chain(files_under(&dir.path().join("report")))
    {
        let Some(ext) = file.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if ext == "docx" {
            continue; // compressed; src/generate/docx.rs tests its text
        }
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!has_bidi(&text), "{}:\n{text}", file.display());
        formats.insert(ext.to_string());
        if ext == "json" && text.contains("\\u202e") {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert!(value.to_string().contains('\u{202e}'), "{}", file.display());
        }
    }
    for ext in ["md", "html", "bpmn", "json", "yaml"] {
        assert!(formats.contains(ext), "no .{ext} file was looked at");
    }
    let model = std::fs::read_to_string(dir.path().join("out/model.json")).unwrap();
    assert!(model.contains("care\\u202a"), "{model}");
    let html = std::fs::read_to_string(dir.path().join("out/site/journeys/j.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("carecare"), "{html}");
}
