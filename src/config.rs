//! Project configuration: `cxc.yaml` beside the spec, or `--config FILE`.
//!
//! ```yaml
//! rules:                 # severity per rule: off | warning | error
//!   unused: off
//!   hot-potato: error
//! thresholds:
//!   hot-potato: 2        # team changes allowed along a journey (default 3)
//!   too-many-tiers: 5    # queue priority levels a caller can reach (default 4)
//!   headcount-short: 36  # hours one person works a week (default 40)
//!   missing-agreement: tier-1   # handoffs that need an agreement (default all)
//! ```
//!
//! serde_yaml is archived upstream, so it is used in exactly one function,
//! [`yaml::parse_yaml`]; everything else works on `serde_json::Value`.

use self::check::Options;
use crate::diagnostic::{closest, Code, Diagnostic, Severity};
use crate::i18n::Message;
use crate::msg;
use crate::source::{FileId, SourceMap, Span, MAX_FILE_SIZE};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

pub mod check;
mod duplicates;
mod exports;
pub mod fields;
pub mod limits;
mod measure;
#[cfg(test)]
mod tests;
mod yaml;
pub use measure::Measure;
use yaml::{key_places, parse_yaml, YamlError, YamlFault};

/// A rule's configured severity; `None` turns it off.
pub type Level = Option<Severity>;

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub levels: BTreeMap<Code, Level>,
    pub max_handoffs: Option<u32>,
    pub max_tiers: Option<u32>,
    /// `thresholds.headcount-short`: the hours one person works a week,
    /// for headcount-short's weekly question (default 40).
    pub working_week: Option<u32>,
    /// `thresholds.high-effort-step.effort` and `.dropoff`.
    pub max_effort: Option<f64>,
    pub max_dropoff: Option<crate::syntax::values::Percent>,
    /// `thresholds.missing-agreement: tier-1 | all`.
    pub agreement_scope: Option<self::check::AgreementScope>,
    pub exports: Exports,
    /// `limits.file_size`: the largest file a spec may make cxc read. A
    /// spec's own setting only lowers the run's limit (see
    /// [`Config::within`]).
    pub file_limit: Option<u64>,
    /// `limits.findings_per_code`: findings of one code shown per file. It
    /// only lowers the run's own limit (`--max-findings`, else 100).
    pub max_findings: Option<usize>,
    /// `measure:`: reading the exports, and the goals they are held to.
    pub measure: Measure,
}

/// Settings of the exporters (`exports:`), for the systems cxc writes to.
#[derive(Debug, Clone, Default)]
pub struct Exports {
    /// The Zendesk condition field that tells a ticket's segment
    /// (default `current_tags`, tested with `includes` for the segment's id).
    pub zendesk_segment_field: Option<String>,
    /// TaskRouter queue SIDs by cx queue id.
    pub taskrouter_queues: BTreeMap<String, String>,
    /// Where each of those queue ids is written in `cxc.yaml`, so the
    /// TaskRouter export can point at one that names no TaskQueue.
    pub taskrouter_queue_places: BTreeMap<String, Span>,
    /// The task attribute that holds the segment (default `segment`).
    pub taskrouter_segment_attribute: Option<String>,
    /// `exports.taskrouter.task_timeout`: the `Timeout` (seconds) tasks are
    /// created with; TaskRouter's default, 86,400, when absent.
    pub taskrouter_task_timeout: Option<u64>,
    /// `exports.taskrouter.fallback_queue`: the TaskQueue SID for tasks no
    /// queue of the spec serves (a channel without a queue).
    pub taskrouter_fallback_queue: Option<String>,
    /// `exports.zendesk.via_ids`: the Zendesk via ids a channel's tickets
    /// arrive through, by channel id, instead of those of its kind.
    pub zendesk_via_ids: BTreeMap<String, Vec<u64>>,
    /// `exports.zendesk.ticket_forms`, `brands` and `channel_tags`: what
    /// tells a channel's tickets apart from another channel's that arrive
    /// through the same via id (the ticket form, the brand, a tag a trigger
    /// sets), by channel id.
    pub zendesk_ticket_forms: BTreeMap<String, Vec<u64>>,
    pub zendesk_brands: BTreeMap<String, Vec<u64>>,
    pub zendesk_channel_tags: BTreeMap<String, String>,
    /// `exports.segments`: the name of each segment in every export (see
    /// `generate::names`), by segment id.
    pub segment_values: BTreeMap<String, String>,
    /// `exports.channels`: the same for channels.
    pub channel_values: BTreeMap<String, String>,
    /// `exports.zendesk.organizations`: Zendesk organization ids by segment
    /// id, when `segment_field` is `organization_id`.
    pub zendesk_organizations: BTreeMap<String, Vec<u64>>,
    /// Every key of the maps above keyed by a name of the spec, where it is
    /// written: the exports report one the spec lacks (a typo would be
    /// ignored without a word, audit 14 M6).
    pub spec_keys: Vec<SpecKey>,
}

