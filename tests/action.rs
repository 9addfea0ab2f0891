//! The GitHub Action (`action.yml`) run step by step as the runner would run
//! its composite steps: the `Check` step's shell script with the inputs in its
//! environment, `$GITHUB_OUTPUT` read back, and the `if:` conditions of the
//! upload and failure steps evaluated on those outputs. (The install step is
//! `cargo install` of this repository; the test puts the built binary on PATH
//! instead.)

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

struct Step {
    name: String,
    condition: Option<String>,
    run: Option<String>,
}

fn steps() -> Vec<Step> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    let action: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(action["runs"]["using"], "composite");
    action["runs"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| Step {
            name: s["name"].as_str().unwrap().to_string(),
            condition: s["if"].as_str().map(str::to_string),
            run: s["run"].as_str().map(str::to_string),
        })
        .collect()
}

struct Outcome {
    outputs: HashMap<String, String>,
    log: String,
    /// The steps that ran after `Check`, by name.
    later: Vec<String>,
    failed: bool,
    /// The SARIF file the Check step wrote, as it held.
    sarif: String,
}

/// Runs the action on `spec` (written as standards/s.cx) with `inputs`.
fn run_action(spec: &str, inputs: &[(&str, &str)]) -> Outcome {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(work.path().join("standards")).unwrap();
    std::fs::write(work.path().join("standards/s.cx"), spec).unwrap();
    run_action_in(work.path(), inputs)
}

/// Runs the action in the checkout `work` with `inputs`.
fn run_action_in(work: &Path, inputs: &[(&str, &str)]) -> Outcome {
    let temp = tempfile::tempdir().unwrap();
    let output_file = temp.path().join("output");
    std::fs::write(&output_file, "").unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_cxc")).parent().unwrap();
    let input = |name: &str, default: &str| {
        inputs
            .iter()
            .find(|(k, _)| *k == name)
            .map_or(default.to_string(), |(_, v)| v.to_string())
    };
    let mut outputs: HashMap<String, String> = HashMap::new();
    let mut log = String::new();
    let mut later = Vec::new();
    let mut failed = false;
    for step in steps() {
        if step.name == "Install cxc" {
            continue;
        }
        if step.name != "Check" {
            let status = outputs.get("status").cloned().unwrap_or_default();
            let written = outputs.get("sarif-written").cloned().unwrap_or_default();
            let upload = input("upload-sarif", "true");
            let runs = match step.condition.as_deref() {
                Some(
                    "always() && inputs.upload-sarif == 'true' \
                     && steps.check.outputs.sarif-written == 'true'",
                ) => upload == "true" && written == "true",
                Some("steps.check.outputs.status != '0'") => status != "0",
                other => panic!("a condition this test does not know: {other:?}"),
            };
            if runs {
                later.push(step.name.clone());
            }
            if let (true, Some(script)) = (runs, &step.run) {
                let script = script.replace("${{ steps.check.outputs.status }}", &status);
                let out = Command::new("bash")
                    .args(["-e", "-c", &script])
                    .output()
                    .unwrap();
                failed |= !out.status.success();
            }
            continue;
        }
        let out = Command::new("bash")
            .args(["-e", "-c", step.run.as_deref().unwrap()])
            .current_dir(work)
            .env(
                "PATH",
                format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
            )
            .env("NO_COLOR", "1")
            .env("RUNNER_TEMP", temp.path())
            .env("GITHUB_OUTPUT", &output_file)
            .env("CXC_PATHS", input("paths", "."))
            .env("CXC_DENY", input("deny-warnings", "false"))
            .env("CXC_TODAY", input("today", ""))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the Check step itself never fails: {out:?}"
        );
        log = String::from_utf8_lossy(&out.stdout).into_owned();
        for line in std::fs::read_to_string(&output_file).unwrap().lines() {
            let (k, v) = line.split_once('=').unwrap();
            outputs.insert(k.to_string(), v.to_string());
        }
    }
    // What is uploaded is a SARIF log; nothing else is said to be one.
    let mut sarif = String::new();
    if let Some(path) = outputs.get("sarif") {
        let text = std::fs::read(path).unwrap_or_default();
        sarif = String::from_utf8_lossy(&text).into_owned();
        let written = outputs["sarif-written"] == "true";
        assert_eq!(
            written,
            !text.is_empty(),
            "{}",
            String::from_utf8_lossy(&text)
        );
        if written {
            let log: serde_json::Value = serde_json::from_slice(&text).unwrap();
            assert_eq!(log["version"], "2.1.0");
        }
    }
    Outcome {
        outputs,
        log,
        later,
        failed,
        sarif,
    }
}

