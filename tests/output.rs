//! The output tree is exactly the old one or exactly the new one after any
//! build: killed at random moments, out of disk, run twice at once, or
//! refused because of what is already there.

mod common;

use common::{files_under, TODAY};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A spec with `roles` roles and `journeys` journeys of ten steps: enough
/// files that a build takes a while to write. `tag` changes every text.
fn spec(roles: usize, journeys: usize, tag: &str) -> String {
    let mut s = String::from("service \"S\" { language en }\nteam t \"Team\" { lead r0 }\n");
    s.push_str("channel phone { kind phone; owner t }\nsegment all { channels phone }\n");
    s.push_str("sla s for all { answer phone 80% within 20s; resolution within 1d }\n");
    for r in 0..roles {
        s.push_str(&format!(
            "role r{r} \"Role {r} {tag}\" {{ team t; duty \"Duty {tag}\" }}\n"
        ));
    }
    for j in 0..journeys {
        s.push_str(&format!(
            "journey j{j} \"Journey {j} {tag}\" {{\n  start s0\n"
        ));
        for k in 0..10 {
            let next = if k == 9 {
                "end \"done\"".to_string()
            } else {
                format!("next s{}", k + 1)
            };
            s.push_str(&format!(
                "  step s{k} \"Step {k} {tag}\" {{ owner r{}; channel phone; {next} }}\n",
                k % roles.max(1)
            ));
        }
        s.push_str("}\n");
    }
    s
}

fn cxc(dir: &Path, args: &[&str]) -> Command {
    common::command(dir, args, &[])
}

fn build(dir: &Path, spec: &str, out: &str) -> Output {
    cxc(dir, &["build", spec, "-o", out, "--today", TODAY])
        .output()
        .expect("cxc runs")
}

fn ok(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            (
                f.strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(&f).unwrap(),
            )
        })
        .collect()
}

/// A folder with `old/` and `new/` specs and, built from each into
/// `expected-old/` and `expected-new/`, the trees a build must leave.
struct Scene {
    dir: tempfile::TempDir,
    old: BTreeMap<PathBuf, Vec<u8>>,
    new: BTreeMap<PathBuf, Vec<u8>>,
}

impl Scene {
    fn new(roles: usize, journeys: usize) -> Scene {
        let dir = tempfile::tempdir().unwrap();
        for (name, tag) in [("old", "before"), ("new", "after")] {
            std::fs::create_dir_all(dir.path().join(name)).unwrap();
            std::fs::write(
                dir.path().join(name).join("s.cx"),
                spec(roles, journeys, tag),
            )
            .unwrap();
            ok(&build(dir.path(), name, &format!("expected-{name}")));
        }
        let old = snapshot(&dir.path().join("expected-old"));
        let new = snapshot(&dir.path().join("expected-new"));
        assert_ne!(old, new);
        Scene { dir, old, new }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The state of `out`: old, new, or a failure naming what is wrong.
    fn judge(&self, out: &str) -> &'static str {
        let tree = snapshot(&self.path().join(out));
        if tree == self.old {
            "old"
        } else if tree == self.new {
            "new"
        } else {
            let stray: Vec<_> = tree
                .keys()
                .filter(|k| !self.old.contains_key(*k) && !self.new.contains_key(*k))
                .collect();
            panic!("{out} is a mix of old and new (stray files: {stray:?})");
        }
    }

    /// Names beside the output folders other than the scene's own.
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".cxc-"))
            .collect()
    }
}

/// A fixed-seed generator, so the kill moments are the same on every run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_tree_or_the_new_one() {
    let scene = Scene::new(300, 40);
    ok(&build(scene.path(), "old", "out"));
    assert_eq!(scene.judge("out"), "old");
    // How long a build takes here, to spread the kills over it.
    let started = Instant::now();
    ok(&build(scene.path(), "new", "probe"));
    let span = started.elapsed().as_millis() as u64;
    let mut random = Random(0x5eed_cafe);
    let mut seen = BTreeMap::new();
    for _ in 0..20 {
        let mut child: Child = cxc(
            scene.path(),
            &["build", "new", "-o", "out", "--today", TODAY],
        )
        .spawn()
        .unwrap();
        let delay = random.below(span + span / 4);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let state = scene.judge("out");
        *seen.entry(state).or_insert(0) += 1;
        for file in files_under(&scene.path().join("out")) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                !name.starts_with(".cxc-") || name == ".cxc-manifest",
                "temp file {file:?}"
            );
        }
        if state == "new" {
            ok(&build(scene.path(), "old", "out"));
            assert_eq!(scene.judge("out"), "old");
        }
    }
    eprintln!("after 20 kills: {seen:?}");
    // The next build cleans up what the killed ones left beside the output.
    ok(&build(scene.path(), "new", "out"));
    assert_eq!(scene.judge("out"), "new");
    assert_eq!(scene.leftovers(), Vec::<String>::new());
}

