//! The command line. Thin: parse arguments, call the pipeline, print, and map
//! the outcome to an exit status (0 clean, 1 findings, 2 could not run).

use crate::check;
use crate::diagnostic::{closest, render, Code, Severity, Summary};
use crate::pipeline;
use crate::syntax::values::Date;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "cxc",
    version,
    about = "A compiler for customer-service standards (the cx language)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour in human-readable output; `auto` colours a terminal unless
    /// NO_COLOR is set, and FORCE_COLOR colours any output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
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
    /// Check again each time a spec file is saved (Ctrl-C stops).
    #[arg(long)]
    watch: bool,
}

#[derive(clap::Args, Debug)]
struct InitArgs {
    /// The repository's root folder; default: the current folder. The spec
    /// goes to DIR/standards, the workflow to DIR/.github/workflows/cxc.yml.
    dir: Option<PathBuf>,
    /// The language of the example spec and its documents.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
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
    /// The documents' language; default: the spec's `language`, else English.
    #[arg(long, value_enum)]
    lang: Option<Lang>,
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

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
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
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Staff(args) => run_staff(args),
        Command::Build(args) => run_build(args),
        Command::Graph(args) => run_graph(args),
        Command::Fmt(args) => run_fmt(args),
        Command::Init(args) => run_init(args),
        Command::Lsp => match crate::lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("the language server stopped: {e}")),
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
                Err(e) => fail(&format!("cannot write the man page: {e}")),
            }
        }
        Command::Explain { code } => run_explain(code.as_deref()),
    }
}

/// Renders every spec in memory and writes only when all of it succeeded, so
/// a spec with errors or a broken template leaves the previous output as it was.
fn run_build(args: BuildArgs) -> ExitCode {
    use crate::generate;
    use crate::syntax::values::Language;
    let compilation = match compile(&args.paths, args.today, args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let color = color(&std::io::stderr());
    if compilation.has_errors() {
        eprint!(
            "{}",
            render::human(&compilation.diagnostics, &compilation.sources, color)
        );
        eprintln!("nothing was written: fix the errors above first");
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
        let language = match args.lang {
            Some(Lang::En) => Language::En,
            Some(Lang::Ru) => Language::Ru,
            None => spec
                .model
                .service
                .as_ref()
                .and_then(|s| s.language)
                .unwrap_or(Language::En),
        };
        let checks = spec.config.options(&check::Options {
            today: args.today,
            ..check::Options::default()
        });
        let options = generate::Options {
            language,
            templates: args.templates.as_deref(),
            targets: &targets,
            exports: &spec.config.exports,
            today: args.today,
            checks: &checks,
        };
        let (rendered, mut problems) = match generate::render(&spec.model, &spec.staffing, &options)
        {
            Ok(f) => f,
            Err(e) => return fail(&e),
        };
        spec.config.apply(&mut problems);
        crate::diagnostic::suppress::apply(&mut problems, &compilation.sources);
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
        eprint!(
            "{}",
            render::human(&diagnostics, &compilation.sources, color)
        );
    }
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        eprintln!("nothing was written: fix the errors above first");
        return ExitCode::from(1);
    }
    let written = match generate::output::write(&args.out, &files) {
        Ok(w) => w,
        Err(e) => return fail(&e),
    };
    let shown =
        crate::escape::terminal(&crate::loader::display_name(&args.out), false).into_owned();
    for path in &written.removed {
        eprintln!(
            "removed {shown}/{}: an earlier build wrote it and this one does not",
            crate::escape::terminal(path, false)
        );
    }
    eprintln!("wrote {} files to {shown}", written.files);
    ExitCode::SUCCESS
}

/// Writes the starting files, then says what to do next.
fn run_init(args: InitArgs) -> ExitCode {
    use crate::syntax::values::Language;
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let language = match args.lang {
        Lang::En => Language::En,
        Lang::Ru => Language::Ru,
    };
    let files = crate::init::scaffold(language, crate::check::system_today());
    if let Err(e) = crate::init::write(&dir, &files) {
        return fail(&e);
    }
    let shown = crate::escape::terminal(&crate::loader::display_name(&dir), false).into_owned();
    let standards = crate::loader::display_name(&dir.join("standards"));
    let standards = crate::escape::terminal(&standards, false);
    for (path, _) in &files {
        eprintln!("created {shown}/{path}");
    }
    eprintln!(
        "\nnext:\n  cxc check {standards}            check the standards\n  \
         cxc build {standards} -o out   write the documents\n  \
         commit and push: .github/workflows/cxc.yml checks every pull request"
    );
    ExitCode::SUCCESS
}

