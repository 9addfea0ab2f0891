//! A spec whose own files cannot be read (a `.cx` or `cxc.yaml` linking out
//! of its folder, a `cxc.yaml` over the size limit, or one that is a pipe, a
//! folder or a device) stops cxc with exit 2, and says so as a finding with
//! the code `cannot-load` in every output format: `--format sarif` still
//! writes a valid SARIF log for CI to upload (attack 12, L3 and L1).
//!
//! Every run has a watchdog: a `cxc.yaml` that is a named pipe must never
//! make cxc wait for a writer.

mod common;

use std::path::Path;
use std::process::Output;

const SPEC: &str = "team t {}\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::cxc_watched(dir, args, &[])
}

/// A folder `spec/` holding `main.cx`, and `outside.*` files beside it.
fn work() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("spec")).unwrap();
    std::fs::write(dir.path().join("spec/main.cx"), SPEC).unwrap();
    std::fs::write(dir.path().join("outside.cx"), "team elsewhere {}\n").unwrap();
    std::fs::write(dir.path().join("outside.yaml"), "rules: {unused: error}\n").unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Each way a spec's own file cannot be read: how to make it, the file it
/// names, the words of its reason, and extra arguments for `cxc check`.
type Case = (
    &'static str,
    fn(&Path),
    &'static str,
    &'static str,
    &'static [&'static str],
);

const CASES: [Case; 6] = [
    (
        "a .cx linking out",
        |d| std::os::unix::fs::symlink(d.join("outside.cx"), d.join("spec/zz.cx")).unwrap(),
        "spec/zz.cx",
        "outside the spec's folder",
        &[],
    ),
    (
        "a cxc.yaml linking out",
        |d| std::os::unix::fs::symlink(d.join("outside.yaml"), d.join("spec/cxc.yaml")).unwrap(),
        "spec/cxc.yaml",
        "outside the spec's folder",
        &[],
    ),
    (
        "a cxc.yaml over the size limit",
        |d| std::fs::write(d.join("spec/cxc.yaml"), format!("# {}\n", "x".repeat(2048))).unwrap(),
        "spec/cxc.yaml",
        "limit",
        &["--max-file-size", "1KB"],
    ),
    (
        "a cxc.yaml that is a named pipe",
        |d| mkfifo(&d.join("spec/cxc.yaml")),
        "spec/cxc.yaml",
        "named pipe",
        &[],
    ),
    (
        "a cxc.yaml that is a folder",
        |d| std::fs::create_dir(d.join("spec/cxc.yaml")).unwrap(),
        "spec/cxc.yaml",
        "folder",
        &[],
    ),
    (
        "a cxc.yaml linking to /dev/null",
        |d| std::os::unix::fs::symlink("/dev/null", d.join("spec/cxc.yaml")).unwrap(),
        "spec/cxc.yaml",
        "outside the spec's folder",
        &[],
    ),
];

