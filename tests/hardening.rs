//! The hardening issue's reproducers, each exactly as reported: a spec from
//! an untrusted pull request must not leak the CI's secrets, reach the
//! terminal, inject into a document or export, crash cxc or hang it.
//!
//! Every cxc run here has a watchdog: a run that does not finish within a
//! minute is killed and the test fails as a hang (the inputs are small; a
//! correct cxc answers each in a fraction of a second).

mod common;

use common::{files_under, TODAY};
use std::path::Path;
use std::process::Output;

/// A secret the CI would hold: set in cxc's environment and written to a
/// file beside (outside) the spec's folder.
const SECRET: &str = "s3cret-token-4242";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::cxc_watched(dir, args, &[("CXC_TEST_SECRET", SECRET)])
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A work folder with `spec/` holding `files`, and a secret outside it.
fn work(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("spec")).unwrap();
    std::fs::write(
        dir.path().join("secret.txt"),
        format!("root:{SECRET}:0:0\n"),
    )
    .unwrap();
    for (name, content) in files {
        let path = dir.path().join("spec").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];

fn assert_no_secret(dir: &Path, args: &[&str]) -> Output {
    let output = run(dir, args);
    let all = text(&output);
    assert!(!all.contains(SECRET), "{args:?} leaks:\n{all}");
    assert!(!all.contains("root:"), "{args:?} quotes the file:\n{all}");
    output
}

