//! Measured figures beside the standards (`cxc build --contacts/--cases`):
//! the documents look each target and step up here and print what reality
//! did next to what the standard says.

use super::report::MeasureView;
use crate::measure::shown::tenths;
use crate::syntax::values::Language;

pub(crate) struct Measured<'v> {
    view: &'v MeasureView,
    language: Language,
}

/// A step as the cases lived it, for the map and its table.
pub(crate) struct StepFigures {
    pub text: String,
    pub csat: Option<f64>,
    /// Median time (so named, in words) and drop-off, for the map's box.
    pub badge: Option<String>,
    /// The data shows the step hurting (`measured-pain`): the map marks it
    /// as it marks a `high-effort-step`.
    pub hurts: bool,
}

/// The rows the figures rest on and those set aside as bad data, as the
/// documents that quote measured figures say them.
#[derive(Debug, serde::Serialize)]
pub(crate) struct MeasuredRows {
    pub contacts: String,
    pub visits: String,
    pub bad_contacts: String,
    pub bad_visits: String,
}

impl<'v> Measured<'v> {
    /// The rows measured and set aside, in the documents' numbers.
    pub fn rows(&self) -> MeasuredRows {
        let r = &self.view.rows;
        let n = |count: u64| self.number(count as f64);
        MeasuredRows {
            contacts: n(r.contacts),
            visits: n(r.visits),
            bad_contacts: n(r.bad_contacts),
            bad_visits: n(r.bad_visits),
        }
    }

    pub fn new(view: &'v MeasureView, language: Language) -> Measured<'v> {
        Measured { view, language }
    }

    fn verdict(&self, ok: bool) -> &'static str {
        self.said(Some(ok))
    }

    /// "met", "missed", or "no data" when nothing was measured.
    fn said(&self, ok: Option<bool>) -> &'static str {
        match (ok, self.language) {
            (None, Language::En) => "no data",
            (None, Language::Ru) => "нет данных",
            (Some(true), Language::En) => "met",
            (Some(false), Language::En) => "missed",
            (Some(true), Language::Ru) => "выполнено",
            (Some(false), Language::Ru) => "не выполнено",
        }
    }

    /// `94.2% of 278 (met)` for the `index`-th target of `kind` of an SLA.
    pub fn target(&self, sla: &str, segment: &str, kind: &str, index: usize) -> Option<String> {
        let t =
            self.view.targets.iter().find(|t| {
                t.sla == sla && t.segment == segment && t.kind == kind && t.index == index
            })?;
        Some(self.share(t.shown.0, t.n, t.ok))
    }

    /// `92.2% over 166 (met)` for a `target` metric, by its statement.
    pub fn metric(&self, sla: &str, segment: &str, metric: &str) -> Option<String> {
        let m = self
            .view
            .metrics
            .iter()
            .find(|m| m.sla == sla && m.segment == segment && m.metric == metric)?;
        Some(format!(
            "{} (n = {}, {})",
            m.value_text,
            m.n,
            self.verdict(m.ok)
        ))
    }

    /// A figure as the documents' language writes it (`5.7`, `5,7`), as
    /// the reports' templates do.
    fn number(&self, value: f64) -> String {
        crate::i18n::grouped(value, self.language)
    }

    fn share(&self, percent: f64, n: u64, ok: Option<bool>) -> String {
        format!("{}% (n = {n}, {})", self.number(percent), self.said(ok))
    }

    /// Puts each step's figures on its node: the tooltip, and the measured
    /// CSAT on the map's experience curve in place of the spec's.
    pub fn annotate(&self, graph: &mut super::journey::Graph, journey: &crate::model::Journey) {
        for (node, step) in graph.nodes.iter_mut().zip(journey.steps.values()) {
            if let Some(figures) = self.step(&journey.header.id, &step.header.id) {
                node.csat = figures.csat.or(node.csat);
                node.measured = Some(figures.text);
                node.badge = figures.badge;
                node.hurts |= figures.hurts;
            }
        }
    }

    /// Median and 90th-percentile time, drop-off and CSAT of a step.
    pub fn step(&self, journey: &str, step: &str) -> Option<StepFigures> {
        let j = self.view.journeys.iter().find(|j| j.journey == journey)?;
        let s = j.steps.iter().find(|s| s.step == step)?;
        if s.reached == 0 {
            return None;
        }
        let (median, p90, dropoff) = match self.language {
            Language::En => ("median", "90th percentile", "drop-off"),
            Language::Ru => ("медиана", "90-й процентиль", "отток"),
        };
        let mut parts = Vec::new();
        if let (Some(m), Some(p)) = (s.time.median, s.time.p90) {
            let say = |t| super::words::duration(crate::measure::findings::round(t), self.language);
            parts.push(format!("{median} {}, {p90} {}", say(m), say(p)));
        }
        if let Some(d) = s.dropoff {
            parts.push(format!("{dropoff} {}%", self.number(tenths(d.0, None))));
        }
        if let Some(c) = s.csat {
            parts.push(format!("CSAT {}", self.number(c.0)));
        }
        parts.push(format!("n = {}", s.reached));
        // The box says what the time is — a median, in words of the map's
        // language — so it does not read as the step's deadline written in
        // the spec's notation ("2h", untranslated on a Russian map).
        let badge: Vec<String> = [
            s.time.median.map(|m| {
                let t = super::words::duration(crate::measure::findings::round(m), self.language);
                format!("{median} {t}")
            }),
            s.dropoff
                .map(|d| format!("↓{}%", self.number(tenths(d.0, None)))),
        ]
        .into_iter()
        .flatten()
        .collect();
        Some(StepFigures {
            text: parts.join("; "),
            csat: s.csat.map(|c| c.0),
            badge: (!badge.is_empty()).then(|| badge.join(" · ")),
            hurts: !s.pain.is_empty(),
        })
    }
}
