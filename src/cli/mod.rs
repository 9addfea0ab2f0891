//! The command line. Thin: parse arguments, call the pipeline, print, and map
//! the outcome to an exit status (0 clean, 1 findings, 2 could not run).

use crate::check;
use crate::diagnostic::{closest, render, Code, Severity, Summary};
use crate::i18n::Message;
use crate::msg;
use crate::pipeline;
use crate::syntax::values::Date;
use crate::syntax::values::Language;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

mod help;
mod io;
mod measure;
mod tools;

use io::*;
use measure::*;
use tools::*;

// Every summary and argument help is in the catalogues (`cli-cmd-NAME` in
// src/i18n/words.{en,ru}.ftl), rendered by `help`; a test holds every
// command and argument to having one.
#[derive(Parser, Debug)]
#[command(name = "cxc", version, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_file_size)]
    max_file_size: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The `--color` of this run, set once in `main`.
static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();
#[derive(Subcommand, Debug)]
enum Command {
    Check(CheckArgs),
    Build(BuildArgs),
    Staff(StaffArgs),
    Measure(MeasureArgs),
    Graph(GraphArgs),
    Fmt(FmtArgs),
    Lsp,
    Init(InitArgs),
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    Man,
    Help {
        topic: Option<String>,
    },
    Explain {
        code: Option<String>,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    shown: Shown,
    #[arg(long)]
    watch: bool,
}

#[derive(clap::Args, Debug)]
struct InitArgs {
    dir: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct FmtArgs {
    paths: Vec<PathBuf>,
    #[arg(long)]
    check: bool,
}

#[derive(clap::Args, Debug)]
struct BuildArgs {
    paths: Vec<PathBuf>,
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: PathBuf,
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[arg(long, value_enum, value_delimiter = ',')]
    target: Vec<BuildTarget>,
    #[arg(long, value_name = "FILE")]
    contacts: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    cases: Option<PathBuf>,
    /// Findings on stdout in this form, as `check` prints them (audit 16,
    /// L10: a CI job reads the export warnings as JSON or SARIF); none:
    /// for people, on stderr.
    #[arg(long, value_enum)]
    format: Option<Format>,
    #[command(flatten)]
    shown: Shown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum BuildTarget {
    Docs,
    Zendesk,
    Taskrouter,
    Bpmn,
    Site,
    /// dbt/: a dbt project computing cxc measure's figures in a warehouse
    /// (not built unless named).
    Dbt,
}

#[derive(clap::Args, Debug)]
struct GraphArgs {
    journey: String,
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
    format: GraphFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum GraphFormat {
    Mermaid,
    Dot,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Lang {
    En,
    Ru,
}

impl Lang {
    fn language(self) -> Language {
        match self {
            Lang::En => Language::En,
            Lang::Ru => Language::Ru,
        }
    }
}

#[derive(clap::Args, Debug)]
struct StaffArgs {
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = StaffFormat::Table)]
    format: StaffFormat,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StaffFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Deny {
    Warnings,
}

fn parse_file_size(text: &str) -> Result<u64, String> {
    let max = crate::source::MAX_FILE_SIZE;
    match crate::config::size(text) {
        Some(n) if n > 0 && n <= max => Ok(n),
        _ => Err(say(msg!(
            "cli-file-size",
            max = crate::loader::read::bytes(max)
        ))),
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(say)
}

pub fn main() -> ExitCode {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `--lang` is read ahead, so that help and argument errors are in it.
    let _ = LANG.set(help::language_flag(&args));
    let parsed = help::command(language())
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // The arguments are the user's, but a pasted one may hold
            // terminal controls: shown, not run.
            let text = help::render_error(&e, language());
            let text = crate::escape::terminal(&text, true);
            if e.use_stderr() {
                eprint!("{text}");
                return ExitCode::from(2);
            }
            print(&text);
            return ExitCode::SUCCESS;
        }
    };
    // clap read the same `--lang` as the look ahead.
    debug_assert_eq!(cli.lang.map(Lang::language), explicit_language());
    let _ = COLOR.set(cli.color);
    let _ = LIMITS.set(crate::loader::read::Limits {
        file_size: cli
            .max_file_size
            .unwrap_or(crate::loader::read::DEFAULT_FILE_LIMIT),
    });
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Staff(args) => run_staff(args),
        Command::Measure(args) => run_measure(args),
        Command::Build(args) => run_build(args),
        Command::Graph(args) => run_graph(args),
        Command::Fmt(args) => run_fmt(args),
        Command::Init(args) => run_init(args),
        Command::Lsp => match crate::lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&say(msg!("cli-lsp-stopped", error = e.to_string()))),
        },
        Command::Completions { shell } => {
            let mut command = help::command(language());
            clap_complete::generate(shell, &mut command, "cxc", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => match help::man_page(language()) {
            Ok(page) => {
                print(&page);
                ExitCode::SUCCESS
            }
            Err(e) => fail(&say(msg!("cli-man-failed", error = e.to_string()))),
        },
        Command::Explain { code } => run_explain(code.as_deref()),
        Command::Help { topic } => run_help(topic.as_deref()),
    }
}

/// `cxc help language` prints the language reference; `cxc help COMMAND`
/// that command's help; `cxc help` everything cxc does.
fn run_help(topic: Option<&str>) -> ExitCode {
    let mut command = help::command(language());
    // Built, so a command's usage line names `cxc`.
    command.build();
    match topic {
        Some("language") => {
            print(&crate::explain::language(language()));
            ExitCode::SUCCESS
        }
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => {
                print(&help::placeholders(
                    &sub.render_long_help().to_string(),
                    language(),
                ));
                ExitCode::SUCCESS
            }
            None => fail(&say(msg!(
                "cli-no-help",
                topic = crate::escape::shorten(name, 40)
            ))),
        },
        None => {
            print(&help::placeholders(
                &command.render_long_help().to_string(),
                language(),
            ));
            ExitCode::SUCCESS
        }
    }
}

/// Renders every spec in memory and writes only when all of it succeeded, so
/// a spec with errors or a broken template leaves the previous output as it was.
fn run_build(args: BuildArgs) -> ExitCode {
    use crate::generate;
    let named = [
        ("-o", Some(&args.out)),
        ("--templates", args.templates.as_ref()),
    ];
    for (option, path) in named {
        if let Err(code) = path.map_or(Ok(()), |p| check_named(option, p)) {
            return code;
        }
    }
    let mut compilation = match compile(
        &args.paths,
        args.today,
        &args.shown,
        args.config.as_deref(),
        args.format,
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // The findings: in `--format` on stdout, else for people on stderr.
    let report = |diagnostics: &[crate::diagnostic::Diagnostic],
                  sources: &crate::source::SourceMap| match args.format {
        Some(format) => print_findings(format, diagnostics, sources),
        None if diagnostics.is_empty() => {}
        None => eprint_findings(diagnostics, sources),
    };
    if compilation.has_errors() {
        report(&compilation.diagnostics, &compilation.sources);
        eprintln!("{}", say(msg!("cli-nothing-written")));
        return ExitCode::from(1);
    }
    let pipeline::Compilation {
        sources,
        specs,
        declarations,
        diagnostics: checked,
    } = &mut *compilation;
    let targets: Vec<generate::Target> = if args.target.is_empty() {
        generate::Target::ALL.to_vec()
    } else {
        args.target
            .iter()
            .map(|t| match t {
                BuildTarget::Docs => generate::Target::Docs,
                BuildTarget::Zendesk => generate::Target::Zendesk,
                BuildTarget::Taskrouter => generate::Target::Taskrouter,
                BuildTarget::Bpmn => generate::Target::Bpmn,
                BuildTarget::Site => generate::Target::Site,
                BuildTarget::Dbt => generate::Target::Dbt,
            })
            .collect()
    };
    let mut diagnostics = checked.clone();
    let several = specs.len() > 1;
    let mut files = generate::Files::new();
    let mut stems = generate::files::Stems::default();
    for spec in specs.iter() {
        // Documents never follow the locale: a build is the same on every machine.
        let language = explicit_language()
            .or_else(|| spec.model.service.as_ref().and_then(|s| s.language))
            .unwrap_or(Language::En);
        let checks = spec.config.options(&check::Options {
            today: args.today,
            max_findings: args.shown.max_findings(),
            ..check::Options::default()
        });
        // The rows set aside are said as `cxc measure` says them, as
        // warnings: bad rows are never fatal, and the documents are
        // written with the figures of the good ones.
        let mut data_problems = Vec::new();
        let measured = if args.contacts.is_some() || args.cases.is_some() {
            let files = [args.contacts.as_deref(), args.cases.as_deref()];
            match measure_spec(spec, files[0], files[1], None, None) {
                Ok(report) => {
                    data_problems = measure::data_findings(&spec.model, &report, files, sources);
                    data_problems.retain(|d| d.code == crate::diagnostic::Code::BadData);
                    for d in &mut data_problems {
                        d.severity = Severity::Warning;
                    }
                    Some(crate::generate::report::MeasureView::new(
                        &spec.model,
                        &report,
                    ))
                }
                Err(code) => return code,
            }
        } else {
            None
        };
        let settings = measure_settings(&spec.config, None, None);
        let columns = crate::measure::rows::Columns(spec.config.measure.columns.clone());
        let options = generate::Options {
            measure: &settings,
            columns: &columns,
            language,
            templates: args.templates.as_deref(),
            targets: &targets,
            exports: &spec.config.exports,
            today: args.today,
            checks: &checks,
            measured: measured.as_ref(),
        };
        let (rendered, mut problems) = match generate::render(&spec.model, &spec.staffing, &options)
        {
            Ok(f) => f,
            // A template that cannot be used is a finding of its own, in
            // every format; cxc could not do its work (exit 2).
            Err(generate::Failure::Template(e)) => {
                let mut found = vec![e.diagnostic(sources, spec.root.as_deref())];
                localize(&mut found);
                diagnostics.extend(found);
                report(&diagnostics, sources);
                eprintln!("{}", say(msg!("cli-nothing-written")));
                return ExitCode::from(2);
            }
            Err(generate::Failure::Other(e)) => return fail(&e),
        };
        problems.extend(data_problems);
        spec.config.apply(&mut problems);
        crate::diagnostic::suppress::apply(&mut problems, sources, declarations);
        crate::diagnostic::sort(&mut problems);
        crate::diagnostic::cap(&mut problems, |_| checks.max_findings);
        localize(&mut problems);
        diagnostics.extend(problems);
        let prefix = if several {
            let name = spec
                .root
                .as_ref()
                .and_then(|r| r.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "spec".into());
            format!("{}/", stems.unique(&name))
        } else {
            String::new()
        };
        files.extend(
            rendered
                .into_iter()
                .map(|(path, bytes)| (format!("{prefix}{path}"), bytes)),
        );
    }
    report(&diagnostics, sources);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        eprintln!("{}", say(msg!("cli-nothing-written")));
        return ExitCode::from(1);
    }
    let written = match generate::output::write(&args.out, &files) {
        Ok(w) => w,
        Err(e) => return fail(&e),
    };
    let shown =
        crate::escape::terminal(&crate::loader::display_name(&args.out), false).into_owned();
    let inside = |path: &String| format!("{shown}/{}", crate::escape::terminal(path, false));
    for path in &written.removed {
        eprintln!("{}", say(msg!("cli-removed", path = inside(path))));
    }
    for path in &written.kept {
        eprintln!("{}", say(msg!("cli-kept", path = inside(path))));
    }
    eprintln!(
        "{}",
        say(msg!("cli-wrote", count = written.files, folder = shown))
    );
    ExitCode::SUCCESS
}

fn run_check(args: CheckArgs) -> ExitCode {
    if !args.watch {
        return check_once(&args);
    }
    // Nothing is watched through a link out of the working folder.
    for path in &args.paths {
        if let Err(code) = check_named("--watch", path) {
            return code;
        }
    }
    let watcher = match crate::loader::watch::Watcher::new(&args.paths) {
        Ok(w) => w,
        Err(e) => return fail(&e),
    };
    loop {
        check_once(&args);
        match watcher.wait() {
            Ok(changed) => {
                let names: Vec<String> = changed
                    .iter()
                    .map(|p| crate::loader::display_name(p))
                    .collect();
                let files = crate::escape::terminal(&names.join(", "), false).into_owned();
                print(&format!(
                    "\n{}\n",
                    say(msg!("cli-watch-changed", files = files))
                ));
            }
            Err(e) => return fail(&say(msg!("cli-watch-stopped", error = e.to_string()))),
        }
    }
}

/// One check: prints the findings, returns the exit status. Under `--watch`
/// the compilation is freed after each round.
fn check_once(args: &CheckArgs) -> ExitCode {
    let compilation = match compile(
        &args.paths,
        args.today,
        &args.shown,
        args.config.as_deref(),
        Some(args.format),
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let diagnostics = &compilation.diagnostics;
    print_findings(args.format, diagnostics, &compilation.sources);
    let summary = Summary::of(diagnostics);
    let failing = summary.errors > 0 || (args.deny.is_some() && summary.warnings > 0);
    if args.watch {
        drop(ManuallyDrop::into_inner(compilation));
    }
    ExitCode::from(u8::from(failing))
}

fn run_explain(code: Option<&str>) -> ExitCode {
    let Some(name) = code else {
        print(&crate::explain::list(language()));
        return ExitCode::SUCCESS;
    };
    match Code::parse(name).and_then(crate::explain::doc) {
        Some(doc) => {
            print(&crate::explain::render(doc, language()));
            ExitCode::SUCCESS
        }
        None => {
            let code = crate::escape::shorten(name, 80);
            fail(&say(
                match closest(name, Code::ALL.iter().map(|c| c.as_str())) {
                    Some(c) => msg!("cli-no-code-like", code = code, like = c),
                    None => msg!("cli-no-code", code = code),
                },
            ))
        }
    }
}
