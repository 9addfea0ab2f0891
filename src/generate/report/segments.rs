//! Per segment and per channel, what the data holds whether a target asks
//! for it or not: the survey answers (CSAT, effort, NPS), repeat contacts,
//! first-contact resolution and channel switching, with the rows the
//! figures rest on and those set aside.

use super::basis::{Basis, SetAsideView};
use super::view::{hundredths, pain_kinds, Figure, MetricView, TargetView};
use crate::measure::metrics::{Sums, Voice};
use crate::measure::repeats::RepeatFigures;
use crate::measure::shown::percent_text;
use crate::measure::Report;
use crate::model::Model;
use crate::model::{Idx, Segment};
use crate::syntax::values::{trim_float, Comparison};
use serde::Serialize;

/// What customers answered in surveys: means and their counts.
#[derive(Debug, Default, Serialize)]
pub struct SurveyView {
    /// Mean CSAT (1..5), and the share satisfied (4 or 5).
    pub csat: Option<Figure>,
    pub csat_satisfied: Option<Figure>,
    pub csat_n: u64,
    /// Mean effort (1 low .. 5 high): the customer effort score.
    pub effort: Option<Figure>,
    pub effort_n: u64,
    /// Promoters less detractors, in points.
    pub nps: Option<Figure>,
    pub nps_n: u64,
}

impl SurveyView {
    fn of(sums: Option<&Sums>) -> SurveyView {
        let Some(s) = sums else {
            return SurveyView::default();
        };
        SurveyView {
            csat: s.csat_mean().map(hundredths),
            csat_satisfied: (s.csat_n > 0)
                .then(|| Figure(s.csat_satisfied as f64 * 100.0 / s.csat_n as f64)),
            csat_n: s.csat_n,
            effort: s.effort_mean().map(hundredths),
            effort_n: s.effort_n,
            nps: s.nps().map(hundredths),
            nps_n: s.nps_n,
        }
    }
}

/// What the contacts that name their customer show; none without such
/// contacts.
#[derive(Debug, Serialize)]
pub struct RepeatView {
    /// Contacts that name their customer.
    pub contacts: u64,
    /// Followed by another contact of the customer within the window: their
    /// count and share (0..100).
    pub repeated: u64,
    pub repeat_percent: Figure,
    /// Followed within the window by a contact on another channel.
    pub switched: u64,
    pub switch_percent: Figure,
    /// Resolved contacts, and the share of them resolved at first contact.
    pub resolved: u64,
    pub fcr_percent: Option<Figure>,
}

impl RepeatView {
    fn of(f: RepeatFigures) -> Option<RepeatView> {
        let share = |part: u64, n: u64| Figure(part as f64 * 100.0 / n as f64);
        (f.contacts > 0).then(|| RepeatView {
            contacts: f.contacts,
            repeated: f.repeated,
            repeat_percent: share(f.repeated, f.contacts),
            switched: f.switched,
            switch_percent: share(f.switched, f.contacts),
            resolved: f.resolved,
            fcr_percent: (f.resolved > 0).then(|| share(f.first_contact, f.resolved)),
        })
    }
}

