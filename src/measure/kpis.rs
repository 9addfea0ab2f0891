//! The `target` metrics of SLAs and roles, as the data shows them: from a
//! segment's contacts under an SLA, or from the contacts of the channels a
//! role (or its team) owns. First-contact resolution comes from the
//! customers' repeat contacts; the survey metrics from the answers.

use super::findings::{metric_basis, metric_statement};
use super::kept::Kept;
use super::metrics::{holds, target_figure, Sums, Voice};
use super::repeats::RepeatFigures;
use super::Report;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Channel, Idx, Kpi, Model, Party, Role, Segment, Sla};
use crate::msg;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::Metric;

/// Whose contacts a target is measured on.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Sla(Idx<Sla>, Idx<Segment>),
    Role(Idx<Role>),
}

/// The share of resolved contacts resolved at first contact, in the unit
/// of `target` (a percentage, or a fraction for a plain number), and the
/// resolved contacts it rests on.
pub fn fcr(figures: &RepeatFigures, target: TargetValue) -> Option<(f64, u64)> {
    let n = figures.resolved;
    let share = figures.first_contact as f64 / n as f64;
    let value = match target {
        TargetValue::Percent(_) => share * 100.0,
        _ => share,
    };
    (n > 0).then_some((value, n))
}

/// The channels a role answers: those it owns, or its team owns.
pub fn role_channels(model: &Model, role: Idx<Role>) -> Vec<Idx<Channel>> {
    let team = model.roles[role].team.as_ref().and_then(|t| t.target);
    model
        .channels
        .iter()
        .filter(|(_, c)| match c.owner.as_ref().and_then(|o| o.target) {
            Some(Party::Role(r)) => r == role,
            Some(Party::Team(t)) => Some(t) == team,
            None => false,
        })
        .map(|(id, _)| id)
        .collect()
}

impl Report {
    /// A target's measured value in its unit and how many answers or
    /// contacts it rests on; none when the data cannot show it.
    pub fn kpi(&self, model: &Model, scope: Scope, kpi: &Kpi) -> Option<(f64, u64)> {
        match scope {
            Scope::Sla(sla, segment) => match kpi.metric {
                Metric::Fcr => fcr(&self.repeats.sum(|s, _| s == segment), kpi.value),
                metric => self.metrics.get(&(sla, segment))?.value(metric, kpi.value),
            },
            Scope::Role(role) => {
                let channels = role_channels(model, role);
                match kpi.metric {
                    Metric::Fcr => fcr(&self.repeats.sum(|_, c| channels.contains(&c)), kpi.value),
                    metric => {
                        let mut sums = Sums::default();
                        for &c in &channels {
                            if let Some(s) = self.voices.get(&Voice::Channel(c)) {
                                sums.absorb(s);
                            }
                        }
                        sums.value(metric, kpi.value)
                    }
                }
            }
        }
    }
}

/// `target-missed` for each `target` of a role the data can show.
pub fn role_findings(
    model: &Model,
    report: &Report,
    period: &crate::i18n::Arg,
    out: &mut Vec<Diagnostic>,
) {
    for (role, r) in model.roles.iter() {
        for kpi in &r.targets {
            let Some((actual, n)) = report.kpi(model, Scope::Role(role), &kpi.value) else {
                continue;
            };
            if holds(actual, kpi.value.comparison, target_figure(kpi.value.value)) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    Code::TargetMissed,
                    kpi.span,
                    msg!(
                        "measure-role-metric-missed",
                        target = metric_statement(&kpi.value),
                        role = r.header.id.as_str(),
                        actual = super::findings::measured_text(&kpi.value, actual),
                        n = n as f64,
                        answers = metric_basis(kpi.value.metric, n),
                        period = period.clone()
                    ),
                )
                .help(msg!("measure-target-missed-help")),
            );
        }
    }
}

/// `repeat-contacts` for each segment more of whose contacts were repeated
/// than `measure.repeat_share`, at the segment, with the channel repeated
/// most.
pub fn repeat_findings(
    model: &Model,
    report: &Report,
    period: &crate::i18n::Arg,
    out: &mut Vec<Diagnostic>,
) {
    let limit = report.settings.repeat_share;
    for (segment, s) in model.segments.iter() {
        let figures = report.repeats.sum(|x, _| x == segment);
        let kept = Kept {
            n: figures.contacts,
            kept: figures.repeated,
        };
        if kept.n == 0 || kept.percent().is_none_or(|p| p <= limit.value()) {
            continue;
        }
        let worst = model
            .channels
            .iter()
            .map(|(c, channel)| {
                let f = report.repeats.sum(|x, y| x == segment && y == c);
                (f.repeated, std::cmp::Reverse(c), channel)
            })
            .max_by_key(|(repeated, c, _)| (*repeated, *c))
            .map_or("", |(_, _, c)| c.header.id.as_str());
        // In words, «в пределах 7 дней», never «7d» (outside audit 11, L6).
        let window = crate::i18n::Arg::written(
            crate::syntax::values::TimeLimit::running(
                crate::syntax::values::Duration::from_seconds(report.repeats.window),
            ),
            true,
        );
        out.push(
            Diagnostic::new(
                Code::RepeatContacts,
                s.header.span,
                msg!(
                    "measure-repeat-contacts",
                    segment = s.header.id.as_str(),
                    actual = super::shown::percent_text(
                        kept.exact(),
                        Some((crate::syntax::values::Comparison::AtMost, limit.value())),
                    ),
                    n = kept.n as f64,
                    window = window,
                    channel = worst,
                    limit = limit.figure(),
                    period = period.clone()
                ),
            )
            .help(msg!("measure-repeat-contacts-help")),
        );
    }
}