/// Formats files in place, or with `--check` prints what would change.
/// Exit 1 when a file has syntax errors or, with `--check`, would change.
fn run_fmt(args: FmtArgs) -> ExitCode {
    use crate::format::files::{self, Outcome};
    if args.paths.len() == 1 && args.paths[0].as_os_str() == "-" {
        return fmt_stdin();
    }
    let run = match files::run(&args.paths, !args.check) {
        Ok(run) => run,
        Err(e) => return fail(&format!("cannot read {e}")),
    };
    if !run.diagnostics.is_empty() {
        let color = color(&std::io::stderr());
        eprint!("{}", render::human(&run.diagnostics, &run.sources, color));
    }
    let mut changed = 0;
    for file in &run.files {
        if let Outcome::Changed { old, new } = &file.outcome {
            changed += 1;
            if args.check {
                print(&crate::escape::terminal(
                    &files::diff(&file.shown, old, new),
                    true,
                ));
            }
        }
    }
    let failed = run
        .files
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Failed))
        .count();
    let total = run.files.len();
    match (args.check, changed) {
        (true, 0) => eprintln!("{total} files already formatted"),
        (true, n) => eprintln!("{n} of {total} files would be reformatted (run `cxc fmt`)"),
        (false, n) => eprintln!("reformatted {n} of {total} files"),
    }
    if failed > 0 {
        eprintln!("{failed} files left as they were: fix the errors above first");
    }
    ExitCode::from(u8::from(failed > 0 || (args.check && changed > 0)))
}

/// `cxc fmt -`: standard input to standard output, for editors.
fn fmt_stdin() -> ExitCode {
    use std::io::Read;
    let mut bytes = Vec::new();
    let limit = crate::loader::read::DEFAULT_FILE_LIMIT;
    if std::io::stdin()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .is_err()
        || bytes.len() as u64 > limit
    {
        return fail("cannot read standard input (at most 64 MB of UTF-8)");
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail("standard input is not UTF-8");
    };
    let mut sources = crate::source::SourceMap::default();
    let id = sources.add(crate::source::SourceFile::new(
        PathBuf::from("<stdin>"),
        "<stdin>".into(),
        text,
    ));
    match crate::format::format(id, &sources.get(id).text) {
        Ok(formatted) => {
            print(&formatted);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!(
                "{}",
                render::human(&errors, &sources, color(&std::io::stderr()))
            );
            ExitCode::from(1)
        }
    }
}

/// A journey's graph on stdout. Exit 1 when the spec has errors or no such
/// journey exists (with the names that do).
fn run_graph(args: GraphArgs) -> ExitCode {
    use crate::generate::journey::{text, Graph};
    let compilation = match compile(&args.paths, None, None) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if compilation
        .diagnostics
        .iter()
        .any(|d| d.code == Code::Syntax)
    {
        let color = color(&std::io::stderr());
        eprint!(
            "{}",
            render::human(&compilation.diagnostics, &compilation.sources, color)
        );
        return ExitCode::from(1);
    }
    let journeys = compilation.specs.iter().flat_map(|s| {
        let checks = s.config.options(&check::Options::default());
        s.model
            .journeys
            .iter()
            .map(move |(_, j)| (&s.model, j, checks.clone()))
    });
    let mut names = Vec::new();
    for (model, journey, checks) in journeys {
        if *journey.header.id == *args.journey {
            let graph = Graph::new(model, journey, &checks);
            print!(
                "{}",
                match args.format {
                    GraphFormat::Mermaid => text::mermaid(&graph),
                    GraphFormat::Dot => text::dot(&graph),
                }
            );
            return ExitCode::SUCCESS;
        }
        names.push(journey.header.id.as_str());
    }
    let hint = match closest(&args.journey, names.iter().copied()) {
        Some(c) => format!(" (did you mean `{c}`?)"),
        None if names.is_empty() => " (the spec has no journeys)".into(),
        None => format!(" (journeys: {})", names.join(", ")),
    };
    eprintln!(
        "error: no journey `{}`{}",
        crate::escape::terminal(&crate::escape::shorten(&args.journey, 80), false),
        crate::escape::terminal(&hint, false)
    );
    ExitCode::from(1)
}

