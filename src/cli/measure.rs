//! `cxc measure`: the exports read row by row into a measurement, its
//! findings printed like `check`'s, and with `-o` the report files.

use super::*;
use crate::measure::flaws::DataFile;
use crate::measure::rows::{csv_rows, jsonl_rows, BadRow, Columns, Row};
use crate::measure::{Measurement, Settings};
use crate::source::{FileKind, SourceFile, Span};

#[derive(clap::Args, Debug)]
pub(super) struct MeasureArgs {
    /// `.cx` files or folders (every `*.cx` below them); default: the current folder.
    paths: Vec<PathBuf>,
    /// The contacts export: CSV with a header row, or JSON Lines (`.jsonl`, `.ndjson`).
    #[arg(long, value_name = "FILE")]
    contacts: Option<PathBuf>,
    /// The cases export: one row per step visit (`case,journey,step,entered[,left]`).
    #[arg(long, value_name = "FILE")]
    cases: Option<PathBuf>,
    /// The first day measured (YYYY-MM-DD, in the spec's time zone); default: all rows.
    #[arg(long, value_parser = parse_date)]
    from: Option<Date>,
    /// The last day measured, inclusive.
    #[arg(long, value_parser = parse_date)]
    to: Option<Date>,
    /// Also write report.md, report.html and measure.json to this folder.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: Option<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Make warnings fail the run too.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// A cxc.yaml to use instead of the one beside the spec.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

pub(super) fn run_measure(args: MeasureArgs) -> ExitCode {
    if args.contacts.is_none() && args.cases.is_none() {
        return fail(&say(msg!("cli-measure-no-data")));
    }
    let mut compilation = match compile(&args.paths, None, args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if compilation.has_errors() {
        let color = color(&std::io::stderr());
        let errors: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        eprint!(
            "{}",
            render::human(&errors, &compilation.sources, color, language())
        );
        eprintln!("{}", say(msg!("cli-measure-spec-errors")));
        return ExitCode::from(1);
    }
    let pipeline::Compilation { sources, specs, .. } = &mut *compilation;
    let [spec] = specs.as_slice() else {
        return fail(&say(msg!("cli-measure-one-spec")));
    };
    let report = match measure_spec(
        spec,
        args.contacts.as_deref(),
        args.cases.as_deref(),
        args.from,
        args.to,
    ) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let config = &spec.config;
    // Findings about an export point at its line; its text is never quoted.
    let mut data_files: Vec<(DataFile, Option<crate::source::FileId>)> = Vec::new();
    for (file, path) in [
        (DataFile::Contacts, &args.contacts),
        (DataFile::Cases, &args.cases),
    ] {
        let last = report
            .flaws
            .0
            .iter()
            .filter(|((f, _), _)| *f == file)
            .filter_map(|(_, seen)| seen.first_lines.first().copied())
            .max();
        let id = path.as_ref().zip(last).map(|(path, last)| {
            let lines = "\n".repeat(usize::try_from(last).unwrap_or(0).saturating_sub(1));
            sources.add(SourceFile::with_kind(
                path.clone(),
                crate::loader::display_name(path),
                lines,
                FileKind::Opaque,
            ))
        });
        data_files.push((file, id));
    }
    let mut data_span = |file: DataFile, line: u64| {
        let id = data_files
            .iter()
            .find(|(f, _)| *f == file)
            .and_then(|(_, id)| *id)
            .expect("a file with flaws has a source");
        let source = sources.get(id);
        let start = source.line_start(usize::try_from(line).unwrap_or(1).saturating_sub(1));
        Span::new(id, start, start)
    };
    let mut diagnostics = crate::measure::findings::findings(&spec.model, &report, &mut data_span);
    config.apply(&mut diagnostics);
    crate::diagnostic::suppress::apply(&mut diagnostics, sources);
    localize(&mut diagnostics);
    pipeline::sort(&mut diagnostics);
    let text = match args.format {
        Format::Human => {
            let color = color(&std::io::stdout());
            render::human(&diagnostics, sources, color, language())
        }
        Format::Json => render::json(&diagnostics, sources),
        Format::Sarif => {
            let base = std::env::current_dir()
                .and_then(std::fs::canonicalize)
                .unwrap_or_default();
            render::sarif(&diagnostics, sources, &base, language())
        }
        Format::Github => render::github(&diagnostics, sources),
    };
    print(&text);
    if let Some(out) = &args.out {
        let language = explicit_language()
            .or_else(|| spec.model.service.as_ref().and_then(|s| s.language))
            .unwrap_or(Language::En);
        let files = crate::generate::report::render(&spec.model, &report, language);
        let files = match files {
            Ok(f) => f,
            Err(e) => return fail(&e),
        };
        if let Err(e) = crate::generate::output::write(out, &files) {
            return fail(&e);
        }
        let shown = crate::escape::terminal(&crate::loader::display_name(out), false).into_owned();
        eprintln!(
            "{}",
            say(msg!("cli-wrote", count = files.len(), folder = shown))
        );
    }
    let summary = Summary::of(&diagnostics);
    let failing = summary.errors > 0 || (args.deny.is_some() && summary.warnings > 0);
    ExitCode::from(u8::from(failing))
}

/// Reads the exports into a measurement of one spec.
pub(super) fn measure_spec(
    spec: &pipeline::CheckedSpec,
    contacts: Option<&std::path::Path>,
    cases: Option<&std::path::Path>,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<crate::measure::Report, ExitCode> {
    let config = &spec.config;
    let settings = Settings {
        promise_keep_rate: config
            .measure
            .promise_keep_rate
            .unwrap_or(Settings::default().promise_keep_rate),
        deadline_rate: config
            .measure
            .deadline_rate
            .unwrap_or(Settings::default().deadline_rate),
        max_handoffs: config.max_handoffs.unwrap_or(3),
        from,
        to,
        segment_names: segment_names(&config.exports),
        channel_names: config
            .exports
            .channel_values
            .iter()
            .map(|(id, name)| (id.clone(), vec![name.clone()]))
            .collect(),
    };
    let columns = Columns(config.measure.columns.clone());
    let mut measurement = Measurement::new(&spec.model, settings);
    if let Some(path) = contacts {
        read(path, &columns, |row| measurement.contact(row))?;
    }
    if let Some(path) = cases {
        read(path, &columns, |row| measurement.visit(row))?;
    }
    Ok(measurement.finish())
}

/// What a row may call a segment besides its id: its export name, and the
/// Zendesk organizations `exports.zendesk.organizations` gives it.
fn segment_names(
    exports: &crate::config::Exports,
) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut names: std::collections::BTreeMap<String, Vec<String>> = exports
        .segment_values
        .iter()
        .map(|(id, name)| (id.clone(), vec![name.clone()]))
        .collect();
    for (id, organizations) in &exports.zendesk_organizations {
        let list = names.entry(id.clone()).or_default();
        list.extend(organizations.iter().map(u64::to_string));
    }
    names
}

/// Streams an export's rows into `each`; an export that cannot be opened
/// stops the run (exit 2), a bad row never does.
fn read<T: Row>(
    path: &std::path::Path,
    columns: &Columns,
    each: impl FnMut(Result<T, BadRow>),
) -> Result<(), ExitCode> {
    let file = std::fs::File::open(path).map_err(|e| {
        fail(&say(msg!(
            "cli-measure-cannot-read",
            path = crate::loader::display_name(path),
            error = e.to_string()
        )))
    })?;
    let lines = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    if lines {
        jsonl_rows(
            std::io::BufReader::with_capacity(1 << 16, file),
            columns,
            each,
        );
    } else {
        csv_rows(file, columns, each);
    }
    Ok(())
}