#[test]
fn a_spec_file_that_cannot_be_read_is_a_cannot_load_finding_in_every_format() {
    let validator = common::sarif_validator();
    for (what, make, file, reason, extra) in CASES {
        let dir = work();
        make(dir.path());
        let check = |format: &str| {
            let mut args = vec!["check", "spec", "--format", format];
            args.extend_from_slice(extra);
            let output = run(dir.path(), &args);
            assert_eq!(output.status.code(), Some(2), "{what}, {format}");
            output
        };
        let json: serde_json::Value = serde_json::from_slice(&check("json").stdout)
            .unwrap_or_else(|e| panic!("{what}: no JSON on stdout: {e}"));
        let found = &json["diagnostics"].as_array().unwrap()[..];
        assert_eq!(found.len(), 1, "{what}: {json}");
        assert_eq!(found[0]["code"], "cannot-load", "{what}");
        assert_eq!(found[0]["severity"], "error", "{what}");
        assert_eq!(found[0]["file"], file, "{what}");
        assert_eq!(found[0]["line"], 1, "{what}");
        assert!(found[0]["help"].as_str().is_some_and(|h| !h.is_empty()));
        let message = found[0]["message"].as_str().unwrap();
        assert!(message.contains(reason), "{what}: {message}");

        let sarif: serde_json::Value = serde_json::from_slice(&check("sarif").stdout)
            .unwrap_or_else(|e| panic!("{what}: no SARIF on stdout: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{what}: {errors:#?}");
        let result = &sarif["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], "cannot-load", "{what}");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], file, "{what}");

        let github = String::from_utf8(check("github").stdout).unwrap();
        assert!(
            github.starts_with(&format!("::error file={file},line=1,"))
                && github.contains("title=cannot-load::"),
            "{what}: {github}"
        );
        let human = check("human");
        let text = String::from_utf8_lossy(&human.stdout);
        assert!(text.starts_with("cannot-load\n"), "{what}: {text}");
        assert!(text.contains(&format!("at {file}:1:1")), "{what}: {text}");
        // `build` prints findings for people on stderr, and writes nothing.
        let output = run(
            dir.path(),
            &[&["build", "spec", "-o", "out"], extra].concat(),
        );
        assert_eq!(output.status.code(), Some(2), "{what}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("cannot-load"));
        assert!(!dir.path().join("out").exists(), "{what}");
    }
}

/// What stays silent: a spec whose files are all readable, and paths the
/// command line names (not the spec's files), which keep their `error:`.
#[test]
fn readable_specs_and_command_line_paths_are_not_cannot_load() {
    let dir = work();
    std::fs::write(dir.path().join("spec/cxc.yaml"), "rules: {unused: error}\n").unwrap();
    std::os::unix::fs::symlink("main.cx", dir.path().join("spec/same.cx")).unwrap();
    let output = run(dir.path(), &["check", "spec", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("cannot-load"));
    let output = run(dir.path(), &["check", "missing", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error:") && !stderr.contains("cannot-load"));
}

/// `spec/` holding a folder nested `depth` deep, a `.cx` at its bottom:
/// built by walking down one relative step at a time (a child process, so
/// this test's own folder never changes), so that making it never names a
/// path longer than the system's limit.
fn deep_spec(dir: &Path, depth: usize, text: &str) {
    let script = format!(
        "import os\nos.chdir('spec')\nfor _ in range({depth}):\n    os.mkdir('a'); os.chdir('a')\n\
         open('x.cx', 'w').write({text:?} + '\\n')\n"
    );
    let made = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(made.success());
}

/// A folder nested past PATH_MAX (attack 15, L5) is the spec's own file
/// that cannot be read: `cannot-load` in every format, its path cut to its
/// first and last parts, never kilobytes of `a/a/a`; a folder nested less
/// deep is read.
#[test]
fn a_folder_nested_past_the_path_limit_is_cannot_load_in_every_format() {
    let dir = work();
    deep_spec(dir.path(), 3000, "team deep {}");
    let validator = common::sarif_validator();
    for format in ["json", "sarif", "human"] {
        let output = run(dir.path(), &["check", "spec", "--format", format]);
        assert_eq!(output.status.code(), Some(2), "{format}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("cannot-load"), "{format}: {stdout:.2000}");
        assert!(stdout.contains("spec/…/a"), "{format}: {stdout:.2000}");
        // SARIF carries every rule's description (about 110 KB) as well.
        let bound = if format == "sarif" { 150_000 } else { 20_000 };
        assert!(stdout.len() < bound, "{format}: {} bytes", stdout.len());
        assert!(!stdout.contains("a/a/a"), "{format}: {stdout:.2000}");
        if format == "sarif" {
            let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert!(validator.iter_errors(&sarif).next().is_none(), "{sarif}");
        }
    }
    // Stderr for people (`build`) is as short.
    let output = run(dir.path(), &["build", "spec", "-o", "out"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("cannot-load") && stderr.len() < 5_000,
        "{stderr:.2000}"
    );
    // 100 deep is read: its file's syntax error is found there.
    let dir = work();
    deep_spec(dir.path(), 100, "team deep {");
    let output = run(dir.path(), &["check", "spec", "--format", "json"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("cannot-load"), "{stdout}");
    assert!(
        stdout.contains("\"syntax\"") && stdout.contains("a/a/x.cx"),
        "{stdout}"
    );
}