/// The staffing report. Exit 1 when a queue misses its target or the spec
/// has other errors (printed to stderr; the report is still printed when the
/// spec could be read).
fn run_staff(args: StaffArgs) -> ExitCode {
    let compilation = match compile(&args.paths, None, args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let errors: Vec<_> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code != Code::Understaffed)
        .cloned()
        .collect();
    if !errors.is_empty() {
        let color = color(&std::io::stderr());
        eprint!("{}", render::human(&errors, &compilation.sources, color));
        if errors.iter().any(|d| d.code == Code::Syntax) {
            return ExitCode::from(1);
        }
    }
    use crate::staffing::report::{self, Staffed};
    let queues: Vec<Staffed> = compilation
        .specs
        .iter()
        .flat_map(|s| {
            s.staffing.iter().map(move |plan| Staffed {
                model: &s.model,
                plan,
                files: &s.files,
            })
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        StaffFormat::Table => report::table(&mut out, &queues),
        StaffFormat::Json => report::json(&mut out, &queues),
    };
    // A closed pipe (`cxc staff | head`) is not an error.
    let _ = written.and_then(|_| out.flush());
    ExitCode::from(u8::from(compilation.has_errors()))
}

fn run_check(args: CheckArgs) -> ExitCode {
    if !args.watch {
        return check_once(&args);
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
                print(&format!(
                    "\n--- {} changed: checking again ---\n",
                    crate::escape::terminal(&names.join(", "), false)
                ));
            }
            Err(e) => return fail(&format!("stopped watching: {e}")),
        }
    }
}

/// One check: prints the findings, returns the exit status. Under `--watch`
/// the compilation is freed after each round.
fn check_once(args: &CheckArgs) -> ExitCode {
    let compilation = match compile(&args.paths, args.today, args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let diagnostics = &compilation.diagnostics;
    let sources = &compilation.sources;
    let text = match args.format {
        Format::Human => {
            let color = color(&std::io::stdout());
            render::human(diagnostics, sources, color)
        }
        Format::Json => render::json(diagnostics, sources),
        Format::Sarif => {
            // Locations are relative to where cxc runs: `%SRCROOT%`.
            let base = std::env::current_dir()
                .and_then(std::fs::canonicalize)
                .unwrap_or_default();
            render::sarif(diagnostics, sources, &base)
        }
        Format::Github => render::github(diagnostics, sources),
    };
    print(&text);
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
                doc.summary
            ));
        }
        print(&out);
        return ExitCode::SUCCESS;
    };
    match Code::parse(name).and_then(crate::explain::doc) {
        Some(doc) => {
            print(&crate::explain::render(doc));
            ExitCode::SUCCESS
        }
        None => {
            let hint = closest(name, Code::ALL.iter().map(|c| c.as_str()))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| "; `cxc explain` lists every code".into());
            fail(&format!(
                "there is no diagnostic code `{}`{hint}",
                crate::escape::shorten(name, 80)
            ))
        }
    }
}

/// Prints to stdout; a closed pipe (`cxc check | head`) is not an error.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// The front half of every command; a spec that cannot be read is exit 2.
/// The compilation of a command. It lives until the process exits, which
/// returns its memory at once: freeing a large model piece by piece first
/// would cost a tenth of the run.
fn compile(
    paths: &[PathBuf],
    today: Option<Date>,
    config: Option<&std::path::Path>,
) -> Result<ManuallyDrop<pipeline::Compilation>, ExitCode> {
    let options = check::Options {
        today,
        ..check::Options::default()
    };
    pipeline::compile(paths, &options, config)
        .map(ManuallyDrop::new)
        .map_err(|e| fail(&format!("cannot read {e}")))
}

/// Whether to colour `stream`: `--color always|never` decide; otherwise a
/// non-empty NO_COLOR turns colour off, a FORCE_COLOR other than `0` turns it
/// on, and else a terminal gets colour (https://no-color.org,
/// https://force-color.org).
fn color(stream: &impl IsTerminal) -> bool {
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
fn fail(message: &str) -> ExitCode {
    eprintln!("error: {}", crate::escape::terminal(message, true));
    ExitCode::from(2)
}