/// A key of a map of `exports:` keyed by a channel's or a segment's id
/// (`exports.zendesk.via_ids`, `exports.segments`, …), and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecKey {
    /// The map, as cxc.yaml nests it: `exports.zendesk.via_ids`.
    pub map: &'static str,
    /// Whether it names a channel (else a segment).
    pub channel: bool,
    pub name: String,
    pub place: Span,
}

impl Config {
    /// Applies severities: drops what is off, re-grades the rest.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|d| match self.levels.get(&d.code) {
            None => true,
            Some(None) => false,
            Some(Some(level)) => {
                d.severity = *level;
                true
            }
        });
    }

    /// The settings a run uses: every limit in `limits:` is at most the
    /// run's own (the default, or a command-line flag). A spec comes from
    /// whoever wrote the pull request; its cxc.yaml may lower a limit that
    /// protects the machine checking it, never raise one.
    pub fn within(mut self, limits: &self::limits::Limits) -> Config {
        self.file_limit = Some(
            self.file_limit
                .map_or(limits.file_size, |own| own.min(limits.file_size)),
        );
        self
    }

    pub fn options(&self, base: &Options) -> Options {
        Options {
            today: base.today,
            max_handoffs: self.max_handoffs.unwrap_or(base.max_handoffs),
            max_tiers: self.max_tiers.unwrap_or(base.max_tiers),
            max_effort: self.max_effort.unwrap_or(base.max_effort),
            max_dropoff: self.max_dropoff.unwrap_or(base.max_dropoff),
            max_findings: self
                .max_findings
                .map_or(base.max_findings, |n| n.min(base.max_findings)),
            promise_keep_rate: self
                .measure
                .promise_keep_rate
                .unwrap_or(base.promise_keep_rate),
            agreement_scope: self.agreement_scope.unwrap_or(base.agreement_scope),
        }
    }
}

/// Codes a config may not silence: the text must still be readable.
const FIXED: &[Code] = &[Code::Syntax, Code::InvalidValue];
const THRESHOLDS: &[&str] = &[
    "hot-potato",
    "too-many-tiers",
    "headcount-short",
    "high-effort-step",
    "missing-agreement",
];
const SECTIONS: &[&str] = &["rules", "thresholds", "exports", "limits", "measure"];
const LIMITS: &[&str] = &["file_size", "findings_per_code"];

/// Reads a config file already added to `sources`. Mistakes are diagnostics
/// (code `invalid-value`) pointing into the file.
pub fn parse(file: FileId, sources: &SourceMap) -> (Config, Vec<Diagnostic>) {
    let text = &sources.get(file).text;
    let mut reader = Reader {
        file,
        text,
        sources,
        diagnostics: Vec::new(),
        keys: std::cell::OnceCell::new(),
    };
    let config = reader.read();
    (config, reader.diagnostics)
}

