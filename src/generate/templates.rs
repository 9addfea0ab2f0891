//! Templates: minijinja files under `templates/`, embedded in the binary.
//!
//! `--templates DIR` overrides any of them by name (`en/hr/role.md` in DIR
//! replaces the built-in one). Only the names below are ever looked up, and
//! no symbolic link is followed on the way to one (neither the template file
//! nor a folder inside DIR), so a user template cannot reach a file outside
//! DIR. User templates run on one budget of fuel and output for the whole
//! build, so a template that loops forever or writes without end stops with
//! an error instead of taking the machine.
//!
//! Every value a Markdown template prints is escaped for Markdown
//! ([`crate::escape::markdown`]) unless the template marks it `|safe`: spec
//! strings never become HTML, links or headings.

mod fault;
mod guard;
mod operators;

pub use fault::{Fault, TemplateError, DOCS};
use minijinja::{AutoEscape, Environment, Error, Output, State, UndefinedBehavior, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

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
    "en/policy/our-promises.md",
    "en/policy/channels.md",
    "en/policy/agreements.md",
    "en/journey.md",
    "en/hr/role.md",
    "en/report.md",
    "ru/index.md",
    "ru/policy/service-standards.md",
    "ru/policy/complaints.md",
    "ru/policy/promises.md",
    "ru/policy/our-promises.md",
    "ru/policy/channels.md",
    "ru/policy/agreements.md",
    "ru/journey.md",
    "ru/hr/role.md",
    "ru/report.md",
];

/// Instructions user templates may run in one build: a couple of seconds of
/// work, plus a share per declaration and step of the spec, so that a big
/// spec's documents fit and a small spec cannot be made to cost minutes.
const USER_FUEL: u64 = 50_000_000;
const USER_FUEL_PER_ITEM: u64 = 2_000;

/// Bytes user templates may write: per document, and per build.
const USER_DOCUMENT_BYTES: u64 = 64 << 20;
const USER_BUILD_BYTES: u64 = 512 << 20;

/// A user template file larger than this is not a template.
const USER_TEMPLATE_BYTES: u64 = 1 << 20;

/// The largest value a user template may build (a text, or a list counted
/// by its items and their contents): a share of a document, and more for a
/// larger spec, whose own lists a template may join or sort.
const USER_VALUE_BYTES: u64 = 16 << 20;
const USER_VALUE_BYTES_PER_ITEM: u64 = 1 << 10;

/// The values user templates may build in one document, all together, in
/// values of the largest size: bounds what a template keeps in variables
/// at once (see [`guard::Made`]).
const USER_VALUES_MADE: u64 = 16;

/// The templates of one build, with what is left of its budgets.
pub struct Renderer {
    env: Environment<'static>,
    /// `None` for the built-in templates, whose cost grows with the spec only.
    budget: Option<Budget>,
    /// Bytes the formatter has printed in the current document, `{% set %}`
    /// blocks included, and the most it may.
    printed: Arc<(AtomicU64, AtomicU64)>,
    /// What the guarded filters and operators built in the current
    /// document, and the most they may (user templates only).
    made: Arc<guard::Made>,
    made_limit: u64,
    /// The user's file of each template overridden, by name.
    files: BTreeMap<String, PathBuf>,
}

struct Budget {
    fuel: u64,
    bytes: u64,
}