#[test]
fn an_include_of_the_process_environment_is_refused_in_every_format() {
    let dir = work(&[("main.cx", "include \"/proc/self/environ\"\nteam t {}\n")]);
    for format in FORMATS {
        let output = assert_no_secret(dir.path(), &["check", "spec", "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(text(&output).contains("include-cycle"), "{format}");
    }
    let output = run(dir.path(), &["check", "spec"]);
    assert!(
        text(&output).contains("outside the spec's folder"),
        "{}",
        text(&output)
    );
}

#[test]
fn an_include_through_a_link_or_up_the_tree_is_refused() {
    let dir = work(&[(
        "main.cx",
        "include \"../secret.txt\"\ninclude \"link.cx\"\nteam t {}\n",
    )]);
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("spec/link.cx"),
    )
    .unwrap();
    for format in FORMATS {
        assert_no_secret(dir.path(), &["check", "spec/main.cx", "--format", format]);
    }
    // A .cx file found in the folder that links outside is refused too.
    let output = assert_no_secret(dir.path(), &["check", "spec"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
}

#[test]
fn a_forecast_up_the_tree_is_refused_without_quoting_it() {
    let spec = "team support {}\nchannel phone { kind phone; owner support }\n\
                segment retail { channels phone }\nsla s for retail { answer phone 80% within 20s }\n\
                queue q { channel phone; segments retail; agents 3\n  forecast file \"../../../../../../../../secret.txt\" per 30m; aht 3m }\n";
    let dir = work(&[("main.cx", spec)]);
    for format in FORMATS {
        let output = assert_no_secret(dir.path(), &["check", "spec", "--format", format]);
        assert!(text(&output).contains("invalid-forecast"), "{format}");
    }
    assert_no_secret(dir.path(), &["staff", "spec"]);
}

#[test]
fn a_cxc_yaml_linking_outside_is_refused() {
    let dir = work(&[("main.cx", "team t {}\n")]);
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("spec/cxc.yaml"),
    )
    .unwrap();
    let output = assert_no_secret(dir.path(), &["check", "spec"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
}

#[test]
fn devices_and_pipes_are_refused_at_once() {
    let dir = work(&[]);
    let output = run(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("not a regular file"),
        "{}",
        text(&output)
    );
    let fifo = dir.path().join("spec/fifo.cx");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let output = run(dir.path(), &["check", "spec/fifo.cx"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("named pipe"), "{}", text(&output));
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = work(&[
        ("cxc.yaml", "limits:\n  file_size: 1KB\n"),
        ("main.cx", &format!("team t {{}}\n#{}\n", "x".repeat(2000))),
    ]);
    let output = run(dir.path(), &["check", "spec"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("limited to 1 KB"),
        "{}",
        text(&output)
    );
}

#[test]
fn terminal_controls_never_reach_the_terminal() {
    let escapes = "\x1b]0;pwned\x07\x1b[2J";
    let spec = format!("include \"{escapes}\"\nteam t \"{escapes}\" {{}}\nrole r {{ team t }}\n");
    let dir = work(&[("main.cx", &spec)]);
    for args in [
        vec!["check", "spec"],
        vec!["check", "spec", "--format", "github"],
        vec!["explain", escapes],
        vec!["graph", escapes, "spec"],
        vec!["check", escapes],
    ] {
        let output = run(dir.path(), &args);
        assert!(
            !output.stdout.contains(&0x1b) && !output.stderr.contains(&0x1b),
            "{args:?} writes ESC:\n{}",
            text(&output)
        );
        assert!(!output.stdout.contains(&0x07) && !output.stderr.contains(&0x07));
    }
    let shown = text(&run(dir.path(), &["check", "spec"]));
    assert!(
        shown.contains("\\u{1b}"),
        "controls are shown as escapes:\n{shown}"
    );
}

const HOSTILE: &str = r#"
service "S" { language en }
team t "Team" { lead boss }
role boss "Boss" { team t; duty """Plan
# Heading
<script>alert(1)</script>""" }
channel phone "Phone %%{init: {'theme':'dark'}}%%" { kind phone; owner t }
segment all "All" { channels phone }
sla s "S" for all { answer phone 80% within 20s }
journey j "J" {
  start a
  step a "A" { owner t; channel phone; next b when "<img src=x onerror=alert(1)>" }
  step b "B %%{init: {'securityLevel':'loose'}}%%" { owner boss; channel phone; end "[x](javascript:alert(1))" }
}
"#;

#[test]
fn markdown_and_mermaid_carry_spec_strings_as_text() {
    let dir = work(&[("main.cx", HOSTILE)]);
    let output = run(
        dir.path(),
        &["build", "spec", "-o", "out", "--today", TODAY],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let out = dir.path().join("out");
    for file in files_under(&out) {
        let name = file.display().to_string();
        if !name.ends_with(".md") {
            continue;
        }
        let md = std::fs::read_to_string(&file).unwrap();
        // Read as a CommonMark renderer reads it: no HTML, no link but
        // cxc's own, no heading made of spec text.
        use pulldown_cmark::{Event, Options, Parser, Tag};
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => panic!("{name}: raw HTML {h}"),
                Event::Start(Tag::Link { dest_url, .. }) => assert!(
                    !dest_url.contains(':') && !dest_url.starts_with('/'),
                    "{name}: link to {dest_url}"
                ),
                Event::Start(Tag::Image { .. }) => panic!("{name}: an image"),
                _ => {}
            }
        }
        assert!(
            !md.lines().any(|l| l.trim_start().starts_with("# Heading")),
            "{name}:\n{md}"
        );
        // A Mermaid directive is only one inside the diagram's block.
        let diagram = md.split("```mermaid").nth(1).unwrap_or_default();
        let diagram = diagram.split("```").next().unwrap_or_default();
        assert!(
            !diagram.contains("%%") && !diagram.contains('{'),
            "{name}:\n{diagram}"
        );
    }
    // Rendered by a CommonMark renderer, the journey map has no link and no tag.
    let journey = std::fs::read_to_string(out.join("journeys/j.md")).unwrap();
    assert!(
        journey.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{journey}"
    );
}

#[test]
fn routing_yaml_is_valid_yaml_whatever_the_spec_says() {
    let spec = "team t {}\nchannel phone \"Ph\u{7f}one\u{85}\" { kind phone; owner t }\n\
                segment all \"A\u{7f}\" { channels phone }\nsla s for all { answer phone 80% within 20s }\n\
                queue q \"Q\u{7f}\" { channel phone; segments all }\n";
    let dir = work(&[("main.cx", spec)]);
    let output = run(
        dir.path(),
        &["build", "spec", "-o", "out", "--target", "docs"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let yaml = std::fs::read_to_string(dir.path().join("out/routing/routing.yaml")).unwrap();
    assert!(!yaml.contains('\u{7f}'), "{yaml}");
    let value: serde_json::Value = serde_yaml::from_str(&yaml).expect("a YAML parser reads it");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("out/routing/routing.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(value, json, "the YAML says exactly what the JSON says");
}

#[test]
fn config_values_that_become_expressions_are_checked_and_names_do_not_collide() {
    let spec = "team t {}\nchannel phone { kind phone; owner t }\n\
                segment vip-1 { tier 1; channels phone }\nsegment vip_1 { tier 2; channels phone }\n\
                sla s for vip-1, vip_1 { answer phone 80% within 20s }\n\
                queue gold { channel phone; segments vip-1 }\nqueue silver { channel phone; segments vip_1 }\n";
    let dir = work(&[
        ("main.cx", spec),
        (
            "cxc.yaml",
            "exports:\n  taskrouter:\n    segment_attribute: \"1 == 1 OR task.x\"\n",
        ),
    ]);
    let output = run(dir.path(), &["check", "spec", "--format", "json"]);
    assert!(
        text(&output).contains("is not a task attribute name"),
        "{}",
        text(&output)
    );
    std::fs::write(dir.path().join("spec/cxc.yaml"), "").unwrap();
    let output = run(dir.path(), &["build", "spec", "-o", "out"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let all = text(&output);
    assert!(
        all.contains("export-conflict") && all.contains("`vip_1`"),
        "{all}"
    );
    assert!(
        !dir.path().join("out/index.md").exists(),
        "nothing was written"
    );
    // Told apart in cxc.yaml, both export.
    std::fs::write(
        dir.path().join("spec/cxc.yaml"),
        "exports:\n  segments:\n    vip-1: vip_gold\n",
    )
    .unwrap();
    let output = run(dir.path(), &["build", "spec", "-o", "out"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let workflow =
        std::fs::read_to_string(dir.path().join("out/routing/taskrouter-workflow.json")).unwrap();
    assert!(
        workflow.contains("'vip_gold'") && workflow.contains("'vip_1'"),
        "{workflow}"
    );
}

#[test]
fn a_three_byte_config_is_a_diagnostic_not_a_panic() {
    let dir = work(&[("main.cx", "team t {}\n"), ("cxc.yaml", "'é")]);
    for format in ["human", "json"] {
        let output = run(dir.path(), &["check", "spec", "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{}", text(&output));
        assert!(
            text(&output).contains("not valid YAML"),
            "{}",
            text(&output)
        );
    }
    let output = run(dir.path(), &["check", "spec", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // Columns count characters: the error is after `'é`, column 3.
    assert_eq!(report["diagnostics"][0]["column"], 3, "{report}");
}

#[test]
fn small_hostile_inputs_cost_no_time_worth_measuring() {
    // Each of these took seconds to minutes before; the watchdog in `run`
    // turns any return of that into a failure. (Timings are in the
    // benchmarks, not here.)
    let long_name = "x".repeat(20_000);
    let dir = work(&[
        ("main.cx", &format!("team t {{}}\nrole r {{ team {long_name}y; duty \"d\" }}\nrole q {{ team {long_name}; duty \"d\" }}\n")),
        ("cxc.yaml", &format!("rules: {}{}\n", "[".repeat(50_000), "]".repeat(50_000))),
    ]);
    let output = run(dir.path(), &["check", "spec"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    // 50,000 findings on one line.
    let line = "role r{i} { team nowhere; duty \"d\" } ";
    let one_line: String = (0..50_000)
        .map(|i| line.replace("{i}", &i.to_string()))
        .collect();
    let dir = work(&[("main.cx", &format!("{one_line}\n"))]);
    let output = run(dir.path(), &["check", "spec", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn include_cycles_are_reported_once_per_circle() {
    // 40 files that each include all the others: 1,560 include edges, one circle.
    let files: Vec<(String, String)> = (0..40)
        .map(|i| {
            let includes: String = (0..40)
                .filter(|&j| j != i)
                .map(|j| format!("include \"f{j}.cx\"\n"))
                .collect();
            (format!("f{i}.cx"), includes)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dir = work(&refs);
    let output = run(dir.path(), &["check", "spec", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let cycles = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "include-cycle")
        .count();
    assert_eq!(cycles, 1, "{report}");
    assert!(
        output.stdout.len() < 10_000,
        "{} bytes",
        output.stdout.len()
    );
}

#[test]
fn a_role_with_a_hundred_chinese_characters_builds() {
    let name = "客".repeat(100);
    let spec = format!("team t {{}}\nrole {name} {{ team t; duty \"d\" }}\nrole {name}x {{ team t; duty \"d\" }}\n");
    let dir = work(&[("main.cx", &spec)]);
    let output = run(
        dir.path(),
        &["build", "spec", "-o", "out", "--target", "docs"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let hr: Vec<_> = std::fs::read_dir(dir.path().join("out/hr"))
        .unwrap()
        .collect();
    assert_eq!(hr.len(), 4, "a .md and a .docx per role");
    for entry in hr {
        assert!(entry.unwrap().file_name().len() <= 255);
    }
}

#[test]
fn runaway_user_templates_stop_with_an_error() {
    let dir = work(&[("main.cx", "team t {}\nrole r { team t; duty \"d\" }\n")]);
    let templates = dir.path().join("tpl/en");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("index.md"),
        "{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}",
    )
    .unwrap();
    let output = run(dir.path(), &common::BUILD_WITH_TEMPLATES);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("writes more than"),
        "{}",
        text(&output)
    );
    assert!(!dir.path().join("out/index.md").exists());
    // One fuel budget for the build: nine roles, each a template that alone
    // stays under the limit, together exceed it.
    let roles: String = (0..9)
        .map(|i| format!("role r{i} {{ team t; duty \"d\" }}\n"))
        .collect();
    std::fs::write(
        dir.path().join("spec/main.cx"),
        format!("team t {{}}\n{roles}"),
    )
    .unwrap();
    std::fs::remove_file(templates.join("index.md")).unwrap();
    std::fs::create_dir_all(templates.join("hr")).unwrap();
    std::fs::write(
        templates.join("hr/role.md"),
        "{% for i in range(30000) %}{% for j in range(100) %}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let output = run(dir.path(), &common::BUILD_WITH_TEMPLATES);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("fuel"), "{}", text(&output));
}

#[test]
fn template_folders_must_exist_and_links_inside_are_refused() {
    let dir = work(&[("main.cx", "team t {}\n")]);
    let output = run(
        dir.path(),
        &[
            "build",
            "spec",
            "-o",
            "out",
            "--templates",
            "/nonexistent",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("--templates"), "{}", text(&output));
    std::fs::create_dir_all(dir.path().join("elsewhere/en")).unwrap();
    std::fs::write(dir.path().join("elsewhere/en/index.md"), "stolen").unwrap();
    std::fs::create_dir_all(dir.path().join("tpl")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere/en"), dir.path().join("tpl/en")).unwrap();
    let output = run(dir.path(), &common::BUILD_WITH_TEMPLATES);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("symbolic link"), "{}", text(&output));
}

#[test]
fn a_folder_without_specs_is_an_error() {
    let dir = work(&[("notes.txt", "no specs here")]);
    for command in ["check", "build"] {
        let mut args = vec![command, "spec"];
        if command == "build" {
            args.extend(["-o", "out"]);
        }
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(text(&output).contains("no .cx files"), "{}", text(&output));
    }
    assert!(!dir.path().join("out").exists());
}

/// Runs cxc in Russian (the locale), for the Russian text of an error.
fn run_ru(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--lang", "ru"];
    all.extend_from_slice(args);
    run(dir, &all)
}

/// A checkout (`repo`, the working folder) whose `standards` is a link to
/// the folder above it, which holds the runner's secret; a spec in the
/// checkout includes it. The attack of issue 23, as a pull request commits
/// it: `cxc check standards` took the link's target as the spec's folder.
fn linked_root() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let above = dir.path();
    std::fs::write(above.join("runner-secret.env"), format!("root:{SECRET}\n")).unwrap();
    std::fs::create_dir_all(above.join("repo/evil")).unwrap();
    std::fs::write(
        above.join("repo/evil/spec.cx"),
        "include \"../../runner-secret.env\"\nteam t {}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("..", above.join("repo/standards")).unwrap();
    dir
}

#[test]
fn a_spec_root_that_is_a_link_out_of_the_working_folder_is_refused() {
    let dir = linked_root();
    let repo = dir.path().join("repo");
    let cases: &[&[&str]] = &[
        &["check", "standards"],
        &["check", "standards/runner-secret.env"],
        &["check", "./standards/../standards"],
        &["check", "standards", "--format", "sarif"],
        &["check", "--watch", "standards"],
        &["staff", "standards"],
        &["graph", "j", "standards"],
        &["fmt", "standards"],
        &["fmt", "--check", "standards"],
        &["build", "standards", "-o", "out"],
        &["measure", "standards", "--contacts", "c.csv"],
    ];
    for args in cases {
        let output = assert_no_secret(&repo, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", text(&output));
        assert!(
            text(&output).contains("symbolic link `standards`"),
            "{args:?}: {}",
            text(&output)
        );
    }
    let output = run_ru(&repo, &["check", "standards"]);
    assert!(
        text(&output).contains("символическую ссылку `standards`"),
        "{}",
        text(&output)
    );
    // Through the link and back into the working folder is inside it: the
    // spec's folder is `evil`, and the include is refused from there.
    let output = assert_no_secret(&repo, &["check", "standards/repo/evil/spec.cx"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        text(&output).contains("outside the spec's folder"),
        "{}",
        text(&output)
    );
    // Nothing was written through the link.
    assert!(!repo.join("out").exists());
    assert_eq!(
        std::fs::read_to_string(repo.join("evil/spec.cx")).unwrap(),
        "include \"../../runner-secret.env\"\nteam t {}\n"
    );
}

#[test]
fn options_naming_a_link_out_of_the_working_folder_are_refused() {
    let dir = linked_root();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("spec")).unwrap();
    std::fs::write(repo.join("spec/main.cx"), "team t {}\n").unwrap();
    std::fs::create_dir_all(dir.path().join("tpl/en")).unwrap();
    std::os::unix::fs::symlink("../secret-config.yaml", repo.join("cxc.yaml")).unwrap();
    std::fs::write(
        dir.path().join("secret-config.yaml"),
        format!("{SECRET}: 1\n"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../tpl", repo.join("tpl")).unwrap();
    std::os::unix::fs::symlink("..", repo.join("out")).unwrap();
    for (args, what) in [
        (vec!["check", "spec", "--config", "cxc.yaml"], "`cxc.yaml`"),
        (
            vec!["check", "spec", "--config", "standards/cxc.yaml"],
            "`standards`",
        ),
        (
            vec![
                "build",
                "spec",
                "-o",
                "o2",
                "--templates",
                "tpl",
                "--format",
                "json",
            ],
            "`tpl`",
        ),
        (vec!["build", "spec", "-o", "out"], "`out`"),
        (vec!["build", "spec", "-o", "out/docs"], "`out`"),
        (
            vec!["measure", "spec", "--contacts", "c.csv", "-o", "out"],
            "`out`",
        ),
        (vec!["init", "standards"], "`standards`"),
    ] {
        let output = assert_no_secret(&repo, &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", text(&output));
        assert!(
            text(&output).contains(&format!("symbolic link {what}")),
            "{args:?}: {}",
            text(&output)
        );
    }
    assert!(!dir.path().join("docs").exists());
    assert!(!dir.path().join("index.md").exists());
    // A link that stays inside the working folder is fine, and so is a
    // plain path outside it.
    std::os::unix::fs::symlink("spec", repo.join("inside")).unwrap();
    let output = run(&repo, &["check", "inside"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("main.cx"), "team t {}\n").unwrap();
    let output = run(&repo, &["check", outside.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

#[test]
fn a_spec_config_can_lower_the_file_limit_but_not_raise_it() {
    let big = format!("team t {{}}\n#{}\n", "x".repeat(3000));
    let dir = work(&[
        ("cxc.yaml", "limits:\n  file_size: 2GB\n"),
        ("main.cx", &big),
    ]);
    let output = run(dir.path(), &["check", "spec", "--max-file-size", "2KB"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("limited to 2 KB") && text(&output).contains("--max-file-size"),
        "{}",
        text(&output)
    );
    let says = |args: &[&str], words: &str| {
        let output = run(dir.path(), args);
        assert!(text(&output).contains(words), "{args:?}: {}", text(&output));
        output
    };
    says(
        &["--lang", "ru", "check", "spec", "--max-file-size", "2KB"],
        "только понизить",
    );
    // The flag raises it; the spec's own setting still lowers it.
    let output = run(dir.path(), &["check", "spec", "--max-file-size", "4KB"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    std::fs::write(
        dir.path().join("spec/cxc.yaml"),
        "limits:\n  file_size: 1KB\n",
    )
    .unwrap();
    says(
        &["check", "spec", "--max-file-size", "4KB"],
        "limited to 1 KB",
    );
    says(&["check", "spec"], "limited to 1 KB");
    // `cxc fmt` (which reads no cxc.yaml) is held to the run's limit.
    says(
        &["fmt", "--check", "spec", "--max-file-size", "2KB"],
        "limited to 2 KB",
    );
    let output = run(dir.path(), &["check", "spec", "--max-file-size", "3GB"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
}

#[test]
fn an_include_through_a_missing_folder_is_refused_and_a_file_is_read_once() {
    // A file that included itself under ever longer names (`x/../x/../a.cx`,
    // …) until memory ran out: there is no folder `x`.
    let dir = work(&[("a.cx", "include \"x/../a.cx\"\nteam t {}\n")]);
    let cycles = |args: &[&str]| -> Vec<String> {
        let output = run(dir.path(), args);
        assert_eq!(output.status.code(), Some(1), "{}", text(&output));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let found = report["diagnostics"].as_array().unwrap();
        // `team t` is declared once: no file was read twice.
        assert!(
            found.iter().all(|d| d["code"] == "include-cycle"),
            "{report}"
        );
        found
            .iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    let found = cycles(&["check", "spec/a.cx", "--format", "json"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("the folder `spec/x`"), "{found:?}");
    // With the folder there, it names the file itself: one finding.
    std::fs::create_dir(dir.path().join("spec/x")).unwrap();
    for spelling in ["x/../a.cx", "./a.cx", "x/./../x/../a.cx", "a.cx"] {
        std::fs::write(
            dir.path().join("spec/a.cx"),
            format!("include \"{spelling}\"\nteam t {{}}\n"),
        )
        .unwrap();
        let found = cycles(&["check", "spec", "--format", "json"]);
        assert_eq!(found.len(), 1, "{spelling}: {found:?}");
        assert!(
            found[0].contains("includes itself"),
            "{spelling}: {found:?}"
        );
        // Two files including each other, each spelling the other anew.
        std::fs::write(
            dir.path().join("spec/a.cx"),
            "include \"x/../b.cx\"\nteam t {}\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("spec/b.cx"),
            format!("include \"{spelling}\"\n"),
        )
        .unwrap();
        let found = cycles(&["check", "spec", "--format", "json"]);
        assert_eq!(found.len(), 1, "{spelling}: {found:?}");
        assert!(found[0].contains("2 files"), "{spelling}: {found:?}");
        std::fs::remove_file(dir.path().join("spec/b.cx")).unwrap();
    }
}

#[test]
fn messages_name_the_current_folder() {
    let dir = work(&[("main.cx", "include \"../secret.txt\"\nteam t {}\n")]);
    let spec = dir.path().join("spec");
    let output = run(&spec, &["check"]);
    assert!(
        text(&output).contains("outside the spec's folder `.`"),
        "{}",
        text(&output)
    );
    assert!(!text(&output).contains("``"), "{}", text(&output));
    let output = run(&spec, &["check", "."]);
    assert!(!text(&output).contains("``"), "{}", text(&output));
}

#[test]
fn init_never_writes_through_a_link() {
    for linked in ["standards", ".github", ".github/workflows"] {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&repo).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        let link = repo.join(linked);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        // Inside the working folder or out of it, a link is not written through.
        for target in [elsewhere.clone(), repo.join("inside")] {
            std::fs::create_dir_all(&target).unwrap();
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(&target, &link).unwrap();
            let output = run(&repo, &["init"]);
            assert_eq!(output.status.code(), Some(2), "{linked}: {}", text(&output));
            assert!(
                text(&output).contains("never writes through a link"),
                "{}",
                text(&output)
            );
            assert_eq!(std::fs::read_dir(&target).unwrap().count(), 0, "{linked}");
            assert!(!repo.join("standards/service.cx").exists());
        }
        let output = run_ru(&repo, &["init"]);
        assert!(text(&output).contains("через ссылку"), "{}", text(&output));
    }
}

#[test]
fn bad_data_quotes_at_most_sixty_escaped_characters_of_a_name() {
    let spec = "team t {}\nchannel phone { kind phone; owner t }\n\
                segment all { channels phone }\nsla s for all { answer phone 80% within 20s }\n";
    let name = format!("\u{1b}]0;x\u{7}{}{SECRET}", "n".repeat(70));
    let contacts = format!(
        "id,segment,channel,created,answered\n1,{name},phone,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z\n"
    );
    let dir = work(&[("main.cx", spec), ("contacts.csv", &contacts)]);
    let measure = |format: &str| {
        let args = [
            "measure",
            "spec",
            "--contacts",
            "spec/contacts.csv",
            "--format",
            format,
        ];
        let output = run(dir.path(), &args);
        let all = text(&output);
        assert!(all.contains("bad-data") && !all.contains(SECRET), "{all}");
        output
    };
    let human = text(&measure("human"));
    assert!(human.contains("\\u{1b}]0;x\\u{7}nnn"), "{human}");
    let report: serde_json::Value = serde_json::from_slice(&measure("json").stdout).unwrap();
    let message = report["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("\\u{1b}]0;x\\u{7}nnn"), "{message}");
    let quoted = message.split('`').nth(1).unwrap();
    // 60 characters of the name, escapes shown as text, and the cut.
    assert_eq!(quoted, format!("\\u{{1b}}]0;x\\u{{7}}{}…", "n".repeat(54)));
}
