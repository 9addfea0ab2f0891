//! `cxc measure`: the exports read row by row into a measurement, its
//! findings printed like `check`'s, and with `-o` the report files.

use super::*;
use crate::measure::flaws::{DataFile, Flaw};
use crate::measure::rows::{
    csv_chunked, csv_chunks, csv_rows, jsonl_rows, parquet_part, parquet_parts, parquet_rows,
    BadRow, Chunks, Columns, Contact, Part, Resolve, Row, Unresolved, Visit, CHUNK, PARQUET_MAGIC,
};
use crate::measure::{Measurement, Settings};
use crate::source::{FileKind, SourceFile, Span};

#[derive(clap::Args, Debug)]
pub(super) struct MeasureArgs {
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    contacts: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    cases: Option<PathBuf>,
    #[arg(long, value_parser = parse_date)]
    from: Option<Date>,
    #[arg(long, value_parser = parse_date)]
    to: Option<Date>,
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    shown: Shown,
}

pub(super) fn run_measure(args: MeasureArgs) -> ExitCode {
    if args.contacts.is_none() && args.cases.is_none() {
        return fail(&say(msg!("cli-measure-no-data")));
    }
    // The exports are data the user named, read wherever they are; the
    // report folder is written, so it is held to the spec folders' rule.
    if let Some(Err(code)) = args.out.as_ref().map(|out| check_named("-o", out)) {
        return code;
    }
    let mut compilation = match compile(
        &args.paths,
        None,
        &args.shown,
        args.config.as_deref(),
        Some(args.format),
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if compilation.has_errors() {
        let errors: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        // A CI job asking for JSON or SARIF gets the spec's errors there,
        // not an empty report.
        match args.format {
            Format::Human => eprint_findings(&errors, &compilation.sources),
            format => print_findings(format, &errors, &compilation.sources),
        }
        eprintln!("{}", say(msg!("cli-measure-spec-errors")));
        return ExitCode::from(1);
    }
    let pipeline::Compilation {
        sources,
        specs,
        declarations,
        ..
    } = &mut *compilation;
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
    let files = [args.contacts.as_deref(), args.cases.as_deref()];
    let mut diagnostics = data_findings(&spec.model, &report, files, sources);
    // A misspelt key of `exports.segments` leaves that segment's rows
    // under their export name, and so reported as unknown segments: the
    // key is said at its cxc.yaml line, as a build says it.
    crate::generate::config_keys::unknown_spec_keys(
        &spec.model,
        &config.exports,
        crate::generate::config_keys::Reader::Measure,
        &mut diagnostics,
    );
    config.apply(&mut diagnostics);
    crate::diagnostic::suppress::apply(&mut diagnostics, sources, declarations);
    pipeline::sort(&mut diagnostics);
    let limit = config
        .options(&check::Options {
            max_findings: args.shown.max_findings(),
            ..check::Options::default()
        })
        .max_findings;
    crate::diagnostic::cap(&mut diagnostics, |_| limit);
    localize(&mut diagnostics);
    print_findings(args.format, &diagnostics, sources);
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

/// The findings of a measurement (`bad-data` among them), each about an
/// export at its line: the export is added to `sources` as an opaque file
/// of that many lines, so its text is never quoted.
pub(super) fn data_findings(
    model: &crate::model::Model,
    report: &crate::measure::Report,
    [contacts, cases]: [Option<&std::path::Path>; 2],
    sources: &mut crate::source::SourceMap,
) -> Vec<crate::diagnostic::Diagnostic> {
    let mut data_files: Vec<(DataFile, Option<crate::source::FileId>)> = Vec::new();
    for (file, path) in [(DataFile::Contacts, contacts), (DataFile::Cases, cases)] {
        let last = report
            .flaws
            .all
            .iter()
            .filter(|((f, _), _)| *f == file)
            .filter_map(|(_, seen)| seen.first_lines.first().copied())
            .max();
        let id = path.zip(last).map(|(path, last)| {
            let lines = "\n".repeat(usize::try_from(last).unwrap_or(0).saturating_sub(1));
            sources.add(SourceFile::with_kind(
                path.to_path_buf(),
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
    crate::measure::findings::findings(model, report, &mut data_span)
}

/// Reads the exports into a measurement of one spec.
pub(super) fn measure_spec<'m>(
    spec: &'m pipeline::CheckedSpec,
    contacts: Option<&std::path::Path>,
    cases: Option<&std::path::Path>,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<crate::measure::Report, ExitCode> {
    let config = &spec.config;
    let settings = measure_settings(config, from, to);
    let columns = Columns(config.measure.columns.clone());
    let mut measurement = Measurement::new(&spec.model, settings.clone());
    if let Some(path) = contacts {
        let readers = readers();
        if let Some(chunks) = csv_chunks_of(path, readers, &columns) {
            // A large CSV export: read a chunk at a time by every reader,
            // each chunk into a measurement of its own, merged in the
            // file's order: the rows are independent.
            let open = |start: u64| open_at(path, start);
            let new = || Measurement::new(&spec.model, settings.clone());
            let merge = |mut part: Measurement<'m>, lines: u64| {
                part.shift_lines(lines);
                measurement.absorb(part);
            };
            csv_chunked::<Contact, _, _>(
                &chunks,
                &columns,
                readers,
                open,
                new,
                |m, row| m.contact(row),
                merge,
            )
            .map_err(|e| cannot_read(path, &e))?;
        } else {
            // The same for a large Parquet export, cut between row groups
            // into a part for each reader.
            let parts = parquet_parts_of(path, readers).unwrap_or_default();
            if parts.len() < 2 {
                let named = measurement.named();
                read::<Contact>(path, &columns, &named, |row| measurement.contact(row))?;
            } else {
                let parts = parts.into_iter().map(|part| {
                    let columns = &columns;
                    move |m: &mut Measurement<'_>| {
                        let named = m.named();
                        read_parquet(path, columns, part, &named, |row| m.contact(row))
                    }
                });
                for part in read_parts(&spec.model, &settings, parts.collect())? {
                    measurement.absorb(part);
                }
            }
        }
        measurement.read_all(DataFile::Contacts);
    }
    if let Some(path) = cases {
        read::<Visit>(path, &columns, &Unresolved, |row| measurement.visit(row))?;
        measurement.read_all(DataFile::Cases);
    }
    Ok(measurement.finish())
}

/// What cxc.yaml holds the exports to, for the days `from`..`to`.
pub(super) fn measure_settings(
    config: &crate::config::Config,
    from: Option<Date>,
    to: Option<Date>,
) -> Settings {
    Settings {
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
        pain: {
            let (measure, pain) = (&config.measure, crate::measure::Pain::default());
            crate::measure::Pain {
                effort: measure
                    .pain_effort
                    .or(config.max_effort)
                    .unwrap_or(pain.effort),
                dropoff: measure
                    .pain_dropoff
                    .or(config.max_dropoff)
                    .unwrap_or(pain.dropoff),
                csat: measure.pain_csat.unwrap_or(pain.csat),
            }
        },
        repeat_window: config
            .measure
            .repeat_window
            .unwrap_or(Settings::default().repeat_window),
        repeat_share: config
            .measure
            .repeat_share
            .unwrap_or(Settings::default().repeat_share),
        churn_share: config
            .measure
            .churn_share
            .unwrap_or(Settings::default().churn_share),
        self_service_target: config.measure.self_service_target,
    }
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

/// Exports smaller than this are read by one reader.
const SPLIT_FROM: u64 = 8 << 20;

/// How many readers read a large export: `CXC_MEASURE_READERS` when set
/// to a number, else one per core the process may use, and at least two.
fn readers() -> usize {
    let set = std::env::var("CXC_MEASURE_READERS").ok();
    match set.and_then(|n| n.trim().parse::<usize>().ok()) {
        Some(n) => n.clamp(1, 64),
        None => std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 64)),
    }
}

/// Reads every part in a thread of its own, each into a measurement of its
/// own: the measurements in the parts' order.
fn read_parts<'m, P>(
    model: &'m crate::model::Model,
    settings: &Settings,
    parts: Vec<P>,
) -> Result<Vec<Measurement<'m>>, ExitCode>
where
    P: FnOnce(&mut Measurement<'m>) -> Result<(), ExitCode> + Send,
{
    std::thread::scope(|scope| {
        let running: Vec<_> = parts
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    let mut measurement = Measurement::new(model, settings.clone());
                    part(&mut measurement).map(|()| measurement)
                })
            })
            .collect();
        running
            .into_iter()
            .map(|r| r.join().unwrap_or(Err(ExitCode::from(2))))
            .collect()
    })
}

