//! `measure:` — how `cxc measure` reads the exports and what it holds them to.
//!
//! ```yaml
//! measure:
//!   columns:                 # field: the export's column (Zendesk, Twilio, …)
//!     id: Ticket ID
//!     created: Created at
//!   promise_keep_rate: 95%   # a promise kept less often is broken
//!   deadline_rate: 95%       # deadlines without a percentage of their own
//!   pain:                    # `measured-pain`; effort and dropoff default
//!     effort: 4              # to thresholds.high-effort-step
//!     dropoff: 30%
//!     csat: 2                # a mean step or channel CSAT at or below this
//!   repeat_window: 7d        # the same customer again within this: a repeat
//!   repeat_share: 20%        # `repeat-contacts` above this share
//!   churn_share: 100%        # of the customers at risk, the share who leave
//!   self_service_target: 40% # the saving if self-service took this share
//! ```

use super::Reader;
use crate::msg;
use crate::syntax::values::Percent;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Field name → the export's column name.
    pub columns: BTreeMap<String, String>,
    pub promise_keep_rate: Option<Percent>,
    pub deadline_rate: Option<Percent>,
    /// `pain:` — where measured effort, drop-off or CSAT hurts.
    pub pain_effort: Option<f64>,
    pub pain_dropoff: Option<Percent>,
    pub pain_csat: Option<f64>,
    /// `repeat_window`, in seconds, and `repeat_share`.
    pub repeat_window: Option<u64>,
    pub repeat_share: Option<Percent>,
    /// Money: the share of customers at risk who leave, and the share of
    /// contacts self-service should take.
    pub churn_share: Option<Percent>,
    pub self_service_target: Option<Percent>,
}

const KEYS: &[&str] = &[
    "columns",
    "promise_keep_rate",
    "deadline_rate",
    "pain",
    "repeat_window",
    "repeat_share",
    "churn_share",
    "self_service_target",
];
const PAIN_KEYS: &[&str] = &["effort", "dropoff", "csat"];

/// Every field a row of either export can have.
fn field_names() -> [&'static str; super::fields::Field::ALL.len()] {
    super::fields::Field::ALL.map(|f| f.name())
}

impl Reader<'_> {
    pub(super) fn measure(&mut self, value: &Value, measure: &mut Measure) {
        let Some(map) = value.as_object() else { return };
        for (key, value) in map {
            match key.as_str() {
                "columns" => {
                    let Some(columns) = value.as_object() else {
                        self.text_setting(key, value);
                        continue;
                    };
                    let names = field_names();
                    for (field, column) in columns {
                        if !names.contains(&field.as_str()) {
                            self.unknown(field, msg!("config-measure-field"), &names);
                        } else if let Some(column) = self.text_setting(field, column) {
                            measure.columns.insert(field.clone(), column);
                        }
                    }
                }
                "promise_keep_rate" => measure.promise_keep_rate = self.rate(key, value),
                "deadline_rate" => measure.deadline_rate = self.rate(key, value),
                "pain" => self.pain(value, measure),
                "repeat_share" => measure.repeat_share = self.rate(key, value),
                "repeat_window" => measure.repeat_window = self.window(key, value),
                "churn_share" => measure.churn_share = self.rate(key, value),
                "self_service_target" => measure.self_service_target = self.rate(key, value),
                other => self.unknown(other, msg!("config-measure-setting"), KEYS),
            }
        }
    }

    /// `pain: { effort: 4, dropoff: 30%, csat: 2 }`.
    fn pain(&mut self, value: &Value, measure: &mut Measure) {
        let Some(map) = value.as_object() else {
            let span = self.find("pain");
            self.error(
                span,
                msg!("config-pain-not-mapping"),
                msg!("config-pain-not-mapping-help"),
            );
            return;
        };
        for (key, value) in map {
            match key.as_str() {
                "effort" => measure.pain_effort = self.scale(key, value),
                "csat" => measure.pain_csat = self.scale(key, value),
                "dropoff" => measure.pain_dropoff = self.rate(key, value),
                other => self.unknown(other, msg!("config-measure-setting"), PAIN_KEYS),
            }
        }
    }

    /// A duration of the language (`7d`, `48h`), longer than nothing.
    fn window(&mut self, key: &str, value: &Value) -> Option<u64> {
        let seconds = value
            .as_str()
            .and_then(|t| crate::syntax::values::Duration::parse(t.trim()).ok())
            .map(|d| d.seconds())
            .filter(|&s| s > 0);
        if seconds.is_none() {
            let span = self.find(key);
            self.error(
                span,
                msg!("config-window", key = crate::escape::shorten(key, 64)),
                msg!("config-window-help"),
            );
        }
        seconds
    }

    /// A survey answer's figure, 1 to 5.
    fn scale(&mut self, key: &str, value: &Value) -> Option<f64> {
        let figure = value.as_f64().filter(|n| (1.0..=5.0).contains(n));
        if figure.is_none() {
            let span = self.find(key);
            self.error(
                span,
                msg!("config-scale", key = crate::escape::shorten(key, 64)),
                msg!("config-scale-help"),
            );
        }
        figure
    }

    /// `95%` or `95`, from 0 to 100.
    fn rate(&mut self, key: &str, value: &Value) -> Option<Percent> {
        let percent = match value {
            Value::Number(n) => n.as_f64().map(Percent::new),
            Value::String(s) => Percent::parse(s.trim()).ok(),
            _ => None,
        }
        .filter(|p| (0.0..=100.0).contains(&p.value()));
        if percent.is_none() {
            let span = self.find(key);
            self.error(
                span,
                msg!("config-rate", key = crate::escape::shorten(key, 64)),
                msg!("config-rate-help"),
            );
        }
        percent
    }
}