impl Renderer {
    /// `items`: how many declarations and steps the spec has.
    pub fn new(overrides: Option<&Path>, items: u64) -> Result<Renderer, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env.add_filter("cell", cell);
        env.add_filter("duration", super::words::duration_filter);
        env.add_filter("number", super::words::number_filter);
        env.add_filter("percent", super::words::percent_filter);
        env.add_filter("decimal", super::words::decimal_filter);
        env.add_filter("date", super::words::date_filter);
        // Spec text inside a sentence or after a colon («если список
        // получен», «завершение: подключение отменено»): the guide's rule,
        // by the one helper (audit 16, L2).
        env.add_filter("after_colon", |text: String| {
            super::words::after_colon(&text)
        });
        env.add_filter("names", |names: Vec<String>| super::words::names(&names));
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".md") {
                AutoEscape::Custom("markdown")
            } else {
                AutoEscape::None
            }
        });
        let printed = Arc::new((AtomicU64::new(0), AtomicU64::new(u64::MAX)));
        let count = printed.clone();
        env.set_formatter(move |out, state, value| {
            let size = guard::weigh(value, count.1.load(Ordering::Relaxed));
            let so_far = count
                .0
                .fetch_add(size, Ordering::Relaxed)
                .saturating_add(size);
            if so_far > count.1.load(Ordering::Relaxed) {
                return Err(guard::too_large(
                    "printing",
                    count.1.load(Ordering::Relaxed),
                ));
            }
            format_value(out, state, value)
        });
        let made = Arc::new(guard::Made::default());
        let mut made_limit = u64::MAX;
        let mut files = BTreeMap::new();
        if let Some(dir) = overrides {
            check_override_folder(dir)?;
            let limit =
                USER_VALUE_BYTES.saturating_add(items.saturating_mul(USER_VALUE_BYTES_PER_ITEM));
            guard::guard(&mut env, limit, &made);
            operators::register(&mut env, limit, &made);
            made_limit = limit.saturating_mul(USER_VALUES_MADE);
        }
        let whitespace = minijinja::machinery::WhitespaceConfig {
            keep_trailing_newline: true,
            lstrip_blocks: true,
            trim_blocks: true,
        };
        for (name, text) in BUILT_IN {
            let text = match overrides.map(|dir| read_override(dir, name)) {
                Some(Ok(Some((path, text)))) => {
                    files.insert(name.to_string(), path);
                    // Every `~`, `+` and `*` through the value limit (one
                    // that does not parse is reported as written).
                    operators::rewrite(&text, name, whitespace).unwrap_or(text)
                }
                Some(Err(e)) => return Err(e),
                Some(Ok(None)) | None => text.to_string(),
            };
            env.add_template_owned(name.to_string(), text)
                .map_err(|e| TemplateError::from_minijinja(&e, name, |n| files.get(n).cloned()))?;
        }
        let budget = overrides.map(|_| Budget {
            fuel: USER_FUEL.saturating_add(items.saturating_mul(USER_FUEL_PER_ITEM)),
            bytes: USER_BUILD_BYTES,
        });
        Ok(Renderer {
            env,
            budget,
            printed,
            made,
            made_limit,
            files,
        })
    }

    /// Renders one template with `context`.
    pub fn render(&mut self, name: &str, context: Value) -> Result<String, TemplateError> {
        if let Some(budget) = &self.budget {
            // What the earlier documents left is all this one may use.
            self.env.set_fuel(Some(budget.fuel.max(1)));
        }
        let files = &self.files;
        let failed = |e: &Error| TemplateError::from_minijinja(e, name, |n| files.get(n).cloned());
        let template = self.env.get_template(name).map_err(|e| failed(&e))?;
        let limit = self
            .budget
            .as_ref()
            .map(|b| b.bytes.min(USER_DOCUMENT_BYTES));
        self.printed.0.store(0, Ordering::Relaxed);
        // Twice the document's limit: what reaches the document meets the
        // writer's limit first; this one bounds what `{% set %}` blocks hold.
        let printing = limit.map_or(u64::MAX, |l| l.saturating_mul(2));
        self.printed.1.store(printing, Ordering::Relaxed);
        self.made.start(self.made_limit);
        let mut out = Capped {
            bytes: Vec::new(),
            limit,
            overflowed: false,
        };
        let captured = template
            .render_captured_to(context, &mut out)
            .map_err(|e| match out.limit {
                Some(limit) if out.overflowed => TemplateError {
                    fault: Fault::Output,
                    line: e.line(),
                    ..failed(&e)
                }
                .saying(format!(
                    "{name} writes more than {} (the limit for user templates{})",
                    crate::loader::read::bytes(limit),
                    if limit < USER_DOCUMENT_BYTES {
                        " left in this build"
                    } else {
                        " per document"
                    }
                )),
                _ => failed(&e),
            })?;
        if let Some(budget) = &mut self.budget {
            if let Some((consumed, _)) = captured.state().fuel_levels() {
                budget.fuel = budget.fuel.saturating_sub(consumed);
            }
            budget.bytes = budget.bytes.saturating_sub(out.bytes.len() as u64);
        }
        String::from_utf8(out.bytes).map_err(|_| {
            let path = self.files.get(name).map(PathBuf::as_path);
            let detail = format!("{name} wrote bytes that are not UTF-8");
            TemplateError::new(Fault::Failed, name, path, detail)
        })
    }
}

