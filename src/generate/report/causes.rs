//! Complaints by root cause in the reports: the top causes, their segments
//! and their trend week by week over the period.

use crate::measure::causes::{trend, week_of, CauseFigures};
use crate::measure::Report;
use crate::model::Model;
use crate::syntax::values::Date;
use serde::Serialize;

/// Causes listed by name; the rest are summed as other causes.
pub const SHOWN: usize = 10;

/// Weeks of the period listed, at most (ten years).
pub const WEEKS: usize = 520;

#[derive(Debug, Serialize)]
pub struct CauseView {
    /// None: every cause past the ones listed.
    pub cause: Option<String>,
    pub complaints: u64,
    pub segments: Vec<CountView>,
    /// Complaints per week of the period (the week's Monday).
    pub weeks: Vec<CountView>,
    /// `rising`, `falling`, `flat` or `too_few`: the second half of the
    /// period's weeks against the first, past chance
    /// ([`crate::measure::causes::trend`]).
    pub trend: &'static str,
    /// The weekly counts in one line, for the reports: `3 · 5 · 9`.
    pub weeks_text: String,
}

#[derive(Debug, Serialize)]
pub struct CountView {
    pub name: String,
    pub count: u64,
}

/// The top causes, most complaints first, then the others together.
pub fn causes(model: &Model, report: &Report) -> Vec<CauseView> {
    let weeks: Vec<i64> = match report.contact_days {
        Some((from, to)) => {
            let (a, b) = (
                week_of(report.settings.from.unwrap_or(from).to_days()),
                week_of(report.settings.to.unwrap_or(to).to_days()),
            );
            (0..)
                .map(|i| a + 7 * i)
                .take_while(|&w| w <= b)
                .take(WEEKS)
                .collect()
        }
        None => Vec::new(),
    };
    let view = |cause: Option<String>, f: &CauseFigures| {
        let counts: Vec<CountView> = weeks
            .iter()
            .map(|w| CountView {
                name: Date::from_days(*w).to_string(),
                count: f.by_week.get(w).copied().unwrap_or(0),
            })
            .collect();
        let text: Vec<String> = counts.iter().map(|c| c.count.to_string()).collect();
        CauseView {
            cause,
            complaints: f.complaints,
            segments: f
                .by_segment
                .iter()
                .map(|(&s, &count)| CountView {
                    name: model.segments[s].header.id.to_string(),
                    count,
                })
                .collect(),
            trend: trend(&f.by_week, &weeks),
            weeks_text: text.join(" · "),
            weeks: counts,
        }
    };
    let top = report.causes.top();
    let mut out: Vec<CauseView> = top
        .iter()
        .take(SHOWN)
        .map(|(name, f)| view(Some(name.to_string()), f))
        .collect();
    let mut rest = report.causes.other.clone();
    for (_, f) in top.iter().skip(SHOWN) {
        rest.absorb((*f).clone());
    }
    if rest.complaints > 0 {
        out.push(view(None, &rest));
    }
    out
}
