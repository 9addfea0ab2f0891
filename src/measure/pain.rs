//! `measured-pain`: the steps and channels where the data shows customers
//! hurt — many cases stop at a step, or customers rate it low or call it
//! hard — held to the same thresholds as `high-effort-step` holds the
//! spec's own `effort` and `dropoff` (`measure.pain` in cxc.yaml).

use super::journeys::StepFigures;
use super::metrics::{Sums, Voice};
use super::{Pain, Report};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Figure;
use crate::i18n::{Arg, Message};
use crate::model::Model;
use crate::msg;

/// One way a step or channel hurts, with the figure that shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hurt {
    /// Of `n` cases that reached the step, this share (0..100) stopped there.
    Dropoff { percent: f64, n: u64 },
    /// Mean CSAT (1..5) over `n` answers.
    Csat { mean: f64, n: u64 },
    /// Mean effort (1..5) over `n` answers.
    Effort { mean: f64, n: u64 },
}

fn surveys(
    csat: Option<f64>,
    csat_n: u64,
    effort: Option<f64>,
    effort_n: u64,
    pain: &Pain,
) -> Vec<Hurt> {
    let mut hurts = Vec::new();
    if let Some(mean) = csat.filter(|&c| c <= pain.csat) {
        hurts.push(Hurt::Csat { mean, n: csat_n });
    }
    if let Some(mean) = effort.filter(|&e| e >= pain.effort) {
        hurts.push(Hurt::Effort { mean, n: effort_n });
    }
    hurts
}

/// How a step hurts, by what the cases show.
pub fn step(figures: &StepFigures, pain: &Pain) -> Vec<Hurt> {
    let mut hurts = Vec::new();
    if let Some(percent) = figures.dropoff().filter(|&d| d >= pain.dropoff.value()) {
        hurts.push(Hurt::Dropoff {
            percent,
            n: figures.reached,
        });
    }
    hurts.extend(surveys(
        figures.csat(),
        figures.csat_n,
        figures.effort(),
        figures.effort_n,
        pain,
    ));
    hurts
}

/// How a channel (or a segment) hurts, by its contacts' survey answers.
pub fn voice(sums: &Sums, pain: &Pain) -> Vec<Hurt> {
    surveys(
        sums.csat_mean(),
        sums.csat_n,
        sums.effort_mean(),
        sums.effort_n,
        pain,
    )
}

/// A figure as the reports print it: two decimals at most.
fn figure(value: f64) -> Figure {
    Figure::rounded(value, 2)
}

fn words(hurt: Hurt, pain: &Pain) -> Arg {
    Arg::Message(match hurt {
        Hurt::Dropoff { percent, n } => msg!(
            "measure-hurt-dropoff",
            percent = super::shown::percent_text(percent, None),
            n = n as f64,
            limit = pain.dropoff.figure()
        ),
        Hurt::Csat { mean, n } => msg!(
            "measure-hurt-csat",
            mean = figure(mean),
            n = n as f64,
            limit = figure(pain.csat)
        ),
        Hurt::Effort { mean, n } => msg!(
            "measure-hurt-effort",
            mean = figure(mean),
            n = n as f64,
            limit = figure(pain.effort)
        ),
    })
}

/// Every step and channel the data shows hurting, at its declaration.
pub fn findings(model: &Model, report: &Report, out: &mut Vec<Diagnostic>) {
    let pain = &report.settings.pain;
    let cases = super::findings::period(report, super::flaws::DataFile::Cases);
    for (journey, figures) in model.journeys.values().zip(&report.journeys) {
        for ((_, step), numbers) in journey.steps.iter().zip(&figures.steps) {
            let hurts = self::step(numbers, pain);
            if hurts.is_empty() {
                continue;
            }
            let subject = msg!(
                "measure-subject-step",
                step = step.header.id.as_str(),
                journey = journey.header.id.as_str()
            );
            out.push(finding(step.header.span, subject, &hurts, pain, &cases));
        }
    }
    let contacts = super::findings::period(report, super::flaws::DataFile::Contacts);
    for (voice, sums) in &report.voices {
        let Voice::Channel(channel) = *voice else {
            continue;
        };
        let hurts = self::voice(sums, pain);
        if hurts.is_empty() {
            continue;
        }
        let channel = &model.channels[channel];
        let subject = msg!(
            "measure-subject-channel",
            channel = channel.header.id.as_str()
        );
        out.push(finding(
            channel.header.span,
            subject,
            &hurts,
            pain,
            &contacts,
        ));
    }
}

fn finding(
    span: crate::source::Span,
    subject: Message,
    hurts: &[Hurt],
    pain: &Pain,
    period: &Arg,
) -> Diagnostic {
    let list = Arg::List(hurts.iter().map(|&h| words(h, pain)).collect());
    Diagnostic::new(
        Code::MeasuredPain,
        span,
        msg!(
            "measure-pain",
            subject = subject,
            hurts = list,
            period = period.clone()
        ),
    )
    .help(msg!("measure-pain-help"))
}