/// The chunks of a large CSV contacts export ([`CHUNK`] bytes each, the
/// cuts guessed near their points and proven by the readers): None for
/// one reader, a small file, JSON Lines, Parquet, or a file separated by
/// other than commas (`read_csv` reads it whole).
fn csv_chunks_of(path: &std::path::Path, readers: usize, columns: &Columns) -> Option<Chunks> {
    if is_json_lines(path) || is_parquet(path) || readers < 2 {
        return None;
    }
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() < SPLIT_FROM {
        return None;
    }
    let mut head = [0u8; 2];
    std::io::Read::read_exact(&mut open_at(path, 0).ok()?, &mut head).ok()?;
    if is_utf16(&head) {
        return None;
    }
    let chunks = csv_chunks(metadata.len(), CHUNK, |start| open_at(path, start)).ok()??;
    if crate::measure::delimiter::of_header(&chunks.header.join(","), columns) != b',' {
        return None;
    }
    Some(chunks)
}

/// Whether an export starts with a UTF-16 byte-order mark: its every
/// other byte is NUL, and no row of it reads as UTF-8.
fn is_utf16(head: &[u8]) -> bool {
    head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff])
}

/// A regular file from byte `start` on.
fn open_at(path: &std::path::Path, start: u64) -> std::io::Result<std::fs::File> {
    let mut file = std::fs::File::open(path)?;
    std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(start))?;
    Ok(file)
}