/// A writer that refuses to grow past its limit.
struct Capped {
    bytes: Vec<u8>,
    limit: Option<u64>,
    overflowed: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(limit) = self.limit {
            if self.bytes.len() as u64 + buf.len() as u64 > limit {
                self.overflowed = true;
                return Err(std::io::Error::other("output limit reached"));
            }
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Prints a value: Markdown-escaped strings in Markdown templates (unless
/// marked safe), numbers and everything else as they are.
fn format_value(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    if state.auto_escape() == AutoEscape::Custom("markdown") && !value.is_safe() {
        if let Some(text) = value.as_str() {
            return out
                .write_str(&crate::escape::markdown(text))
                .map_err(Error::from);
        }
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        return out.write_str(&value.to_string()).map_err(Error::from);
    }
    minijinja::escape_formatter(out, state, value)
}

/// `--templates DIR` must be a folder: a typo must not silently fall back to
/// the built-in templates.
fn check_override_folder(dir: &Path) -> Result<(), TemplateError> {
    let unusable = |detail| Err(TemplateError::new(Fault::Unreadable, "", Some(dir), detail));
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => unusable(format!(
            "--templates {} is not a folder",
            crate::loader::display_name(dir)
        )),
        Err(e) => unusable(format!(
            "--templates {}: {}",
            crate::loader::display_name(dir),
            crate::loader::read::io_error(&e)
        )),
    }
}

/// The override for `name` in `dir`, if there is one. Every folder on the
/// way from `dir` to it, and the file itself, must be real (not a link).
fn read_override(dir: &Path, name: &str) -> Result<Option<(PathBuf, String)>, TemplateError> {
    let mut path = dir.to_path_buf();
    let parts: Vec<&str> = name.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let last = i + 1 == parts.len();
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(_) => return Ok(None),
        };
        let shown = crate::loader::display_name(&path);
        let unusable = |detail| {
            Err(TemplateError::new(
                Fault::Unreadable,
                name,
                Some(&path),
                detail,
            ))
        };
        if meta.file_type().is_symlink() {
            return unusable(format!(
                "{shown} is a symbolic link; cxc does not follow links inside --templates"
            ));
        }
        if !last && !meta.is_dir() {
            return Ok(None);
        }
        if last && !meta.is_file() {
            return unusable(format!("template {shown} is not a regular file"));
        }
    }
    let unusable = |detail| TemplateError::new(Fault::Unreadable, name, Some(&path), detail);
    let shown = crate::loader::display_name(&path);
    let bytes = crate::loader::read::read_trusted(&path, USER_TEMPLATE_BYTES)
        .map_err(|e| unusable(format!("cannot read template {shown}: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some((path, text))),
        Err(_) => Err(unusable(format!("template {shown} is not UTF-8 text"))),
    }
}

/// Kept for templates written before Markdown escaping: every value is now
/// safe in a table cell (`|` and line breaks are escaped), so this is the
/// identity.
fn cell(value: Value) -> Value {
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_templates_escape_what_they_print() {
        let mut renderer = Renderer::new(None, 0).unwrap();
        renderer
            .env
            .add_template("x.md", "{{ a }} | {{ b|safe }} | {{ n }}")
            .unwrap();
        let context =
            minijinja::context! { a => "<b>[x](javascript:1)</b>", b => "**raw**", n => 4.5 };
        assert_eq!(
            renderer.render("x.md", context).unwrap(),
            "&lt;b&gt;\\[x\\](javascript:1)&lt;/b&gt; | **raw** | 4.5"
        );
    }

    /// The numbers the documents' own words write (a template's text, the
    /// report's words) are grouped as [`crate::i18n::grouped`] groups the
    /// figures beside them: "per 1,000 contacts", «на 1 000 обращений»,
    /// never "1000" (audit 10, L9 follow-up). Selector keys
    /// (`[complaints_per_1000]`) and template code are not prose.
    #[test]
    fn numbers_in_the_documents_words_are_grouped() {
        let words = [
            ("words.en.ftl", include_str!("../i18n/words.en.ftl")),
            ("words.ru.ftl", include_str!("../i18n/words.ru.ftl")),
        ];
        for (name, text) in BUILT_IN.iter().copied().chain(words) {
            for line in text.lines() {
                // Prose only: no selector key, no template expression.
                let mut prose = String::new();
                let mut depth = 0;
                for c in line.chars() {
                    match c {
                        '[' | '{' => depth += 1,
                        ']' | '}' => depth -= 1,
                        _ if depth == 0 => prose.push(c),
                        _ => {}
                    }
                }
                let mut run = 0;
                for c in prose.chars() {
                    run = if c.is_ascii_digit() { run + 1 } else { 0 };
                    assert!(run < 4, "{name}: a number ungrouped in {line:?}");
                }
            }
        }
        assert_eq!(
            crate::i18n::grouped(1000.0, crate::syntax::values::Language::Ru),
            "1\u{a0}000"
        );
    }
}
