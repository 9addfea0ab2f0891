//! Rendering diagnostics: for people (miette), JSON, SARIF 2.1.0 and GitHub
//! workflow annotations. Output is sorted and contains no timestamps, so the
//! same spec always prints the same bytes.

use super::{CodeDoc, Diagnostic, Severity, Summary};
use crate::base::Language;
use crate::escape::terminal;
use crate::source::{SourceFile, SourceMap, Span};
use miette::{LabeledSpan, MietteSpanContents, SourceCode, SpanContents};
use serde::Serialize;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

/// Lines longer than this are not quoted in human output: a 5 MB line helps nobody.
const MAX_EXCERPT_BYTES: usize = 4096;

/// A diagnostic with its span turned into file, line and column.
#[derive(Debug, Clone, Serialize)]
pub struct Located<'a> {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: &'a str,
}

pub fn locate<'a>(d: &'a Diagnostic, sources: &'a SourceMap) -> Located<'a> {
    let file = sources.get(d.span.file);
    let start = file.line_col(d.span.start());
    let end = file.line_col(d.span.end());
    Located {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: &d.message,
        file: &file.name,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        help: &d.help,
    }
}

/// `--format json`, exactly as LANGUAGE.md section 4 shows, written as each
/// finding is rendered.
pub fn json(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Out<'a> {
        diagnostics: Lazy<'a>,
        summary: SummaryOut,
    }
    #[derive(Serialize)]
    struct SummaryOut {
        errors: usize,
        warnings: usize,
    }
    /// Each finding located as the list is written, not before.
    struct Lazy<'a>(&'a [Diagnostic], &'a SourceMap);
    impl Serialize for Lazy<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().map(|d| locate(d, self.1)))
        }
    }
    let summary = Summary::of(diagnostics);
    let report = Out {
        diagnostics: Lazy(diagnostics, sources),
        summary: SummaryOut {
            errors: summary.errors,
            warnings: summary.warnings,
        },
    };
    crate::escape::json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

/// `--format github`: workflow commands that GitHub Actions shows as
/// annotations, one line each. The message is spec text: besides the
/// runner's own escapes (`%`, line breaks) it is neutralised like any other
/// line of the log ([`crate::escape::workflow`]), so it can neither end the
/// annotation nor hold a command of its own.
pub fn github(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
) -> io::Result<()> {
    for d in diagnostics {
        let l = locate(d, sources);
        let mut message = terminal(&d.message, true).into_owned();
        if !d.help.is_empty() {
            message.push('\n');
            message.push_str(&terminal(&d.help, true));
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            l.severity,
            escape_property(&terminal(l.file, false)),
            l.line,
            l.column,
            l.end_line,
            l.end_column,
            escape_property(l.code),
            escape_data(&crate::escape::workflow(&message))
        )?;
    }
    Ok(())
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `--format human`: miette's graphical report, one per diagnostic, each
/// written as it is rendered, then a summary. Every line of it is made
/// inert for GitHub's runner ([`crate::escape::workflow`]): a quoted line
/// or a wrapped message can start with `::`.
pub fn human(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    color: bool,
    language: Language,
) -> io::Result<()> {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    // miette writes "help:" itself; the footer is the last thing it writes.
    let help_label = crate::msg!("help-label").text(language);
    for d in diagnostics {
        let report = Report::new(d, sources, language);
        let mut one = String::new();
        if handler.render_report(&mut one, &report).is_err() {
            // Rendering only fails on a broken formatter; fall back to one line.
            let _ = writeln!(one, "{}: {}", report.location, report.message);
        }
        if language != Language::En && !d.help.is_empty() {
            if let Some(at) = one.rfind("  help: ") {
                one.replace_range(at..at + 8, &format!("  {help_label}: "));
            }
        }
        one.push('\n');
        out.write_all(crate::escape::workflow(&one).as_bytes())?;
    }
    let summary = Summary::of(diagnostics);
    writeln!(
        out,
        "{}",
        crate::msg!(
            "summary-errors",
            errors = summary.errors,
            warnings = summary.warnings
        )
        .text(language)
    )
}

/// Adapts a [`Diagnostic`] to miette without copying the source text. Every
/// text it hands miette has terminal controls made visible: a spec string,
/// a file name or a quoted line cannot drive the terminal.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a SourceFile,
    location: String,
    message: String,
    help: String,
    labels: Vec<(Span, String)>,
    quotable: bool,
    language: Language,
}

