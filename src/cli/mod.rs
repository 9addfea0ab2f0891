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

mod io;
mod measure;
mod tools;

use io::*;
use measure::*;
use tools::*;

#[derive(Parser, Debug)]
#[command(
    name = "cxc",
    version,
    disable_help_subcommand = true,
    about = "A compiler for customer-service standards (the cx language)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour in human-readable output; `auto` colours a terminal unless
    /// NO_COLOR is set, and FORCE_COLOR colours any output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The language of messages and documents. Messages default to the spec's
    /// `language`, else the locale (LC_ALL, LC_MESSAGES, LANG), else English;
    /// documents to the spec's `language`, else English.
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// The largest file a spec may make cxc read (`64MB`, `512KB`, `1GB`;
    /// default 64 MB, at most 2 GB). A spec's `limits.file_size` in
    /// cxc.yaml can only lower it: raising it takes this flag.
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
    /// Check a spec and report problems.
    Check(CheckArgs),
    /// Generate policies, journey maps, job descriptions and routing config.
    Build(BuildArgs),
    /// Staff every queue with a forecast: Erlang C, or Erlang A with `patience`.
    Staff(StaffArgs),
    /// Hold the contact centre's exports against the standards: SLAs per
    /// segment, promises, complaints and journeys as customers lived them.
    Measure(MeasureArgs),
    /// Print a journey's graph (Mermaid or Graphviz DOT) on stdout.
    Graph(GraphArgs),
    /// Lay out `.cx` files in the one canonical style (comments kept).
    Fmt(FmtArgs),
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
    /// Start a spec: a commented example that passes `check`, its cxc.yaml
    /// and a GitHub workflow. Writes nothing over existing files.
    Init(InitArgs),
    /// Print a shell's completion script: `cxc completions bash > ~/.local/share/bash-completion/completions/cxc`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `cxc man > cxc.1 && man ./cxc.1`.
    Man,
    /// Help on a command, or `cxc help language`: the cx language in short.
    Help {
        /// `language`, or a command such as `build`.
        topic: Option<String>,
    },
    /// Explain a diagnostic code (or list all codes).
    Explain {
        /// A code such as `dead-end`.
        code: Option<String>,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// `.cx` files or folders (every `*.cx` below them); default: the current folder.
    paths: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Make warnings fail the run too.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// The date `stale-review` counts from (YYYY-MM-DD); default: the system date.
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    /// A cxc.yaml to use instead of the one beside the spec.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    shown: Shown,
    /// Check again each time a spec file is saved (Ctrl-C stops).
    #[arg(long)]
    watch: bool,
}

