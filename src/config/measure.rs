//! `measure:` — how `cxc measure` reads the exports and what it holds them to.
//!
//! ```yaml
//! measure:
//!   columns:                 # field: the export's column (Zendesk, Twilio, …)
//!     id: Ticket ID
//!     created: Created at
//!   promise_keep_rate: 95%   # a promise kept less often is broken
//!   deadline_rate: 95%       # deadlines without a percentage of their own
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
}

const KEYS: &[&str] = &["columns", "promise_keep_rate", "deadline_rate"];

/// Every field a row of either export can have.
fn field_names() -> [&'static str; crate::measure::rows::Field::ALL.len()] {
    crate::measure::rows::Field::ALL.map(|f| f.name())
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
                other => self.unknown(other, msg!("config-measure-setting"), KEYS),
            }
        }
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