impl<'a> Report<'a> {
    fn new(diagnostic: &'a Diagnostic, sources: &'a SourceMap, language: Language) -> Self {
        let file = sources.get(diagnostic.span.file);
        let l = locate(diagnostic, sources);
        // Only spec files are quoted: a config or a data file may hold
        // what its reader should not see in a CI log.
        let quotable = file.quotable()
            && std::iter::once(diagnostic.span)
                .chain(diagnostic.labels.iter().map(|(s, _)| *s))
                .all(|s| {
                    s.file == diagnostic.span.file && excerpt_len(file, s) <= MAX_EXCERPT_BYTES
                });
        Report {
            diagnostic,
            file,
            location: format!("{}:{}:{}", terminal(l.file, false), l.line, l.column),
            message: terminal(&diagnostic.message, true).into_owned(),
            help: terminal(&diagnostic.help, true).into_owned(),
            labels: diagnostic
                .labels
                .iter()
                .map(|(span, text)| (*span, terminal(text, true).into_owned()))
                .collect(),
            quotable,
            language,
        }
    }
}

fn excerpt_len(file: &SourceFile, span: Span) -> usize {
    let first = file.line_index(span.start().min(file.text.len()));
    let last = file.line_index(span.end().min(file.text.len()));
    (first.saturating_sub(1)..=last + 1)
        .map(|i| file.line_text(i).len())
        .sum()
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quotable {
            f.write_str(&self.message)
        } else {
            let at = crate::msg!(
                "diagnostic-at",
                message = self.message.as_str(),
                location = self.location.as_str()
            );
            f.write_str(&at.text(self.language))
        }
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as _)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.quotable.then_some(self as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.quotable {
            return None;
        }
        let primary = LabeledSpan::new_primary_with_span(None, to_miette(self.diagnostic.span));
        let secondary = self
            .labels
            .iter()
            .map(|(span, text)| LabeledSpan::new_with_span(Some(text.clone()), to_miette(*span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

fn to_miette(span: Span) -> miette::SourceSpan {
    (span.start(), span.end().saturating_sub(span.start())).into()
}

impl SourceCode for Report<'_> {
    /// Reads only the lines around the span using the file's line table, so that
    /// quoting is O(excerpt), not O(file), per diagnostic.
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, miette::MietteError> {
        let file = self.file;
        // Same length as the text, so offsets hold; controls made visible.
        let text = file.display_text();
        let start = span.offset().min(text.len());
        let end = (span.offset() + span.len()).min(text.len());
        let first = file.line_index(start).saturating_sub(context_lines_before);
        let last = (file.line_index(end) + context_lines_after).min(file.line_count() - 1);
        let window_start = file.line_start(first);
        let window_end = file.line_start(last) + file.line_text(last).len();
        let data = &text.as_bytes()[window_start..window_end.max(window_start)];
        // miette titles the excerpt with the line and column of a zero-context
        // read, so the column is the span's own, counted in characters.
        let span_line_start = file.line_start(file.line_index(start));
        let column = text[span_line_start..start].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            terminal(&file.name, false).into_owned(),
            data,
            (window_start, data.len()).into(),
            first,
            column,
            last - first + 1,
        )))
    }
}

/// `--format sarif`: a SARIF 2.1.0 log with every rule cxc knows, so code
/// scanning UIs can show the rationale next to each result. Each result is
/// written as it is made, never the whole log in memory.
///
/// File locations are relative to `%SRCROOT%`, the folder cxc ran in
/// (`base`), as code-scanning uploads expect; a file outside it is an
/// absolute `file://` URI. Each result has a `partialFingerprints` entry
/// that survives edits elsewhere in the file (the code, the file and the
/// declaration the finding is in), so re-uploads do not duplicate alerts.
/// `docs` are the rules listed in the log (every code's explanation, which
/// the caller gathers from the layers above).
pub fn sarif(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    docs: &[&'static CodeDoc],
    sources: &SourceMap,
    base: &std::path::Path,
    language: Language,
) -> io::Result<()> {
    use serde_json::json;
    #[derive(Serialize)]
    struct Log<'a> {
        #[serde(rename = "$schema")]
        schema: &'static str,
        version: &'static str,
        runs: [Run<'a>; 1],
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Run<'a> {
        tool: serde_json::Value,
        column_kind: &'static str,
        results: Results<'a>,
    }
    let example = crate::msg!("explain-example").text(language);
    let fixed = crate::msg!("explain-fixed").text(language);
    let rules: Vec<_> = docs
        .iter()
        .map(|doc| {
            let why = doc.why(language);
            json!({
                "id": doc.code.as_str(),
                "name": pascal_case(doc.code.as_str()),
                "shortDescription": {"text": doc.summary(language)},
                "fullDescription": {"text": why},
                "help": {"text": format!("{why}\n\n{example}\n{}\n\n{fixed}\n{}", doc.bad, doc.fix)},
                "defaultConfiguration": {"level": doc.code.default_severity().as_str()},
            })
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({"driver": {
                "name": "cxc",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_HOMEPAGE"),
                "rules": rules,
            }}),
            column_kind: "unicodeCodePoints",
            results: Results {
                diagnostics,
                sources,
                base,
                docs,
                help_label: capitalised(&crate::msg!("help-label").text(language)),
            },
        }],
    };
    crate::escape::json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// `word` with its first letter in capitals: "Help", «Подсказка».
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The results of a SARIF run, each made as it is written.
struct Results<'a> {
    diagnostics: &'a [Diagnostic],
    sources: &'a SourceMap,
    base: &'a std::path::Path,
    docs: &'a [&'static super::CodeDoc],
    /// "Help" in the findings' language (audit 14, L4: "Help:" in a
    /// Russian SARIF message).
    help_label: String,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seen = std::collections::HashMap::new();
        serializer.collect_seq(self.diagnostics.iter().map(|d| self.result(d, &mut seen)))
    }
}