const CLEAN: &str = "team t {}\nrole r { team t; duty \"Work\" }\n";
const BROKEN: &str = "journey j {\n  start a\n  step a { owner nobody }\n}\n";

#[test]
fn a_clean_spec_uploads_and_passes() {
    let outcome = run_action(CLEAN, &[("paths", "standards")]);
    assert_eq!(outcome.outputs["status"], "0");
    assert_eq!(outcome.later, ["Upload to code scanning"]);
    assert!(!outcome.failed);
}

#[test]
fn errors_are_uploaded_annotated_and_fail_the_job() {
    let outcome = run_action(BROKEN, &[("paths", "standards")]);
    assert_eq!(outcome.outputs["status"], "1");
    assert!(
        outcome.log.contains("::error file=standards/s.cx"),
        "{}",
        outcome.log
    );
    assert_eq!(
        outcome.later,
        ["Upload to code scanning", "Fail on findings"]
    );
    assert!(outcome.failed);
}

#[test]
fn warnings_fail_only_when_denied() {
    // A role with no duties is a warning.
    let spec = "team t {}\nrole r { team t }\n";
    assert!(!run_action(spec, &[("paths", "standards")]).failed);
    let denied = run_action(spec, &[("paths", "standards"), ("deny-warnings", "true")]);
    assert!(denied.failed);
    assert!(denied.log.contains("::warning"), "{}", denied.log);
}

#[test]
fn a_path_that_cannot_be_read_fails_without_an_upload() {
    let outcome = run_action(CLEAN, &[("paths", "no/such/folder")]);
    assert_eq!(outcome.outputs["status"], "2");
    assert_eq!(outcome.later, ["Fail on findings"]);
    assert!(outcome.failed);
}

/// Exit status 2 with a log (attack 12, L3 and the action): a `cxc.yaml`
/// that is a folder cannot be loaded; the `cannot-load` finding is in the
/// SARIF log, which is uploaded, and the job fails.
#[test]
fn a_spec_that_cannot_be_loaded_is_uploaded_and_fails() {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(work.path().join("standards/cxc.yaml")).unwrap();
    std::fs::write(work.path().join("standards/s.cx"), CLEAN).unwrap();
    let outcome = run_action_in(work.path(), &[("paths", "standards")]);
    assert_eq!(outcome.outputs["status"], "2", "{}", outcome.log);
    assert_eq!(outcome.outputs["sarif-written"], "true");
    assert!(outcome.sarif.contains("cannot-load"), "{}", outcome.sarif);
    assert_eq!(
        outcome.later,
        ["Upload to code scanning", "Fail on findings"]
    );
    assert!(outcome.failed);
    // Unless the upload is turned off.
    let quiet = run_action_in(
        work.path(),
        &[("paths", "standards"), ("upload-sarif", "false")],
    );
    assert_eq!(quiet.later, ["Fail on findings"]);
}

#[test]
fn a_standards_folder_linking_out_of_the_checkout_is_refused() {
    // The pull request commits `standards -> ../..` and a spec that includes
    // a file of the runner's from there.
    let runner = tempfile::tempdir().unwrap();
    let secret = "s3cret-runner-token";
    std::fs::write(
        runner.path().join("runner-secret.env"),
        format!("TOKEN={secret}\n"),
    )
    .unwrap();
    let work = runner.path().join("work/repo");
    std::fs::create_dir_all(work.join("evil")).unwrap();
    std::fs::write(
        work.join("evil/spec.cx"),
        "include \"../../../runner-secret.env\"\nteam t {}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("../..", work.join("standards")).unwrap();
    let outcome = run_action_in(&work, &[("paths", "standards")]);
    assert_eq!(outcome.outputs["status"], "2", "{}", outcome.log);
    assert!(!outcome.log.contains(secret), "{}", outcome.log);
    assert!(!outcome.sarif.contains(secret), "{}", outcome.sarif);
    assert_eq!(outcome.later, ["Fail on findings"]);
    assert!(outcome.failed);
}
