//! `redo` in the job descriptions fits what is redone (audit 15, L10: a
//! courier's deactivation appeal read "redo the work at the company's
//! expense"): the right to grant a complaint's remedies names, in its
//! `redo`, the complaint itself; the right to put a broken journey promise
//! right names the step the promise is timed to (else the promise). Over
//! every example and test spec that uses `redo`, in English and Russian.

#[path = "common/render.rs"]
mod render;

use cxc::model::{Model, Remedy};
use cxc::syntax::values::{Language, SimpleRemedy};
use std::path::{Path, PathBuf};

fn redo(list: &[cxc::model::At<Remedy>]) -> bool {
    list.iter()
        .any(|r| matches!(r.value, Remedy::Simple(SimpleRemedy::Redo)))
}

/// The spec folders with a `redo` remedy.
fn folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut list = Vec::new();
    for parent in ["examples", "tests/specs"] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join(parent))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        list.extend(dirs);
    }
    list
}

/// The rights lines of every job description, in one text per role.
fn rights(files: &cxc::generate::Files) -> Vec<String> {
    files
        .iter()
        .filter(|(name, _)| name.starts_with("hr/") && name.ends_with(".md"))
        .map(|(_, bytes)| {
            let text = String::from_utf8(bytes.clone()).unwrap();
            text.split("## 3.").nth(1).unwrap_or("").to_string()
        })
        .collect()
}

/// For each complaint and promise with `redo`: the start of its rights
/// line, and the words its `redo` must say after the line's colon.
fn expected(model: &Model, language: Language) -> Vec<(String, String)> {
    let q = |name: &str| cxc::generate::words::quoted(name, language);
    let mut list = Vec::new();
    for c in model.complaints.values().filter(|c| redo(&c.remedies)) {
        let category = q(c.header.label());
        let lead = match language {
            Language::En => format!("Grant the remedies for complaints of the category {category}"),
            Language::Ru => {
                format!("Без дополнительного согласования по жалобам категории {category}")
            }
        };
        list.push((lead, category));
    }
    for p in model.promises.values().filter(|p| redo(&p.on_breach)) {
        let name = q(p.header.label());
        let lead = match language {
            Language::En => {
                format!("Without further approval, when the public promise {name} is broken")
            }
            Language::Ru => {
                format!("Без дополнительного согласования при нарушении публичного обещания {name}")
            }
        };
        let step = p.journey.as_ref().and_then(|j| {
            let journey = j.journey.target?;
            let step = j.to.as_ref()?.target?;
            Some(
                model.journeys[journey].steps[step]
                    .header
                    .label()
                    .to_string(),
            )
        });
        list.push((lead, step.map_or(name, |s| q(&s))));
    }
    list
}

#[test]
fn redo_names_what_is_redone() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for folder in folders() {
        let Ok(compiled) =
            cxc::pipeline::compile(std::slice::from_ref(&folder), &Default::default(), None)
        else {
            continue;
        };
        for spec in &compiled.specs {
            for language in [Language::En, Language::Ru] {
                let wanted = expected(&spec.model, language);
                if wanted.is_empty() {
                    continue;
                }
                let Ok((files, _)) = render::render(spec, language, &[cxc::generate::Target::Docs])
                else {
                    continue;
                };
                let all = rights(&files).join("\n");
                for (lead, named) in &wanted {
                    let lines: Vec<&str> =
                        all.lines().filter(|l| l.contains(lead.as_str())).collect();
                    for line in &lines {
                        checked += 1;
                        let remedies = &line[line.find(lead.as_str()).unwrap() + lead.len()..];
                        let remedies = remedies.split_once(':').map_or("", |(_, r)| r);
                        if !remedies.contains(named.as_str()) {
                            failures.push(format!(
                                "{}: the remedies do not name {named}:\n{line}",
                                folder.display()
                            ));
                        }
                        for generic in ["redo the work", "переделать работу"] {
                            if line.contains(generic) {
                                failures.push(format!("{}: {line}", folder.display()));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Kitchen, the dry cleaner and boltbites grant a `redo`: the test read
    // their lines.
    assert!(checked >= 6, "only {checked} rights lines read");
}