impl<'a> Results<'a> {
    fn result(
        &self,
        d: &'a Diagnostic,
        seen: &mut std::collections::HashMap<(&'a str, &'a str, &'a str), usize>,
    ) -> serde_json::Value {
        use serde_json::json;
        let l = locate(d, self.sources);
        let index = self.docs.iter().position(|doc| doc.code == d.code);
        let mut message = d.message.clone();
        if !d.help.is_empty() {
            message.push('\n');
            message.push_str(&self.help_label);
            message.push_str(": ");
            message.push_str(&d.help);
        }
        let subject = d.subject.as_deref().unwrap_or("");
        // The n-th finding of one code in one declaration.
        let n = seen.entry((l.code, l.file, subject)).or_insert(0);
        *n += 1;
        let fingerprint = fnv1a(&format!(
            "{}\u{0}{}\u{0}{}\u{0}{}",
            l.code, l.file, subject, n
        ));
        let location = match artifact(l.file, self.base) {
            Artifact::Relative(uri) => json!({"uri": uri, "uriBaseId": "%SRCROOT%"}),
            Artifact::Absolute(uri) => json!({"uri": uri}),
        };
        let mut result = json!({
            "ruleId": l.code,
            "level": l.severity,
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": l.line,
                        "startColumn": l.column,
                        "endLine": l.end_line,
                        "endColumn": l.end_column,
                    }
                }
            }],
            "partialFingerprints": {"cxc/v1": format!("{fingerprint:016x}")},
        });
        if let Some(index) = index {
            result["ruleIndex"] = json!(index);
        }
        result
    }
}

/// `dead-end` → `DeadEnd`: SARIF rule names are distinct and readable.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A stable 64-bit hash (FNV-1a): the same on every machine and run.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

enum Artifact {
    /// Relative to `%SRCROOT%`.
    Relative(String),
    /// A `file://` URI.
    Absolute(String),
}

/// Where a file is, for SARIF: relative to `base` when it is inside it.
fn artifact(name: &str, base: &std::path::Path) -> Artifact {
    use std::path::{Component, Path, PathBuf};
    let path = Path::new(name);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    // Fold `..` so that a file named `../x.cx` is judged by where it is.
    let mut folded = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::ParentDir => {
                folded.pop();
            }
            Component::CurDir => {}
            other => folded.push(other),
        }
    }
    match folded.strip_prefix(base) {
        Ok(relative) => Artifact::Relative(uri(&relative.to_string_lossy())),
        Err(_) => Artifact::Absolute(format!("file://{}", uri(&folded.to_string_lossy()))),
    }
}

/// A relative URI reference for a file name: percent-encode what a URI may not hold.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_locations_are_relative_to_the_source_root() {
        let base = std::path::Path::new("/work/repo");
        assert!(matches!(artifact("specs/a.cx", base), Artifact::Relative(u) if u == "specs/a.cx"));
        assert!(
            matches!(artifact("/work/repo/specs/a b.cx", base), Artifact::Relative(u) if u == "specs/a%20b.cx")
        );
        assert!(
            matches!(artifact("/tmp/x.cx", base), Artifact::Absolute(u) if u == "file:///tmp/x.cx")
        );
        assert!(
            matches!(artifact("../other/x.cx", base), Artifact::Absolute(u) if u == "file:///work/other/x.cx")
        );
        assert_eq!(pascal_case("dead-end"), "DeadEnd");
        assert_eq!(pascal_case("syntax"), "Syntax");
    }
}