#[test]
fn two_builds_at_once_leave_one_of_them_whole() {
    let scene = Scene::new(200, 20);
    for _ in 0..3 {
        let first = cxc(
            scene.path(),
            &["build", "old", "-o", "out", "--today", TODAY],
        )
        .spawn()
        .unwrap();
        let second = cxc(
            scene.path(),
            &["build", "new", "-o", "out", "--today", TODAY],
        )
        .spawn()
        .unwrap();
        ok(&first.wait_with_output().unwrap());
        ok(&second.wait_with_output().unwrap());
        scene.judge("out");
    }
    assert_eq!(scene.leftovers(), Vec::<String>::new());
}

#[test]
fn a_full_disk_leaves_the_old_tree() {
    let scene = Scene::new(300, 40);
    // tmpfs counts whole 4 KB pages per file.
    let old_bytes: usize = scene
        .old
        .values()
        .map(|f| f.len().div_ceil(4096) * 4096)
        .sum();
    // A file system with room for the old tree but not for old and new:
    // a tmpfs in a private mount namespace (no privileges needed).
    let script = format!(
        "set -e\n# Its own build records: other tests outside this mount namespace\n# cannot see disk/out and would drop the record of a folder \"gone\".\nexport XDG_STATE_HOME=\"$PWD/state\"\nmkdir -p disk\nmount -t tmpfs -o size={size} tmpfs disk\n{cxc} build old -o disk/out --today {TODAY} 2>/dev/null\n\
         set +e\n{cxc} build new -o disk/out --today {TODAY} 2>disk.err\necho \"exit $?\"\n\
         ls -a disk\ncd disk/out && find . -type f | sort | xargs sha256sum",
        size = old_bytes * 7 / 5,
        cxc = env!("CARGO_BIN_EXE_cxc"),
    );
    let output = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .current_dir(scene.path())
        .output();
    let Some(output) = output.ok().filter(|o| o.status.success()) else {
        assert!(
            std::env::var_os("CXC_REQUIRE_TOOLS").is_none(),
            "a private tmpfs needs `unshare -rm` (util-linux) and user namespaces"
        );
        eprintln!("skipped the full-disk test: `unshare -rm` is not available here");
        return;
    };
    let report = String::from_utf8_lossy(&output.stdout);
    let errors = std::fs::read_to_string(scene.path().join("disk.err")).unwrap_or_default();
    assert!(
        report.contains("exit 2"),
        "the build fails:\n{report}\n{errors}"
    );
    assert!(errors.contains("No space left"), "{errors}");
    // What the full disk holds is exactly the old tree, and nothing beside it.
    let listing: Vec<&str> = report
        .lines()
        .skip(1)
        .take_while(|l| !l.contains("  ./"))
        .collect();
    assert_eq!(listing, [".", "..", "out"], "{report}");
    let hashes: BTreeMap<String, String> = report
        .lines()
        .filter_map(|l| l.split_once("  ./"))
        .map(|(hash, path)| (path.to_string(), hash.to_string()))
        .collect();
    assert_eq!(hashes.len(), scene.old.len(), "{report}");
    for (path, bytes) in &scene.old {
        let expected = sha256(bytes);
        assert_eq!(
            hashes.get(&path.to_string_lossy().into_owned()),
            Some(&expected),
            "{path:?}"
        );
    }
}

fn sha256(bytes: &[u8]) -> String {
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_linked_subfolder_or_a_users_file_stops_the_build_before_anything_is_written() {
    let scene = Scene::new(3, 1);
    ok(&build(scene.path(), "old", "out"));
    std::fs::create_dir(scene.path().join("elsewhere")).unwrap();
    std::fs::remove_dir_all(scene.path().join("out/policy")).unwrap();
    std::os::unix::fs::symlink(
        scene.path().join("elsewhere"),
        scene.path().join("out/policy"),
    )
    .unwrap();
    let before = snapshot(&scene.path().join("out"));
    let output = build(scene.path(), "new", "out");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("policy"));
    assert_eq!(
        snapshot(&scene.path().join("out")),
        before,
        "nothing was written"
    );
    assert_eq!(
        std::fs::read_dir(scene.path().join("elsewhere"))
            .unwrap()
            .count(),
        0
    );

    // Files the user put there themselves are named, and kept.
    let fresh = scene.path().join("fresh");
    std::fs::create_dir_all(fresh.join("site")).unwrap();
    std::fs::write(fresh.join("index.md"), "my notes").unwrap();
    std::fs::write(fresh.join("site/style.css"), "my style").unwrap();
    refused_over(&build(scene.path(), "new", "fresh"), "index.md");
    assert_eq!(
        std::fs::read_to_string(fresh.join("index.md")).unwrap(),
        "my notes"
    );
}

