//! The seeds of the SLAs' `target` metrics (`sla_metrics`): which channels
//! each SLA governs for each of its segments, written from
//! [`Model::sla_governs`] so the SQL never works the rule out again, and
//! the `target` lines the exports can show.

use super::spec::Spec;
use super::Table;
use crate::measure::metrics::target_figure;
use crate::syntax::ast::TargetValue;
use crate::syntax::values::Metric;

impl Spec<'_> {
    /// One row per SLA, segment of it and channel the SLA governs for the
    /// segment: a contact there counts towards the SLA's metrics. `live`:
    /// the SLA has an answer target on the channel for the segment (its
    /// contacts can be abandoned, their wait is the ASA); `calendar` and
    /// `zone`: the clock the wait runs on and the zone local times are
    /// read in (the SLA's `hours`, else the channel's).
    pub fn sla_governs(&self) -> Table {
        let m = self.model;
        let mut t = Table::new(&[
            ("sla", 's'),
            ("segment", 's'),
            ("channel", 's'),
            ("live", 'i'),
            ("calendar", 's'),
            ("zone", 'i'),
        ]);
        for (segment_id, segment) in m.segments.iter() {
            for (_, sla) in m.slas_of(segment_id) {
                let hours = sla.hours.as_ref().and_then(|h| h.target);
                for (channel_id, channel) in m.channels.iter() {
                    if !m.sla_governs(segment_id, sla, channel_id) {
                        continue;
                    }
                    let channel_hours = channel.hours.as_ref().and_then(|h| h.target);
                    let live = m.live_answers(sla, segment_id, channel_id).next().is_some();
                    t.row([
                        sla.header.id.to_string(),
                        segment.header.id.to_string(),
                        channel.header.id.to_string(),
                        u8::from(live).to_string(),
                        self.clock(hours),
                        self.zone(hours.or(channel_hours)),
                    ]);
                }
            }
        }
        t
    }

    /// Every `target` line of an SLA the exports can show: its place among
    /// the SLA's lines, metric, comparison, unit (`percent`, `number`,
    /// `seconds`) and goal in that unit.
    pub fn sla_kpis(&self) -> Table {
        let mut t = Table::new(&[
            ("sla", 's'),
            ("sla_ord", 'i'),
            ("idx", 'i'),
            ("metric", 's'),
            ("comparison", 's'),
            ("unit", 's'),
            ("goal", 'd'),
        ]);
        for (sla_id, sla) in self.model.slas.iter() {
            for (i, kpi) in sla.targets.iter().enumerate() {
                let kpi = &kpi.value;
                let shown = !matches!(
                    kpi.metric,
                    Metric::Aht | Metric::Occupancy | Metric::ServiceLevel
                );
                if !shown {
                    continue;
                }
                let unit = match kpi.value {
                    TargetValue::Percent(_) => "percent",
                    TargetValue::Number(_) => "number",
                    TargetValue::Duration(_) => "seconds",
                };
                t.row([
                    sla.header.id.to_string(),
                    sla_id.index().to_string(),
                    i.to_string(),
                    kpi.metric.to_string(),
                    kpi.comparison.to_string(),
                    unit.into(),
                    target_figure(kpi.value).to_string(),
                ]);
            }
        }
        t
    }
}