/// One metric of a segment, with the standard beside it where the spec
/// has one.
#[derive(Debug, Serialize)]
pub struct FigureView {
    /// `answer`, `first_response`, `resolution`, `fcr`, `repeat`, `csat`,
    /// `ces`, `nps`, `asa`, `abandonment`, `complaints_per_1000`, `dropoff`.
    pub metric: String,
    /// What it is measured over when that is narrower than the segment: a
    /// journey for drop-off.
    pub of: Option<String>,
    pub value: Figure,
    pub text: String,
    pub n: u64,
    /// The standard as the spec writes it, and whether reality meets it.
    pub target: Option<String>,
    pub ok: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct SegmentView {
    pub segment: String,
    /// Contacts measured.
    pub contacts: u64,
    /// Every metric the data holds for the segment, target or not.
    pub figures: Vec<FigureView>,
    pub surveys: SurveyView,
    pub repeats: Option<RepeatView>,
    pub set_aside: SetAsideView,
}

#[derive(Debug, Serialize)]
pub struct ChannelView {
    pub channel: String,
    pub surveys: SurveyView,
    pub repeats: Option<RepeatView>,
    /// How the answers show the channel hurting (`measured-pain`).
    pub pain: Vec<&'static str>,
}

/// Every segment with contacts measured or set aside, in spec order.
pub fn segments(
    model: &Model,
    report: &Report,
    basis: &Basis<'_>,
    targets: &[TargetView],
    metrics: &[MetricView],
) -> Vec<SegmentView> {
    model
        .segments
        .iter()
        .map(|(id, s)| SegmentView {
            segment: s.header.id.to_string(),
            contacts: report.contacts_by_segment[id.index()],
            figures: figures(model, report, id, targets, metrics),
            surveys: SurveyView::of(report.voices.get(&Voice::Segment(id))),
            repeats: RepeatView::of(report.repeats.sum(|s, _| s == id)),
            set_aside: basis.segment(id),
        })
        .filter(|s| s.contacts > 0 || s.set_aside.rows > 0)
        .collect()
}

/// Every channel with survey answers or customers named, in spec order.
pub fn channels(model: &Model, report: &Report) -> Vec<ChannelView> {
    model
        .channels
        .iter()
        .filter_map(|(id, c)| {
            let sums = report.voices.get(&Voice::Channel(id));
            let repeats = RepeatView::of(report.repeats.sum(|_, x| x == id));
            if sums.is_none() && repeats.is_none() {
                return None;
            }
            let pain = sums.map_or(Vec::new(), |s| {
                pain_kinds(&crate::measure::pain::voice(s, &report.settings.pain))
            });
            Some(ChannelView {
                channel: c.header.id.to_string(),
                surveys: SurveyView::of(sums),
                repeats,
                pain,
            })
        })
        .collect()
}

/// Customers who went from one channel to another within the window.
#[derive(Debug, Serialize)]
pub struct SwitchView {
    pub from: String,
    pub to: String,
    pub count: u64,
}

/// Every switch between channels, most frequent first.
pub fn switches(model: &Model, report: &Report) -> Vec<SwitchView> {
    let mut out: Vec<SwitchView> = report
        .repeats
        .switches
        .iter()
        .map(|(&(from, to), &count)| SwitchView {
            from: model.channels[from].header.id.to_string(),
            to: model.channels[to].header.id.to_string(),
            count,
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.count));
    out
}

/// A segment's metrics: its SLA targets and `target` metrics as measured,
/// then what the data holds without a target.
fn figures(
    model: &Model,
    report: &Report,
    segment: Idx<Segment>,
    targets: &[TargetView],
    metrics: &[MetricView],
) -> Vec<FigureView> {
    let name = model.segments[segment].header.id.as_str();
    let mut out: Vec<FigureView> = targets
        .iter()
        .filter(|t| t.segment == name)
        .map(|t| FigureView {
            metric: t.kind.to_string(),
            of: None,
            value: t.percent,
            text: format!("{}%", trim_float(t.shown.0)),
            n: t.n,
            target: Some(t.statement.clone()),
            ok: t.ok,
        })
        .collect();
    out.extend(
        metrics
            .iter()
            .filter(|m| m.segment == name)
            .map(|m| FigureView {
                metric: m.metric.clone(),
                of: None,
                value: m.value,
                text: m.value_text.clone(),
                n: m.n,
                target: Some(m.statement.clone()),
                ok: Some(m.ok),
            }),
    );
    let targeted = |metric: &str, out: &[FigureView]| out.iter().any(|f| f.metric == metric);
    let plain = |metric: &str, value: f64, text: String, n: u64| FigureView {
        metric: metric.to_string(),
        of: None,
        value: Figure(value),
        text,
        n,
        target: None,
        ok: None,
    };
    let mut untargeted = Vec::new();
    let repeats = report.repeats.sum(|s, _| s == segment);
    if repeats.resolved > 0 && !targeted("fcr", &out) {
        let share = repeats.first_contact as f64 * 100.0 / repeats.resolved as f64;
        untargeted.push(plain(
            "fcr",
            share,
            percent_text(share, None).to_string(),
            repeats.resolved,
        ));
    }
    if repeats.contacts > 0 {
        let share = repeats.repeated as f64 * 100.0 / repeats.contacts as f64;
        let limit = report.settings.repeat_share;
        untargeted.push(FigureView {
            target: Some(format!("measure.repeat_share {limit}")),
            ok: Some(share <= limit.value()),
            ..plain(
                "repeat",
                share,
                percent_text(share, Some((Comparison::AtMost, limit.value()))).to_string(),
                repeats.contacts,
            )
        });
    }
    if let Some(sums) = report.voices.get(&Voice::Segment(segment)) {
        let surveyed = [
            ("csat", sums.csat_mean(), sums.csat_n),
            ("ces", sums.effort_mean(), sums.effort_n),
            ("nps", sums.nps(), sums.nps_n),
        ];
        for (metric, value, n) in surveyed {
            if let Some(value) = value.filter(|_| !targeted(metric, &out)) {
                untargeted.push(plain(metric, value, trim_float(hundredths(value).0), n));
            }
        }
    }
    let contacts = report.contacts_by_segment[segment.index()];
    if contacts > 0 {
        let per_1000 =
            report.complaints_by_segment[segment.index()] as f64 * 1000.0 / contacts as f64;
        let text = trim_float(hundredths(per_1000).0);
        untargeted.push(plain("complaints_per_1000", per_1000, text, contacts));
    }
    // Journey drop-off is not a segment's figure: case rows name no
    // segment, so it is given once per journey (`journeys[].dropoff`).
    out.extend(untargeted);
    out
}