#[test]
fn files_are_readable_by_a_web_server_and_stale_ones_are_removed_and_named() {
    use std::os::unix::fs::PermissionsExt;
    let scene = Scene::new(3, 1);
    ok(&build(scene.path(), "old", "out"));
    for file in files_under(&scene.path().join("out")) {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        // The test harness runs under the usual umask of 022 or 002.
        assert!(mode & 0o444 == 0o444, "{file:?} is {mode:o}");
    }
    std::fs::write(scene.path().join("out/notes.md"), "mine").unwrap();
    let renamed = std::fs::read_to_string(scene.path().join("new/s.cx"))
        .unwrap()
        .replace("role r2 ", "role renamed ")
        .replace("owner r2", "owner renamed");
    std::fs::write(scene.path().join("new/s.cx"), renamed).unwrap();
    let output = build(scene.path(), "new", "out");
    ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("removed") && stderr.contains("hr/r2.md"),
        "{stderr}"
    );
    assert!(!scene.path().join("out/hr/r2.md").exists());
    assert!(scene.path().join("out/hr/renamed.md").exists());
    assert_eq!(
        std::fs::read_to_string(scene.path().join("out/notes.md")).unwrap(),
        "mine"
    );
}

/// The build stopped at `file`, a file of the user's where cxc writes one.
fn refused_over(output: &Output, file: &str) {
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(file) && stderr.contains("not written by cxc"),
        "{stderr}"
    );
}

/// `cxc build` with its record of what it wrote kept in `state`.
fn build_kept(dir: &Path, spec: &str, out: &str) -> Output {
    cxc(dir, &["build", spec, "-o", out, "--today", TODAY])
        .env("XDG_STATE_HOME", dir.join("state"))
        .output()
        .expect("cxc runs")
}

#[test]
fn a_manifest_cxc_did_not_write_removes_and_replaces_nothing() {
    let scene = Scene::new(3, 1);
    let out = scene.path().join("out");
    // A pull request commits the output folder with a manifest that claims
    // the user's files.
    std::fs::create_dir_all(out.join("hr")).unwrap();
    std::fs::write(out.join("handbook.md"), "the user's handbook").unwrap();
    std::fs::write(out.join("hr/r0.md"), "the user's notes").unwrap();
    std::fs::write(out.join(".cxc-manifest"), "handbook.md\nhr/r0.md\n").unwrap();
    refused_over(&build_kept(scene.path(), "old", "out"), "hr/r0.md");
    assert_eq!(
        std::fs::read_to_string(out.join("hr/r0.md")).unwrap(),
        "the user's notes"
    );
    // Out of the way, the build goes on and keeps the handbook, saying so.
    std::fs::remove_file(out.join("hr/r0.md")).unwrap();
    let output = build_kept(scene.path(), "old", "out");
    ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("kept out/handbook.md"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("handbook.md")).unwrap(),
        "the user's handbook"
    );
    // cxc's own record now holds: the next build replaces its files, and a
    // file it no longer writes is removed.
    let renamed = std::fs::read_to_string(scene.path().join("old/s.cx"))
        .unwrap()
        .replace("role r2 ", "role renamed ")
        .replace("owner r2", "owner renamed");
    std::fs::write(scene.path().join("old/s.cx"), renamed).unwrap();
    let output = build_kept(scene.path(), "old", "out");
    ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("removed out/hr/r2.md"), "{stderr}");
    assert!(out.join("handbook.md").exists());
    // The manifest says the same in every build: nothing in it is machine's.
    let manifest = std::fs::read_to_string(out.join(".cxc-manifest")).unwrap();
    ok(&build_kept(scene.path(), "old", "out"));
    assert_eq!(
        std::fs::read_to_string(out.join(".cxc-manifest")).unwrap(),
        manifest
    );
}

#[test]
fn a_copied_output_folder_is_rebuilt_but_nothing_in_it_is_removed() {
    let scene = Scene::new(3, 1);
    ok(&build_kept(scene.path(), "old", "out"));
    // A fresh checkout of a committed output folder: the same bytes, new
    // files, no record on this machine.
    let copy = scene.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for file in files_under(&scene.path().join("out")) {
        let to = copy.join(file.strip_prefix(scene.path().join("out")).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&file, &to).unwrap();
    }
    ok(&build_kept(scene.path(), "old", "copy"));
    assert_eq!(snapshot(&copy), scene.old, "the same tree");
    // Rebuilt here once, its files are cxc's again: a role renamed, the old
    // description is removed.
    let renamed = std::fs::read_to_string(scene.path().join("old/s.cx"))
        .unwrap()
        .replace("role r2 ", "role renamed ")
        .replace("owner r2", "owner renamed");
    std::fs::write(scene.path().join("old/s.cx"), renamed).unwrap();
    let output = build_kept(scene.path(), "old", "copy");
    ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("removed copy/hr/r2.md"), "{stderr}");
    // A file of cxc's edited by hand since is the user's: not replaced.
    std::fs::write(copy.join("hr/r0.md"), "edited by hand").unwrap();
    refused_over(&build_kept(scene.path(), "new", "copy"), "hr/r0.md");
    assert_eq!(
        std::fs::read_to_string(copy.join("hr/r0.md")).unwrap(),
        "edited by hand"
    );
}
