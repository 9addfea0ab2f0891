//! The smaller commands: init, fmt, graph, staff.

use super::*;

/// Writes the starting files, then says what to do next.
pub(super) fn run_init(args: InitArgs) -> ExitCode {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    if let Err(code) = check_named("cxc init", &dir) {
        return code;
    }
    let language = language();
    let files = crate::init::scaffold(language, crate::loader::read::today());
    if let Err(e) = crate::init::write(&dir, &files) {
        return fail(&say(e));
    }
    // Paths as the user gave them (`standards/service.cx` for the current
    // folder), never made absolute.
    let shown = |path: &std::path::Path| {
        crate::escape::terminal(&crate::loader::display_name(&dir.join(path)), false).into_owned()
    };
    for (path, _) in &files {
        eprintln!(
            "{}",
            say(msg!(
                "cli-created",
                path = shown(std::path::Path::new(path))
            ))
        );
    }
    let standards = shown(std::path::Path::new("standards"));
    eprintln!("\n{}", next_steps(&standards, language));
    ExitCode::SUCCESS
}

/// What to do after `cxc init`: each command, then what it does, in one
/// column however long the folder's name.
fn next_steps(standards: &str, language: Language) -> String {
    let steps = [
        (format!("cxc check {standards}"), msg!("cli-init-check")),
        (
            format!("cxc build {standards} -o out"),
            msg!("cli-init-build"),
        ),
    ];
    let width = steps
        .iter()
        .map(|(c, _)| c.chars().count())
        .max()
        .unwrap_or(0);
    let mut text = msg!("cli-init-next").text(language);
    for (command, what) in steps {
        let pad = " ".repeat(width - command.chars().count());
        text.push_str(&format!("\n  {command}{pad}   {}", what.text(language)));
    }
    text.push_str(&format!("\n  {}", msg!("cli-init-push").text(language)));
    text
}

/// Formats files in place, or with `--check` prints what would change.
/// Exit 1 when a file has syntax errors or, with `--check`, would change.
pub(super) fn run_fmt(args: FmtArgs) -> ExitCode {
    use crate::format::files::{self, Outcome};
    if args.paths.len() == 1 && args.paths[0].as_os_str() == "-" {
        return fmt_stdin();
    }
    let run = match files::run(&args.paths, !args.check, limits().file_size) {
        Ok(run) => run,
        Err(e) => return fail(&say(msg!("cli-cannot-read", error = e.text(language())))),
    };
    if !run.diagnostics.is_empty() {
        let mut diagnostics = run.diagnostics.clone();
        localize(&mut diagnostics);
        eprint_findings(&diagnostics, &run.sources);
    }
    let mut changed = 0;
    for file in &run.files {
        if let Outcome::Changed { old, new } = &file.outcome {
            changed += 1;
            if args.check {
                // Shown, not run: by the terminal, nor by GitHub's runner.
                let diff = files::diff(&file.shown, old, new);
                print(&crate::escape::unified_diff(&crate::escape::terminal(
                    &diff, true,
                )));
            }
        }
    }
    let failed = run
        .files
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Failed))
        .count();
    let total = run.files.len();
    let said = match (args.check, changed) {
        (true, 0) => msg!("cli-fmt-clean", total = total),
        (true, n) => msg!("cli-fmt-would", changed = n, total = total),
        (false, n) => msg!("cli-fmt-done", changed = n, total = total),
    };
    eprintln!("{}", say(said));
    if failed > 0 {
        eprintln!("{}", say(msg!("cli-fmt-failed", failed = failed)));
    }
    ExitCode::from(u8::from(failed > 0 || (args.check && changed > 0)))
}

/// `cxc fmt -`: standard input to standard output, for editors.
pub(super) fn fmt_stdin() -> ExitCode {
    use std::io::Read;
    let mut bytes = Vec::new();
    let limit = limits().file_size;
    if std::io::stdin()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .is_err()
        || bytes.len() as u64 > limit
    {
        return fail(&say(msg!("cli-stdin-unreadable")));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail(&say(msg!("cli-stdin-not-utf8")));
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
        Err(mut errors) => {
            localize(&mut errors);
            eprint_findings(&errors, &sources);
            ExitCode::from(1)
        }
    }
}

/// A journey's graph on stdout. Exit 1 when the spec has errors or no such
/// journey exists (with the names that do).
pub(super) fn run_graph(args: GraphArgs) -> ExitCode {
    use crate::generate::journey::{text, Graph};
    let compilation = match compile(&args.paths, None, &Shown::default(), None, None) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if compilation
        .diagnostics
        .iter()
        .any(|d| d.code == Code::Syntax)
    {
        eprint_findings(&compilation.diagnostics, &compilation.sources);
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
            let text = match args.format {
                GraphFormat::Mermaid => text::mermaid(&graph),
                GraphFormat::Dot => text::dot(&graph),
            };
            // A DOT label may hold `##[`, which GitHub's runner would run.
            print(&crate::escape::workflow(&text));
            return ExitCode::SUCCESS;
        }
        names.push(journey.header.id.as_str());
    }
    let journey = crate::escape::shorten(&args.journey, 80);
    let said = match closest(&args.journey, names.iter().copied()) {
        Some(c) => msg!("cli-no-journey-like", journey = journey, like = c),
        None if names.is_empty() => msg!("cli-no-journeys", journey = journey),
        None => msg!(
            "cli-no-journey",
            journey = journey,
            journeys = names.join(", ")
        ),
    };
    fail(&say(said));
    ExitCode::from(1)
}

/// The staffing report. The spec's findings go to stderr exactly as
/// `cxc check` prints them (`understaffed` among them, the same summary
/// count: outside audit 10, L4); the report is still printed when the spec
/// could be read. Exit 1 when `cxc check` would: an error, a queue missing
/// its target included.
pub(super) fn run_staff(args: StaffArgs) -> ExitCode {
    let compilation = match compile(
        &args.paths,
        None,
        &Shown::default(),
        args.config.as_deref(),
        None,
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let diagnostics = &compilation.diagnostics;
    if !diagnostics.is_empty() {
        eprint_findings(diagnostics, &compilation.sources);
        if diagnostics.iter().any(|d| d.code == Code::Syntax) {
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
        StaffFormat::Table => report::table(&mut out, &queues, language()),
        StaffFormat::Json => report::json(&mut out, &queues),
    };
    // A closed pipe (`cxc staff | head`) is not an error.
    let _ = written.and_then(|_| out.flush());
    ExitCode::from(u8::from(compilation.has_errors()))
}
