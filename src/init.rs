//! `cxc init`: a starting point that already works — a small commented spec
//! that passes `cxc check` with no warnings, its `cxc.yaml`, and a GitHub
//! workflow that checks it on every pull request with this repository's
//! action (`action.yml`).

use crate::syntax::values::{Date, Language};
use std::path::Path;

/// Where the workflow takes the action from: this repository.
pub const ACTION: &str = "cxc-lang/cxc@main";

/// The files `cxc init` writes, relative to the repository root.
pub fn scaffold(language: Language, today: Date) -> Vec<(&'static str, String)> {
    let spec = match language {
        Language::En => include_str!("../templates/init/en/service.cx"),
        Language::Ru => include_str!("../templates/init/ru/service.cx"),
    };
    vec![
        (
            "standards/service.cx",
            spec.replace("{{TODAY}}", &today.to_string()),
        ),
        (
            "standards/cxc.yaml",
            include_str!("../templates/init/cxc.yaml").to_string(),
        ),
        (
            ".github/workflows/cxc.yml",
            include_str!("../templates/init/workflow.yml").replace("{{ACTION}}", ACTION),
        ),
    ]
}

/// Writes the files under `dir`, or none of them when any already exists:
/// `cxc init` never overwrites (nor writes through a symbolic link).
pub fn write(dir: &Path, files: &[(&str, String)]) -> Result<(), String> {
    let shown = |path: &str| crate::loader::display_name(&dir.join(path));
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| std::fs::symlink_metadata(dir.join(path)).is_ok())
        .map(|(path, _)| shown(path))
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "{} already exists; cxc init writes nothing over existing files",
            existing.join(", ")
        ));
    }
    for (path, text) in files {
        let target = dir.join(path);
        let fail = |e: std::io::Error| format!("cannot write {}: {e}", shown(path));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        use std::io::Write;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The starting spec is clean in both languages: no errors, no warnings.
    #[test]
    fn the_scaffold_passes_check_with_no_findings() {
        let today = Date::parse("2026-12-01").unwrap();
        for language in [Language::En, Language::Ru] {
            let files = scaffold(language, today);
            let compiled = crate::pipeline::compile_bytes(
                "service.cx",
                files[0].1.as_bytes(),
                &crate::check::Options {
                    today: Some(today),
                    ..Default::default()
                },
            );
            assert!(
                compiled.diagnostics.is_empty(),
                "{:?}",
                compiled.diagnostics
            );
            assert_eq!(
                crate::format::format(crate::source::FileId(0), &files[0].1).as_deref(),
                Ok(files[0].1.as_str()),
                "the scaffold is in the canonical layout"
            );
        }
    }
}
