//! Templates: minijinja files under `templates/`, embedded in the binary.
//!
//! `--templates DIR` overrides any of them by name (`en/hr/role.md` in DIR
//! replaces the built-in one). Only the names below are ever looked up, so a
//! user template cannot reach a file outside DIR: there is no `..` to resolve,
//! and a template file that is a symbolic link is refused. User templates run
//! on fuel, so a template that loops forever stops with an error.

use minijinja::{Environment, UndefinedBehavior};
use std::path::Path;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        /// Every template, by name, with its built-in text.
        pub const BUILT_IN: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../templates/", $name))),)*
        ];
    };
}

embedded![
    "en/index.md",
    "en/policy/service-standards.md",
    "en/policy/complaints.md",
    "en/policy/promises.md",
    "en/policy/channels.md",
    "en/policy/agreements.md",
    "en/journey.md",
    "en/hr/role.md",
    "ru/index.md",
    "ru/policy/service-standards.md",
    "ru/policy/complaints.md",
    "ru/policy/promises.md",
    "ru/policy/channels.md",
    "ru/policy/agreements.md",
    "ru/journey.md",
    "ru/hr/role.md",
];

/// Enough for any real document; a runaway user template stops here.
const USER_FUEL: u64 = 50_000_000;

pub fn environment(overrides: Option<&Path>) -> Result<Environment<'static>, String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.add_filter("cell", cell);
    for (name, text) in BUILT_IN {
        let text = match overrides {
            Some(dir) => read_override(dir, name)?.unwrap_or_else(|| text.to_string()),
            None => text.to_string(),
        };
        env.add_template_owned(name.to_string(), text)
            .map_err(|e| describe(&e))?;
    }
    if overrides.is_some() {
        env.set_fuel(Some(USER_FUEL));
    }
    Ok(env)
}

fn read_override(dir: &Path, name: &str) -> Result<Option<String>, String> {
    let path = dir.join(name);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Err(format!(
            "template {name} in {} is not a regular file (symbolic links are not followed)",
            dir.display()
        ));
    }
    std::fs::read_to_string(&path)
        .map(Some)
        .map_err(|e| format!("cannot read template {}: {e}", path.display()))
}

/// A template error with the template's name and line.
pub fn describe(error: &minijinja::Error) -> String {
    let mut text = format!("template error: {}", error.kind());
    if let Some(detail) = error.detail() {
        text.push_str(&format!(": {detail}"));
    }
    if let (Some(name), Some(line)) = (error.name(), error.line()) {
        text.push_str(&format!(" (in {name}, line {line})"));
    }
    text
}

/// Text that is safe inside a Markdown table cell.
fn cell(value: String) -> String {
    value.replace('|', "\\|").replace(['\n', '\r'], " ")
}