#[derive(clap::Args, Debug)]
struct InitArgs {
    /// The repository's root folder; default: the current folder. The spec
    /// goes to DIR/standards, the workflow to DIR/.github/workflows/cxc.yml.
    dir: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct FmtArgs {
    /// `.cx` files or folders (every `*.cx` below them); default: the current
    /// folder. `-` formats standard input to standard output.
    paths: Vec<PathBuf>,
    /// Change nothing: print a diff of what would change, exit 1 if anything would.
    #[arg(long)]
    check: bool,
}

#[derive(clap::Args, Debug)]
struct BuildArgs {
    /// `.cx` files or folders (every `*.cx` below them); default: the current folder.
    paths: Vec<PathBuf>,
    /// The output folder; files cxc did not generate there are left alone.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: PathBuf,
    /// A folder whose templates replace the built-in ones of the same name.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The date `stale-review` counts from (YYYY-MM-DD); default: the system date.
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    /// A cxc.yaml to use instead of the one beside the spec.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// What to write (comma-separated or repeated); default: everything.
    #[arg(long, value_enum, value_delimiter = ',')]
    target: Vec<BuildTarget>,
    /// A contacts export (as for `cxc measure`): measured figures go beside
    /// the targets in the standards.
    #[arg(long, value_name = "FILE")]
    contacts: Option<PathBuf>,
    /// A cases export: measured time, drop-off and CSAT per step go on the
    /// journey maps.
    #[arg(long, value_name = "FILE")]
    cases: Option<PathBuf>,
    #[command(flatten)]
    shown: Shown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum BuildTarget {
    /// Markdown policies, journey maps, job descriptions, routing.yaml/json, model.json.
    Docs,
    /// routing/zendesk-sla-policies.json
    Zendesk,
    /// routing/taskrouter-workflow.json
    Taskrouter,
    /// journeys/<journey>.bpmn
    Bpmn,
    /// The HTML site under site/.
    Site,
}

#[derive(clap::Args, Debug)]
struct GraphArgs {
    /// The journey's identifier.
    journey: String,
    /// `.cx` files or folders; default: the current folder.
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

#[derive(clap::Args, Debug)]
struct StaffArgs {
    /// `.cx` files or folders (every `*.cx` below them); default: the current folder.
    paths: Vec<PathBuf>,
    /// A table per queue and interval, or JSON.
    #[arg(long, value_enum, default_value_t = StaffFormat::Table)]
    format: StaffFormat,
    /// A cxc.yaml to use instead of the one beside the spec.
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
    Date::parse(text).map_err(|m| m.text(crate::syntax::values::Language::En))
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let _ = COLOR.set(cli.color);
    let _ = LANG.set(cli.lang.map(|l| match l {
        Lang::En => Language::En,
        Lang::Ru => Language::Ru,
    }));
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
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "cxc", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            match clap_mangen::Man::new(command).render(&mut page) {
                Ok(()) => {
                    print(&String::from_utf8_lossy(&page));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&say(msg!("cli-man-failed", error = e.to_string()))),
            }
        }
        Command::Explain { code } => run_explain(code.as_deref()),
        Command::Help { topic } => run_help(topic.as_deref()),
    }
}

/// `cxc help language` prints the language reference; `cxc help COMMAND`
/// that command's help; `cxc help` everything cxc does.
fn run_help(topic: Option<&str>) -> ExitCode {
    let mut command = <Cli as clap::CommandFactory>::command();
    // Built, so a command's usage line names `cxc`.
    command.build();
    match topic {
        Some("language") => {
            print(&crate::explain::language(language()));
            ExitCode::SUCCESS
        }
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => {
                print(&sub.render_long_help().to_string());
                ExitCode::SUCCESS
            }
            None => fail(&say(msg!(
                "cli-no-help",
                topic = crate::escape::shorten(name, 40)
            ))),
        },
        None => {
            print(&command.render_long_help().to_string());
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
    let compilation = match compile(&args.paths, args.today, &args.shown, args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if compilation.has_errors() {
        eprint_findings(&compilation.diagnostics, &compilation.sources);
        eprintln!("{}", say(msg!("cli-nothing-written")));
        return ExitCode::from(1);
    }
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
            })
            .collect()
    };
    let mut diagnostics = compilation.diagnostics.clone();
    let several = compilation.specs.len() > 1;
    let mut files = generate::Files::new();
    let mut stems = generate::files::Stems::default();
    for spec in &compilation.specs {
        // Documents never follow the locale: a build is the same on every machine.
        let language = explicit_language()
            .or_else(|| spec.model.service.as_ref().and_then(|s| s.language))
            .unwrap_or(Language::En);
        let checks = spec.config.options(&check::Options {
            today: args.today,
            max_findings: args.shown.max_findings(),
            ..check::Options::default()
        });
        let measured = if args.contacts.is_some() || args.cases.is_some() {
            match measure_spec(
                spec,
                args.contacts.as_deref(),
                args.cases.as_deref(),
                None,
                None,
            ) {
                Ok(report) => Some(crate::generate::report::MeasureView::new(
                    &spec.model,
                    &report,
                )),
                Err(code) => return code,
            }
        } else {
            None
        };
        let options = generate::Options {
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
            Err(e) => return fail(&e),
        };
        spec.config.apply(&mut problems);
        crate::diagnostic::suppress::apply(&mut problems, &compilation.sources);
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
    if !diagnostics.is_empty() {
        eprint_findings(&diagnostics, &compilation.sources);
    }
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
    let compilation = match compile(&args.paths, args.today, &args.shown, args.config.as_deref()) {
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
        let mut out = String::new();
        for doc in crate::explain::all() {
            let severity = match doc.code.default_severity() {
                Severity::Error => "error  ",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "{:<30} {severity} {}\n",
                doc.code.as_str(),
                doc.summary(language())
            ));
        }
        print(&out);
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