/// Opens an export: a file, or a pipe (`--contacts /dev/stdin`, a process
/// substitution). A device, socket or folder is refused at once: `/dev/zero`
/// would be read for ever.
fn open(path: &std::path::Path) -> Result<std::fs::File, ExitCode> {
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, &e))?;
    let kind = file
        .metadata()
        .map_err(|e| cannot_read(path, &e))?
        .file_type();
    #[cfg(unix)]
    let pipe = std::os::unix::fs::FileTypeExt::is_fifo(&kind);
    #[cfg(not(unix))]
    let pipe = false;
    if kind.is_file() || pipe {
        return Ok(file);
    }
    Err(fail(&say(msg!(
        "cli-measure-not-a-file",
        path = crate::loader::display_name(path)
    ))))
}

fn cannot_read(path: &std::path::Path, e: &std::io::Error) -> ExitCode {
    fail(&say(msg!(
        "cli-measure-cannot-read",
        path = crate::loader::display_name(path),
        error = e.to_string()
    )))
}

fn is_json_lines(path: &std::path::Path) -> bool {
    has_extension(path, &["jsonl", "ndjson"])
}

fn has_extension(path: &std::path::Path, names: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| names.iter().any(|n| e.eq_ignore_ascii_case(n)))
}

/// A Parquet export: named so, or a file that starts as Parquet files do
/// (whatever it is called — a warehouse's export may have no extension).
fn is_parquet(path: &std::path::Path) -> bool {
    if has_extension(path, &["parquet", "pq"]) {
        return true;
    }
    // Only a regular file is looked into: opening a pipe twice would block
    // or lose its first bytes.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut start = [0u8; 4];
    std::io::Read::read_exact(&mut file, &mut start).is_ok() && &start == PARQUET_MAGIC
}

