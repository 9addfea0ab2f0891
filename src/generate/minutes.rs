//! Time limits for systems that only count running time: Zendesk's
//! business minutes, TaskRouter's timeouts.
//!
//! Such a system cannot say "due at the close of the third working day":
//! a `wd` limit goes out as the longest running time its deadline can
//! leave on its calendar (a request made before the first day opens), and
//! an `inexact-export` at the line says so (LANGUAGE.md, language 3).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Calendar, Idx, Model};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{Duration, TimeLimit};

/// `limit` as running time for `system`, reporting what a `wd` limit loses
/// (once per line and system, however often the export reads it).
pub fn running_time(
    model: &Model,
    limit: TimeLimit,
    calendar: Option<Idx<Calendar>>,
    span: Span,
    system: &'static str,
    problems: &mut Vec<Diagnostic>,
) -> Duration {
    let longest = model.longest(limit, calendar);
    if limit.working_days().is_some() {
        let note = Diagnostic::new(
            Code::InexactExport,
            span,
            msg!(
                "export-working-days",
                system = system,
                limit = limit.to_string(),
                longest = crate::i18n::Arg::seconds(longest.seconds(), true)
            ),
        )
        .help(msg!("export-working-days-help", limit = limit.to_string()));
        report(problems, note);
    }
    longest
}

/// Adds a finding unless the same one is already there.
pub fn report(problems: &mut Vec<Diagnostic>, note: Diagnostic) {
    if !problems.contains(&note) {
        problems.push(note);
    }
}
