//! What every command shares: the language cxc speaks, printing, colour,
//! failing, and reading the spec.

use super::*;

/// The `--lang` of this run, set once in `main`.
pub(super) static LANG: std::sync::OnceLock<Option<Language>> = std::sync::OnceLock::new();
/// The limits of this run (`--max-file-size`), set once in `main`.
pub(super) static LIMITS: std::sync::OnceLock<crate::loader::read::Limits> =
    std::sync::OnceLock::new();

pub(super) fn limits() -> crate::loader::read::Limits {
    LIMITS.get().copied().unwrap_or_default()
}

/// The language of messages once a spec was read (its `service { language }`
/// counts); before that, `--lang` or the locale.
static SAID: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

pub(super) fn explicit_language() -> Option<Language> {
    LANG.get().copied().flatten()
}

pub(super) fn locale() -> Option<Language> {
    crate::i18n::from_locale(|name| std::env::var(name).ok())
}

/// The language cxc speaks in this run.
pub(super) fn language() -> Language {
    SAID.get()
        .copied()
        .unwrap_or_else(|| crate::i18n::choose(explicit_language(), None, locale()))
}

/// A catalogue message in the language of this run.
pub(super) fn say(message: Message) -> String {
    message.text(language())
}

/// Prints to stdout; a closed pipe (`cxc check | head`) is not an error.
pub(super) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// The front half of every command; a spec that cannot be read is exit 2.
/// The compilation of a command. It lives until the process exits, which
/// returns its memory at once: freeing a large model piece by piece first
/// would cost a tenth of the run.
pub(super) fn compile(
    paths: &[PathBuf],
    today: Option<Date>,
    shown: &Shown,
    config: Option<&std::path::Path>,
    format: Option<Format>,
) -> Result<ManuallyDrop<pipeline::Compilation>, ExitCode> {
    let options = check::Options {
        today: Some(today.unwrap_or_else(crate::loader::read::today)),
        max_findings: shown.max_findings(),
        ..check::Options::default()
    };
    let mut compilation = pipeline::compile_within(paths, &options, config, &limits())
        .map_err(|e| cannot_load(&e, format))?;
    let spec = compilation
        .specs
        .iter()
        .find_map(|s| s.model.service.as_ref().and_then(|s| s.language));
    let _ = SAID.set(crate::i18n::choose(explicit_language(), spec, locale()));
    localize(&mut compilation.diagnostics);
    Ok(ManuallyDrop::new(compilation))
}

/// A spec that cannot be read: exit 2. When its own files are the cause
/// (one links out of its folder, is too large or is no regular file), that
/// is a `cannot-load` finding, printed like every other: in `format` on
/// stdout (`cxc check --format sarif` still writes a SARIF file), or for
/// people on stderr.
fn cannot_load(e: &crate::loader::LoadError, format: Option<Format>) -> ExitCode {
    let Some((sources, diagnostic)) = e.diagnostic() else {
        return fail(&say(msg!("cli-cannot-read", error = e.text(language()))));
    };
    let mut diagnostics = [diagnostic];
    localize(&mut diagnostics);
    match format {
        Some(format) => print_findings(format, &diagnostics, &sources),
        None => eprint_findings(&diagnostics, &sources),
    }
    ExitCode::from(2)
}

/// Says each finding in the language of this run.
pub(super) fn localize(diagnostics: &mut [crate::diagnostic::Diagnostic]) {
    let language = language();
    if language != Language::En {
        for d in diagnostics {
            d.localize(language);
        }
    }
}

/// Whether to colour `stream`: `--color always|never` decide; otherwise a
/// non-empty NO_COLOR turns colour off, a FORCE_COLOR other than `0` turns it
/// on, and else a terminal gets colour (https://no-color.org,
/// https://force-color.org).
pub(super) fn color(stream: &impl IsTerminal) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match COLOR.get().copied().unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("FORCE_COLOR").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto => stream.is_terminal(),
    }
}

/// "error: ..." on stderr, exit 2. Messages may hold paths and arguments the
/// user did not write themselves: terminal controls in them are shown, not run.
pub(super) fn fail(message: &str) -> ExitCode {
    let said = say(msg!(
        "cli-error",
        message = crate::escape::terminal(message, true)
    ));
    eprintln!("{}", crate::escape::workflow(&said));
    ExitCode::from(2)
}

/// How many findings a command shows.
#[derive(clap::Args, Debug, Default)]
pub(super) struct Shown {
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    max_findings: Option<u64>,
}

impl Shown {
    pub(super) fn max_findings(&self) -> usize {
        self.max_findings
            .map_or(crate::diagnostic::DEFAULT_MAX_FINDINGS, |n| {
                usize::try_from(n).unwrap_or(usize::MAX)
            })
    }
}

/// Prints findings on stdout in `format`, each as it is rendered; a closed
/// pipe (`cxc check | head`) is not an error.
pub(super) fn print_findings(
    format: Format,
    diagnostics: &[crate::diagnostic::Diagnostic],
    sources: &crate::source::SourceMap,
) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match format {
        Format::Human => render::human(
            &mut out,
            diagnostics,
            sources,
            color(&std::io::stdout()),
            language(),
        ),
        Format::Json => render::json(&mut out, diagnostics, sources),
        Format::Sarif => {
            // Locations are relative to where cxc runs: `%SRCROOT%`.
            let base = std::env::current_dir()
                .and_then(std::fs::canonicalize)
                .unwrap_or_default();
            render::sarif(
                &mut out,
                diagnostics,
                &crate::explain::all(),
                sources,
                &base,
                language(),
            )
        }
        Format::Github => render::github(&mut out, diagnostics, sources),
    };
    let _ = written.and_then(|()| out.flush());
}

/// Findings for people on stderr, beside a command's own output.
pub(super) fn eprint_findings(
    diagnostics: &[crate::diagnostic::Diagnostic],
    sources: &crate::source::SourceMap,
) {
    let mut out = std::io::BufWriter::new(std::io::stderr().lock());
    let color = color(&std::io::stderr());
    let written = render::human(&mut out, diagnostics, sources, color, language());
    let _ = written.and_then(|()| out.flush());
}

/// A path an option names (`--templates`, `-o`, `cxc init DIR`), refused
/// like a spec's folder when it goes through a symbolic link out of the
/// folder cxc runs in: exit 2.
pub(super) fn check_named(option: &str, path: &std::path::Path) -> Result<(), ExitCode> {
    crate::loader::read::check_named(path).map_err(|e| {
        fail(&say(msg!(
            "cli-refused-path",
            option = option,
            path = crate::loader::display_name(path),
            reason = e.message()
        )))
    })
}