/// A Parquet export large enough for several readers, cut between its row
/// groups into at most `n` parts.
fn parquet_parts_of(path: &std::path::Path, n: usize) -> Option<Vec<Part>> {
    if !is_parquet(path) || std::fs::metadata(path).ok()?.len() < SPLIT_FROM {
        return None;
    }
    parquet_parts(std::fs::File::open(path).ok()?, n)
}

/// Reads one part of a large Parquet export; a column refused is said by
/// the part holding the first row (every part refuses it alike).
fn read_parquet(
    path: &std::path::Path,
    columns: &Columns,
    part: Part,
    names: &dyn Resolve,
    mut each: impl FnMut(Result<crate::measure::rows::Contact<&str>, BadRow>),
) -> Result<(), ExitCode> {
    let first = part.first_row == 1;
    if let Err(refusal) = parquet_part::<Contact>(open(path)?, columns, part, names, &mut each) {
        if first {
            each(Err(refusal.bad_row()));
        }
    }
    Ok(())
}

/// Streams an export's rows into `each`; an export that cannot be opened
/// stops the run (exit 2), a bad row never does. A Parquet export's
/// dictionaries have their names resolved by `names`.
fn read<T: Row>(
    path: &std::path::Path,
    columns: &Columns,
    names: &dyn Resolve,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Result<(), ExitCode> {
    // Named as Parquet but not a file: refused before it is opened (opening
    // a pipe waits for its writer).
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    if has_extension(path, &["parquet", "pq"]) && !regular {
        return Err(fail(&say(msg!(
            "cli-measure-parquet-pipe",
            path = crate::loader::display_name(path)
        ))));
    }
    let file = open(path)?;
    if is_parquet(path) {
        // A column refused, or a file that is not Parquet, is the export's
        // `bad-data` in every format: no row of it is read.
        if let Err(refusal) = parquet_rows::<T>(file, columns, names, &mut each) {
            each(Err(refusal.bad_row()));
        }
        return Ok(());
    }
    if is_json_lines(path) {
        jsonl_rows::<T>(
            std::io::BufReader::with_capacity(1 << 16, file),
            columns,
            each,
        );
    } else {
        read_csv::<T>(path, file, columns, each)?;
    }
    Ok(())
}

/// A CSV export with the delimiter its header shows (`measure::delimiter`):
/// one separated by `;` or tabs is rewritten with commas first, and a note
/// says how it was read.
fn read_csv<T: Row>(
    path: &std::path::Path,
    mut file: std::fs::File,
    columns: &Columns,
    mut each: impl FnMut(Result<T::Of<'_>, BadRow>),
) -> Result<(), ExitCode> {
    use std::io::Read;
    let mut head = Vec::new();
    (&mut file)
        .take(1 << 16)
        .read_to_end(&mut head)
        .map_err(|e| cannot_read(path, &e))?;
    if is_utf16(&head) {
        each(Err(BadRow::unread(1, Flaw::NotUtf8)));
        return Ok(());
    }
    let delimiter = crate::measure::delimiter::of_header(
        &crate::measure::delimiter::first_line(&head),
        columns,
    );
    let input = std::io::Cursor::new(head).chain(file);
    if delimiter == b',' {
        csv_rows::<T>(input, columns, each);
        return Ok(());
    }
    let commas = crate::measure::delimiter::to_commas(input, delimiter)
        .map_err(|e| cannot_read(path, &e))?;
    eprintln!(
        "{}",
        say(msg!(
            "cli-measure-delimiter",
            path = crate::loader::display_name(path),
            delimiter = if delimiter == b';' {
                "semicolon"
            } else {
                "tab"
            }
        ))
    );
    csv_rows::<T>(commas.as_slice(), columns, each);
    Ok(())
}