struct Reader<'a> {
    file: FileId,
    text: &'a str,
    sources: &'a SourceMap,
    diagnostics: Vec<Diagnostic>,
    /// Where each `key:` first stands, read in one pass when first needed.
    keys: std::cell::OnceCell<std::collections::HashMap<Cow<'a, str>, usize>>,
}

impl Reader<'_> {
    fn read(&mut self) -> Config {
        let mut config = Config::default();
        if self.duplicate_keys() {
            return config;
        }
        let value = match parse_yaml(self.text) {
            Ok(v) => v,
            Err(YamlError { what, at }) => {
                let span = match at {
                    Some((line, column)) => self.position(line, column),
                    None => Span::new(self.file, 0, 0),
                };
                let (message, help) = match what {
                    YamlFault::Invalid(error) => (
                        msg!("config-not-yaml", error = error),
                        msg!("config-not-yaml-help"),
                    ),
                    // A threshold's own words, with its range.
                    YamlFault::OutOfRange(key) => match key.strip_prefix("thresholds.") {
                        Some(name) => (
                            msg!("config-threshold-number", threshold = name.to_string()),
                            msg!("config-threshold-number-help"),
                        ),
                        None => (
                            msg!("config-number-out-of-range", key = key),
                            msg!("config-number-out-of-range-help"),
                        ),
                    },
                };
                self.error(span, message, help);
                return config;
            }
        };
        let map = match value {
            Value::Null => return config,
            Value::Object(map) => map,
            _ => {
                self.error(
                    Span::new(self.file, 0, 0),
                    msg!("config-not-mapping"),
                    msg!("config-not-mapping-help"),
                );
                return config;
            }
        };
        for (key, value) in map {
            match key.as_str() {
                "rules" => self.rules(&value, &mut config),
                "thresholds" => self.thresholds(&value, &mut config),
                "exports" => self.exports(&value, &mut config.exports),
                "limits" => self.limits(&value, &mut config),
                "measure" => self.measure(&value, &mut config.measure),
                other => self.unknown(other, msg!("config-section"), SECTIONS),
            }
        }
        config
    }

    fn rules(&mut self, value: &Value, config: &mut Config) {
        let Some(map) = value.as_object() else {
            if !value.is_null() {
                let span = self.find("rules");
                self.error(
                    span,
                    msg!("config-rules-not-mapping"),
                    msg!("config-rules-not-mapping-help"),
                );
            }
            return;
        };
        let names: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| !FIXED.contains(c))
            .map(|c| c.as_str())
            .collect();
        for (name, level) in map {
            let Some(code) = Code::parse(name).filter(|c| !FIXED.contains(c)) else {
                // The rules are too many to list in every finding (a file
                // of 100,000 unknown names would repeat them 100,000 times):
                // a close name, else where the list is.
                let help = closest(name, names.iter().copied()).map_or_else(
                    || msg!("config-rule-list"),
                    |c| msg!("did-you-mean", name = c),
                );
                self.report_unknown(name, msg!("config-rule"), help);
                continue;
            };
            // YAML 1.1 reads a bare `off` as false.
            let level = match level {
                Value::String(s) if s == "off" => Some(None),
                Value::Bool(false) => Some(None),
                Value::String(s) if s == "warning" => Some(Some(Severity::Warning)),
                Value::String(s) if s == "error" => Some(Some(Severity::Error)),
                _ => None,
            };
            match level {
                Some(level) => {
                    config.levels.insert(code, level);
                }
                None => {
                    let span = self.find(name);
                    self.error(
                        span,
                        msg!("config-severity", rule = name),
                        msg!("config-severity-help"),
                    );
                }
            }
        }
    }

    fn thresholds(&mut self, value: &Value, config: &mut Config) {
        let Some(map) = value.as_object() else { return };
        for (name, number) in map {
            if name == "high-effort-step" {
                self.effort_thresholds(number, config);
                continue;
            }
            if name == "missing-agreement" {
                self.agreement_scope(number, config);
                continue;
            }
            let slot = match name.as_str() {
                "hot-potato" => &mut config.max_handoffs,
                "too-many-tiers" => &mut config.max_tiers,
                "headcount-short" => &mut config.working_week,
                other => {
                    self.unknown(other, msg!("config-threshold"), THRESHOLDS);
                    continue;
                }
            };
            match number.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => *slot = Some(n),
                None => {
                    let span = self.find(name);
                    self.error(
                        span,
                        msg!("config-threshold-number", threshold = name),
                        msg!("config-threshold-number-help"),
                    );
                }
            }
        }
    }

    fn limits(&mut self, value: &Value, config: &mut Config) {
        let Some(map) = value.as_object() else { return };
        for (name, size) in map {
            if name == "findings_per_code" {
                self.findings_limit(size, config);
                continue;
            }
            if name != "file_size" {
                self.unknown(name, msg!("config-limit"), LIMITS);
                continue;
            }
            match parse_size(size) {
                Some(bytes) if bytes > 0 && bytes <= MAX_FILE_SIZE => {
                    config.file_limit = Some(bytes)
                }
                Some(bytes) if bytes > 0 => {
                    let span = self.find(name);
                    self.error(
                        span,
                        msg!(
                            "config-file-size-max",
                            max = crate::base::bytes(MAX_FILE_SIZE)
                        ),
                        msg!("config-file-size-max-help"),
                    );
                }
                _ => {
                    let span = self.find(name);
                    self.error(
                        span,
                        msg!("config-file-size"),
                        msg!("config-file-size-help"),
                    );
                }
            }
        }
    }

    /// `limits.findings_per_code: 20`: a whole number from 1.
    fn findings_limit(&mut self, value: &Value, config: &mut Config) {
        match value.as_u64().filter(|&n| n >= 1) {
            Some(n) => config.max_findings = Some(usize::try_from(n).unwrap_or(usize::MAX)),
            None => {
                let span = self.find("findings_per_code");
                self.error(
                    span,
                    msg!("config-findings-limit"),
                    msg!("config-findings-limit-help"),
                );
            }
        }
    }

    /// `missing-agreement: tier-1` (the language-1 scope) or `all`.
    fn agreement_scope(&mut self, value: &Value, config: &mut Config) {
        use crate::config::check::AgreementScope;
        match value.as_str() {
            Some("all") => config.agreement_scope = Some(AgreementScope::All),
            Some("tier-1") => config.agreement_scope = Some(AgreementScope::TopTier),
            _ => {
                let span = self.find("missing-agreement");
                self.error(
                    span,
                    msg!("config-agreement-scope"),
                    msg!("config-agreement-scope-help"),
                );
            }
        }
    }

    /// `high-effort-step: { effort: 4, dropoff: 30% }`.
    fn effort_thresholds(&mut self, value: &Value, config: &mut Config) {
        let Some(map) = value.as_object() else {
            let span = self.find("high-effort-step");
            self.error(
                span,
                msg!("config-effort-not-mapping"),
                msg!("config-effort-not-mapping-help"),
            );
            return;
        };
        for (name, limit) in map {
            match name.as_str() {
                "effort" => match limit.as_f64().filter(|e| (1.0..=5.0).contains(e)) {
                    Some(effort) => config.max_effort = Some(effort),
                    None => {
                        let span = self.find(name);
                        self.error(span, msg!("config-effort"), msg!("config-effort-help"));
                    }
                },
                "dropoff" => {
                    let text = match limit {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(format!("{n}%")),
                        _ => None,
                    };
                    let parsed = text
                        .and_then(|t| crate::syntax::values::Percent::parse(t.trim()).ok())
                        .filter(|p| (0.0..=100.0).contains(&p.value()));
                    match parsed {
                        Some(p) => config.max_dropoff = Some(p),
                        None => {
                            let span = self.find(name);
                            self.error(span, msg!("config-dropoff"), msg!("config-dropoff-help"));
                        }
                    }
                }
                other => self.unknown(
                    other,
                    msg!("config-effort-threshold"),
                    &["effort", "dropoff"],
                ),
            }
        }
    }

    /// An unknown name among a few `known` ones: a close one, else them all.
    fn unknown(&mut self, name: &str, what: Message, known: &[&str]) {
        let help = match closest(name, known.iter().copied()) {
            Some(c) => msg!("did-you-mean", name = c),
            None => msg!(
                "config-known",
                what = what.clone(),
                known = known.join(", ")
            ),
        };
        self.report_unknown(name, what, help);
    }

    fn report_unknown(&mut self, name: &str, what: Message, help: Message) {
        let span = self.find(name);
        self.error(
            span,
            msg!(
                "config-unknown",
                what = what,
                name = crate::escape::shorten(name, 64)
            ),
            help,
        );
    }

    /// Reports every key written twice in one mapping, at both places:
    /// the file is refused, since a reader would keep the last silently.
    fn duplicate_keys(&mut self) -> bool {
        let file = self.sources.get(self.file);
        let found = duplicates::find(self.text);
        for d in &found {
            let line = |at: usize| file.line_index(at) + 1;
            let span = |at: usize| Span::new(self.file, at, at + d.key.len());
            let written = duplicates::unquoted(d.key);
            let key = crate::escape::shorten(&written, 64);
            let message = if line(d.first) == line(d.second) {
                // In one flow mapping on one line: the columns tell them apart.
                let column = |at: usize| {
                    self.text[..at]
                        .rsplit('\n')
                        .next()
                        .map_or(0, |l| l.chars().count())
                        + 1
                };
                msg!(
                    "config-duplicate-key-line",
                    key = key.clone(),
                    first = line(d.first),
                    first_column = column(d.first),
                    second_column = column(d.second)
                )
            } else {
                msg!(
                    "config-duplicate-key",
                    key = key.clone(),
                    first = line(d.first),
                    second = line(d.second)
                )
            };
            self.diagnostics.push(
                Diagnostic::new(Code::InvalidValue, span(d.second), message)
                    .help(msg!("config-duplicate-key-help", key = key.clone()))
                    .label(span(d.first), msg!("config-duplicate-key-first", key = key)),
            );
        }
        !found.is_empty()
    }

    fn error(&mut self, span: Span, message: Message, help: Message) {
        self.diagnostics
            .push(Diagnostic::new(Code::InvalidValue, span, message).help(help));
    }

    /// The place of `key:` in the file (serde_yaml values carry no positions):
    /// its first occurrence after a space or a line's indentation, or the
    /// file's start. Looked up in [`key_places`], so that a file of 100,000
    /// unknown keys is read once, not once per key.
    fn find(&self, key: &str) -> Span {
        let start = self
            .keys
            .get_or_init(|| key_places(self.text))
            .get(key)
            .copied()
            .unwrap_or(0);
        Span::new(self.file, start, start + key.len())
    }

    /// A 1-based line and a 1-based column counted in characters (as
    /// serde_yaml reports them) as a span on a character boundary.
    fn position(&self, line: usize, column: usize) -> Span {
        let file = self.sources.get(self.file);
        let index = line.saturating_sub(1);
        let text = file.line_text(index);
        let within = text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i);
        let start = (file.line_start(index) + within).min(self.text.len());
        Span::new(self.file, start, start)
    }
}

/// `64MB`, `512 KB`, `1GB` or a plain number of bytes.
fn parse_size(value: &Value) -> Option<u64> {
    match value.as_u64() {
        Some(n) => Some(n),
        None => size(value.as_str()?),
    }
}

/// A size written as in `limits.file_size` (also `--max-file-size`).
pub fn size(text: &str) -> Option<u64> {
    let text = text.trim().to_ascii_uppercase();
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
    let unit = text[digits.len()..].trim();
    let scale: u64 = match unit {
        "" | "B" => 1,
        "KB" | "KIB" | "K" => 1 << 10,
        "MB" | "MIB" | "M" => 1 << 20,
        "GB" | "GIB" | "G" => 1 << 30,
        _ => return None,
    };
    digits.trim().parse::<u64>().ok()?.checked_mul(scale)
}
