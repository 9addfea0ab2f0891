//! `cxc init`: a starting point that already works — a small commented spec
//! that passes `cxc check` with no warnings, its `cxc.yaml`, and a GitHub
//! workflow that checks it on every pull request with this repository's
//! action (`action.yml`).

use crate::i18n::Message;
use crate::msg;
use crate::syntax::values::{Date, Language};
use std::path::Path;

/// Where the workflow takes the action from: this repository.
pub const ACTION: &str = "cxc-lang/cxc@main";

/// The files `cxc init` writes, relative to the repository root.
pub fn scaffold(language: Language, today: Date) -> Vec<(&'static str, String)> {
    let (spec, config) = match language {
        Language::En => (
            include_str!("../templates/init/en/service.cx"),
            include_str!("../templates/init/en/cxc.yaml"),
        ),
        Language::Ru => (
            include_str!("../templates/init/ru/service.cx"),
            include_str!("../templates/init/ru/cxc.yaml"),
        ),
    };
    vec![
        (
            "standards/service.cx",
            spec.replace("{{TODAY}}", &today.to_string()),
        ),
        ("standards/cxc.yaml", config.to_string()),
        (
            ".github/workflows/cxc.yml",
            include_str!("../templates/init/workflow.yml").replace("{{ACTION}}", ACTION),
        ),
    ]
}

/// Writes the files under `dir`, or none of them when any already exists or
/// a folder on the way is a symbolic link: `cxc init` never overwrites, and
/// never writes through a link (a checkout's `standards -> /etc` would
/// otherwise put the files there).
pub fn write(dir: &Path, files: &[(&str, String)]) -> Result<(), Message> {
    let shown = |path: &Path| crate::loader::display_name(&dir.join(path));
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| std::fs::symlink_metadata(dir.join(path)).is_ok())
        .map(|(path, _)| shown(Path::new(path)))
        .collect();
    if !existing.is_empty() {
        return Err(msg!("init-exists", files = existing.join(", ")));
    }
    for (path, _) in files {
        for folder in Path::new(path).ancestors().skip(1) {
            if folder.as_os_str().is_empty() {
                continue;
            }
            let is_link = std::fs::symlink_metadata(dir.join(folder))
                .is_ok_and(|m| m.file_type().is_symlink());
            if is_link {
                return Err(msg!("init-link", folder = shown(folder)));
            }
        }
    }
    for (path, text) in files {
        let fail = |e: std::io::Error| {
            msg!(
                "init-cannot-write",
                file = shown(Path::new(path)),
                error = e.to_string()
            )
        };
        // The folder named on the command line may not exist yet (`cxc init
        // repo`): made as given (the CLI has refused a link out of the
        // working folder already); below it, folder by folder, each made
        // here or already a real folder.
        std::fs::create_dir_all(dir).map_err(fail)?;
        let mut folder = dir.to_path_buf();
        for part in Path::new(path).parent().into_iter().flat_map(Path::iter) {
            folder.push(part);
            match std::fs::create_dir(&folder) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let meta = std::fs::symlink_metadata(&folder).map_err(fail)?;
                    if !meta.is_dir() {
                        let relative = folder.strip_prefix(dir).unwrap_or(&folder);
                        return Err(msg!("init-link", folder = shown(relative)));
                    }
                }
                Err(e) => return Err(fail(e)),
            }
        }
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(dir.join(path))
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
