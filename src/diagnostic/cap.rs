//! At most so many findings of one code in one file. A spec of a million
//! copies of one declaration has a million `duplicate-definition` findings;
//! nobody reads past the first few, and printing them all (or a SARIF log
//! of them) costs gigabytes. So the first findings of each code in each
//! file are kept, and one finding of the same code and severity says how
//! many more there are. It counts once, for the exit status and `--deny`
//! as for everything else.

use super::{Code, Diagnostic, Severity};
use crate::i18n::Arg;
use crate::msg;
use crate::source::{FileId, Span};
use std::collections::{BTreeMap, HashMap};

/// Findings of one code shown per file unless `--max-findings` says
/// otherwise; a spec's `limits.findings_per_code` may only lower it.
pub const DEFAULT_MAX_FINDINGS: usize = 100;

/// What was left out of one code in one file.
struct Left {
    count: usize,
    /// Where the first finding left out was: the summary stands there.
    first: Span,
    severity: Severity,
    limit: usize,
}

/// Keeps the first `limit(file)` findings of each code in each file of
/// `diagnostics` (in the order they are shown, [`super::sort`]) and adds
/// one finding for the rest of each; the result is sorted.
pub fn cap(diagnostics: &mut Vec<Diagnostic>, limit: impl Fn(FileId) -> usize) {
    let mut seen: HashMap<(FileId, Code), usize> = HashMap::new();
    let mut left: BTreeMap<(FileId, Code), Left> = BTreeMap::new();
    let mut limits: HashMap<FileId, usize> = HashMap::new();
    diagnostics.retain(|d| {
        let key = (d.span.file, d.code);
        let limit = *limits
            .entry(d.span.file)
            .or_insert_with(|| limit(d.span.file).max(1));
        let n = seen.entry(key).or_insert(0);
        *n += 1;
        if *n <= limit {
            return true;
        }
        let out = left.entry(key).or_insert(Left {
            count: 0,
            first: d.span,
            severity: d.severity,
            limit,
        });
        out.count += 1;
        out.severity = out.severity.max(d.severity);
        false
    });
    if left.is_empty() {
        return;
    }
    for ((_, code), left) in left {
        let mut summary = Diagnostic::new(
            code,
            left.first,
            msg!(
                "findings-capped",
                count = left.count,
                shown = Arg::Grouped(left.count as f64),
                code = code.as_str()
            ),
        )
        .help(msg!("findings-capped-help", limit = left.limit));
        summary.severity = left.severity;
        diagnostics.push(summary);
    }
    super::sort(diagnostics);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::Language;

    fn finding(code: Code, file: u32, at: usize) -> Diagnostic {
        Diagnostic::new(
            code,
            Span::new(FileId(file), at, at + 1),
            msg!("findings-capped-help", limit = at),
        )
    }

    #[test]
    fn each_code_in_each_file_keeps_its_first_findings_and_one_for_the_rest() {
        let mut all = Vec::new();
        for at in 0..250 {
            all.push(finding(Code::DuplicateDefinition, 0, at * 10));
            all.push(finding(Code::Unused, 0, at * 10 + 1));
        }
        for at in 0..3 {
            all.push(finding(Code::DuplicateDefinition, 1, at));
        }
        super::super::sort(&mut all);
        cap(&mut all, |file| if file == FileId(0) { 100 } else { 2 });
        let count = |code, file| {
            all.iter()
                .filter(|d| d.code == code && d.span.file == FileId(file))
                .count()
        };
        assert_eq!(count(Code::DuplicateDefinition, 0), 101);
        assert_eq!(count(Code::Unused, 0), 101);
        assert_eq!(count(Code::DuplicateDefinition, 1), 3);
        let summary = all
            .iter()
            .find(|d| d.code == Code::DuplicateDefinition && d.message.starts_with("and"))
            .expect("a summary");
        assert_eq!(summary.span.start(), 1000, "at the first one left out");
        assert_eq!(
            summary.severity,
            Code::DuplicateDefinition.default_severity()
        );
        assert_eq!(
            summary.message,
            "and 150 more `duplicate-definition` findings in this file"
        );
        let mut ru = summary.clone();
        ru.localize(Language::Ru);
        assert!(ru.message.contains("150"), "{}", ru.message);
        // Still in the order they are shown.
        let mut sorted = all.clone();
        super::super::sort(&mut sorted);
        assert_eq!(sorted, all);
    }

    #[test]
    fn the_summary_groups_thousands_and_takes_the_worst_severity() {
        let mut all: Vec<Diagnostic> = (0..1_200).map(|at| finding(Code::Unused, 0, at)).collect();
        all[1_100].severity = Severity::Error;
        cap(&mut all, |_| 1);
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[1].message,
            "and 1,199 more `unused` findings in this file"
        );
        assert_eq!(all[1].severity, Severity::Error);
        let mut few = vec![finding(Code::Unused, 0, 0)];
        cap(&mut few, |_| 1);
        assert_eq!(few.len(), 1);
    }
}
