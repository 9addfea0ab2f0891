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
//! [`parse_yaml`]; everything else works on `serde_json::Value`.

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
pub mod fields;
pub mod limits;
mod measure;
pub use measure::Measure;

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

/// Deeper nesting than this is no configuration anyone writes; refusing it
/// before parsing keeps a hostile file from costing minutes.
const MAX_DEPTH: usize = 32;

/// Why a config is not read, and where (a 1-based line and column).
struct YamlError {
    what: YamlFault,
    at: Option<(usize, usize)>,
}

enum YamlFault {
    /// Not YAML, in serde_yaml's words.
    Invalid(String),
    /// A whole number beyond every integer a setting can hold (past
    /// u64, below i64): the dotted path of its key.
    OutOfRange(String),
}

/// The only place that touches serde_yaml.
fn parse_yaml(text: &str) -> Result<Value, YamlError> {
    if let Some((line, column)) = too_deep(text) {
        return Err(YamlError {
            what: YamlFault::Invalid(format!("it nests deeper than {MAX_DEPTH} levels")),
            at: Some((line, column)),
        });
    }
    match serde_yaml::from_str::<Value>(text) {
        Ok(value) => Ok(value),
        Err(e) => {
            let at = e.location().map(|l| (l.line(), l.column()));
            let said = e.to_string();
            // serde_json's words for an integer past u64 (or below i64),
            // after the path of its key: "thresholds.x: JSON number out
            // of range at line 2 column 19".
            let what = match said.split_once(": JSON number out of range") {
                Some((key, _)) if !key.contains(' ') => YamlFault::OutOfRange(key.to_string()),
                _ => YamlFault::Invalid(said),
            };
            Err(YamlError { what, at })
        }
    }
}

/// Where flow (`[`, `{`) or block (indentation) nesting first exceeds
/// [`MAX_DEPTH`], as a 1-based line and column; quoted text is skipped.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (index, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if quote.is_none() && indent / 2 > MAX_DEPTH {
            return Some((index + 1, 1));
        }
        let mut escaped = false;
        for (column, c) in line.chars().enumerate() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' && q == '"' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '#' => break,
                    '"' | '\'' => quote = Some(c),
                    '[' | '{' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Some((index + 1, column + 1));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
        }
    }
    None
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
/// The longest task `Timeout` TaskRouter accepts: 30 days.
const MAX_TASK_TIMEOUT: u64 = 30 * 86_400;
const EXPORTS: &[&str] = &["zendesk", "taskrouter", "segments", "channels"];
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

    fn exports(&mut self, value: &Value, exports: &mut Exports) {
        let Some(map) = value.as_object() else { return };
        for (system, settings) in map {
            if let ("segments" | "channels", Some(names)) = (system.as_str(), settings.as_object())
            {
                let channel = system == "channels";
                for (id, value) in names {
                    if let Some(value) = self.code_setting(id, value, Shape::ExportName) {
                        let (map, target) = if channel {
                            ("exports.channels", &mut exports.channel_values)
                        } else {
                            ("exports.segments", &mut exports.segment_values)
                        };
                        target.insert(id.clone(), value);
                        self.spec_key(&mut exports.spec_keys, map, channel, id);
                    }
                }
                continue;
            }
            let Some(settings) = settings.as_object() else {
                if !EXPORTS.contains(&system.as_str()) {
                    self.unknown(system, msg!("config-export"), EXPORTS);
                }
                continue;
            };
            for (key, value) in settings {
                match (system.as_str(), key.as_str()) {
                    ("zendesk", "segment_field") => {
                        exports.zendesk_segment_field =
                            self.code_setting(key, value, Shape::ZendeskField)
                    }
                    ("taskrouter", "segment_attribute") => {
                        exports.taskrouter_segment_attribute =
                            self.code_setting(key, value, Shape::Attribute)
                    }
                    ("taskrouter", "queues") => match value.as_object() {
                        Some(queues) => {
                            for (queue, sid) in queues {
                                if let Some(sid) = self.code_setting(queue, sid, Shape::QueueSid) {
                                    let place = self.find(queue);
                                    exports.taskrouter_queue_places.insert(queue.clone(), place);
                                    exports.taskrouter_queues.insert(queue.clone(), sid);
                                }
                            }
                        }
                        None => {
                            let span = self.find(key);
                            self.error(span, msg!("config-queues"), msg!("config-queues-help"));
                        }
                    },
                    ("zendesk", "organizations" | "via_ids" | "ticket_forms" | "brands") => {
                        let lists = self.id_lists(key, value);
                        let (map, into, channel) = match key.as_str() {
                            "organizations" => (
                                "exports.zendesk.organizations",
                                &mut exports.zendesk_organizations,
                                false,
                            ),
                            "via_ids" => (
                                "exports.zendesk.via_ids",
                                &mut exports.zendesk_via_ids,
                                true,
                            ),
                            "ticket_forms" => (
                                "exports.zendesk.ticket_forms",
                                &mut exports.zendesk_ticket_forms,
                                true,
                            ),
                            _ => ("exports.zendesk.brands", &mut exports.zendesk_brands, true),
                        };
                        for name in lists.keys() {
                            self.spec_key(&mut exports.spec_keys, map, channel, name);
                        }
                        *into = lists;
                    }
                    ("zendesk", "channel_tags") => {
                        for (channel, tag) in value.as_object().into_iter().flatten() {
                            if let Some(tag) = self.code_setting(channel, tag, Shape::ExportName) {
                                exports.zendesk_channel_tags.insert(channel.clone(), tag);
                                let map = "exports.zendesk.channel_tags";
                                self.spec_key(&mut exports.spec_keys, map, true, channel);
                            }
                        }
                    }
                    ("taskrouter", "task_timeout") => match value.as_u64() {
                        Some(seconds) if (1..=MAX_TASK_TIMEOUT).contains(&seconds) => {
                            exports.taskrouter_task_timeout = Some(seconds)
                        }
                        _ => {
                            let span = self.find(key);
                            self.error(
                                span,
                                msg!("config-task-timeout", max = MAX_TASK_TIMEOUT),
                                msg!("config-task-timeout-help"),
                            );
                        }
                    },
                    ("taskrouter", "fallback_queue") => {
                        exports.taskrouter_fallback_queue =
                            self.code_setting(key, value, Shape::QueueSid)
                    }
                    ("zendesk", other) => self.unknown(
                        other,
                        msg!("config-zendesk-setting"),
                        &[
                            "segment_field",
                            "organizations",
                            "via_ids",
                            "ticket_forms",
                            "brands",
                            "channel_tags",
                        ],
                    ),
                    ("taskrouter", other) => self.unknown(
                        other,
                        msg!("config-taskrouter-setting"),
                        &[
                            "queues",
                            "segment_attribute",
                            "task_timeout",
                            "fallback_queue",
                        ],
                    ),
                    (other, _) => {
                        self.unknown(other, msg!("config-export"), EXPORTS);
                        break;
                    }
                }
            }
        }
    }

    /// Notes where `name`, a key of `map` naming a channel (else a
    /// segment), is written, for the exports to check it names one.
    fn spec_key(&self, keys: &mut Vec<SpecKey>, map: &'static str, channel: bool, name: &str) {
        keys.push(SpecKey {
            map,
            channel,
            name: name.to_string(),
            place: self.find(name),
        });
    }

    /// `name: [id, ...]` (or `name: id`) for each name of a map of whole
    /// numbers: Zendesk organization ids by segment, via ids by channel.
    fn id_lists(&mut self, key: &str, value: &Value) -> BTreeMap<String, Vec<u64>> {
        let mut found = BTreeMap::new();
        let Some(map) = value.as_object() else {
            let span = self.find(key);
            self.error(
                span,
                msg!("config-id-lists", key = crate::escape::shorten(key, 64)),
                msg!(
                    "config-id-lists-help",
                    key = crate::escape::shorten(key, 64)
                ),
            );
            return found;
        };
        for (name, ids) in map {
            let list: Option<Vec<u64>> = match ids {
                Value::Array(items) => items.iter().map(Value::as_u64).collect(),
                other => other.as_u64().map(|id| vec![id]),
            };
            match list {
                Some(list) if !list.is_empty() => {
                    found.insert(name.clone(), list);
                }
                _ => {
                    let span = self.find(name);
                    self.error(
                        span,
                        msg!(
                            "config-ids",
                            name = crate::escape::shorten(name, 64),
                            key = crate::escape::shorten(key, 64)
                        ),
                        msg!("config-ids-help", name = crate::escape::shorten(name, 64)),
                    );
                }
            }
        }
        found
    }

    fn text_setting(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            _ => {
                let span = self.find(key);
                self.error(
                    span,
                    msg!("config-text", key = crate::escape::shorten(key, 64)),
                    msg!("config-text-help"),
                );
                None
            }
        }
    }

    /// A setting that is pasted into an expression or a filter in a vendor's
    /// system: it must have exactly the shape that system expects, or it
    /// could change what the expression means.
    fn code_setting(&mut self, key: &str, value: &Value, shape: Shape) -> Option<String> {
        let text = self.text_setting(key, value)?;
        if shape.accepts(&text) {
            return Some(text);
        }
        let span = self.find(key);
        self.error(
            span,
            msg!(
                "config-shape",
                key = crate::escape::shorten(key, 64),
                shape = shape.describe(),
                value = crate::escape::shorten(&text, 64)
            ),
            shape.example(),
        );
        None
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

/// For every `:` in `text`, the word before it (from the last space) and
/// the line before it (from its indentation), each mapped to where it first
/// stands: every place a key of a YAML mapping can be written, in one pass.
fn key_places(text: &str) -> std::collections::HashMap<Cow<'_, str>, usize> {
    let mut places = std::collections::HashMap::new();
    let (mut line, mut word) = (None, 0);
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\r' {
            (line, word) = (None, i + 1);
        } else if c.is_whitespace() || FLOW.contains(&c) {
            // A key of a flow mapping (`{hot-potato: 2, x: 1}`) starts
            // after its brace or comma (attack 12, L2: it was placed at 1:1).
            word = i + c.len_utf8();
            if !c.is_whitespace() {
                line.get_or_insert(i);
            }
        } else {
            let line = *line.get_or_insert(i);
            if c == ':' {
                let (key, at) = unquoted(&text[word..i], word);
                places.entry(key).or_insert(at);
                // The line from its indentation: a quoted key with spaces in it.
                let (whole, from) = unquoted(&text[line..i], line);
                places.entry(whole).or_insert(from);
            }
        }
    }
    places
}

/// The characters that end a key's word in a flow collection.
const FLOW: [char; 3] = ['{', '[', ','];

/// A key written in quotes (`"hot-potato": 2`), without them, and where it
/// starts; a double-quoted key's escapes read as YAML reads them, so that
/// `"q1\"x"` is found as the key `q1"x` (attack 15, L2: it was placed at
/// 1:1).
fn unquoted(key: &str, at: usize) -> (Cow<'_, str>, usize) {
    if let Some(inner) = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) {
        let inner = match inner.contains("''") {
            true => Cow::Owned(inner.replace("''", "'")),
            false => Cow::Borrowed(inner),
        };
        return (inner, at + 1);
    }
    if let Some(inner) = key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        if !inner.contains('\\') {
            return (Cow::Borrowed(inner), at + 1);
        }
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('0') => out.push('\0'),
                Some(other) => out.push(other),
                None => {}
            }
        }
        return (Cow::Owned(out), at + 1);
    }
    (Cow::Borrowed(key), at)
}

/// The forms of settings that end up inside a vendor's expressions.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A TaskRouter task attribute: `segment`, `customer.tier`.
    Attribute,
    /// A Zendesk condition field: `current_tags`, `organization_id`, `custom_fields_360001`.
    ZendeskField,
    /// A TaskRouter TaskQueue SID: `WQ` and 32 hexadecimal digits.
    QueueSid,
    /// A name in every export: lower-case letters, digits and `_`.
    ExportName,
}

impl Shape {
    fn accepts(self, text: &str) -> bool {
        let word = |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        match self {
            Shape::Attribute => text.len() <= 128 && text.split('.').all(word),
            Shape::ZendeskField => text.len() <= 128 && word(text),
            Shape::QueueSid => {
                text.len() == 34
                    && text.starts_with("WQ")
                    && text[2..].chars().all(|c| c.is_ascii_hexdigit())
            }
            Shape::ExportName => {
                text.chars().count() <= 64
                    && text
                        .chars()
                        .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '_')
            }
        }
    }

    fn describe(self) -> Message {
        match self {
            Shape::Attribute => msg!("shape-attribute"),
            Shape::ZendeskField => msg!("shape-zendesk-field"),
            Shape::QueueSid => msg!("shape-queue-sid"),
            Shape::ExportName => msg!("shape-export-name"),
        }
    }

    fn example(self) -> Message {
        match self {
            Shape::Attribute => msg!("shape-attribute-help"),
            Shape::ZendeskField => msg!("shape-zendesk-field-help"),
            Shape::QueueSid => msg!("shape-queue-sid-help"),
            Shape::ExportName => msg!("shape-export-name-help"),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn read(text: &str) -> (Config, Vec<Diagnostic>) {
        let mut sources = SourceMap::default();
        let id = sources.add(SourceFile::new(
            "cxc.yaml".into(),
            "cxc.yaml".into(),
            text.into(),
        ));
        parse(id, &sources)
    }

    #[test]
    fn reads_levels_and_thresholds() {
        let (config, errors) =
            read("rules:\n  unused: off\n  hot-potato: error\nthresholds:\n  too-many-tiers: 5\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.levels[&Code::Unused], None);
        assert_eq!(config.levels[&Code::HotPotato], Some(Severity::Error));
        assert_eq!(config.max_tiers, Some(5));
    }

    /// Where `key:` first stands after a space or at the start: the search
    /// [`key_places`] replaces, once per key.
    fn first_place(text: &str, key: &str) -> usize {
        text.match_indices(&format!("{key}:"))
            .map(|(i, _)| i)
            .find(|&i| {
                text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace() || FLOW.contains(&c))
            })
            .unwrap_or(0)
    }

    proptest::proptest! {
        #[test]
        fn keys_are_found_where_a_search_from_the_start_finds_them(
            text in "[ab:\\- \n\r\tщ#{,\\[]{0,80}",
            key in "[ab:щ-]{1,4}",
        ) {
            let places = key_places(&text);
            let found = places.get(key.as_str()).copied().unwrap_or(0);
            proptest::prop_assert_eq!(found, first_place(&text, &key));
        }
    }

    #[test]
    fn keys_with_spaces_are_found_from_their_indentation() {
        let text = "rules:\n  no such rule: off\n";
        assert_eq!(
            key_places(text)["no such rule"],
            text.find("no such").unwrap()
        );
    }

    #[test]
    fn a_hundred_thousand_unknown_keys_are_each_placed() {
        let text: String = std::iter::once("rules:\n".to_string())
            .chain((0..100_000).map(|i| format!("  no-such-rule-{i}: off\n")))
            .collect();
        let (_, errors) = read(&text);
        assert_eq!(errors.len(), 100_000);
        for (i, e) in errors.iter().enumerate().step_by(997) {
            let key = format!("no-such-rule-{i}");
            assert_eq!(&text[e.span.start()..e.span.end()], key);
            // Not the list of every rule, 100,000 times over.
            assert_eq!(e.help, "run `cxc explain` for the list of rules");
        }
    }

    /// Attack 12, L5: a whole number past u64 read "not valid YAML: JSON
    /// number out of range". It names its key and the range, at its place.
    #[test]
    fn a_number_past_every_range_names_its_key_and_the_range() {
        let text = "thresholds:\n  too-many-tiers: 99999999999999999999\n";
        let (_, errors) = read(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].message,
            "the threshold `too-many-tiers` must be a whole number from 0 to 4,294,967,295"
        );
        assert_eq!(errors[0].span.start(), text.find("9999").unwrap());
        let text = "limits:\n  findings_per_code: -99999999999999999999\n";
        let (_, errors) = read(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.starts_with(
                "`limits.findings_per_code` in cxc.yaml is a number out of range: \
                 no setting holds a whole number below −9,223,372,036,854,775,808"
            ),
            "{}",
            errors[0].message
        );
        // In u32: read.
        let (config, errors) = read("thresholds:\n  too-many-tiers: 4294967295\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.max_tiers, Some(u32::MAX));
    }

    /// Attack 12, L2: a value in a flow mapping was reported at 1:1. Its
    /// key is found after the brace or comma, quoted or not.
    #[test]
    fn a_key_in_a_flow_mapping_is_placed_where_it_stands() {
        for text in [
            "# settings\nthresholds: {hot-potato: \"two\"}\n",
            "thresholds: {too-many-tiers: 3,hot-potato: \"two\"}\n",
            "thresholds: { \"hot-potato\": two }\n",
            "thresholds: {'hot-potato': two}\n",
        ] {
            let (_, errors) = read(text);
            assert_eq!(errors.len(), 1, "{text}: {errors:?}");
            let at = errors[0].span.start();
            assert_eq!(at, text.find("hot-potato").unwrap(), "{text}");
            assert!(errors[0].message.contains("`hot-potato`"), "{text}");
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let (_, errors) = read("rules:\n  unsued: off\nthreshold:\n  x: 1\n");
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].help, "did you mean `unused`?");
        assert_eq!(errors[1].help, "did you mean `thresholds`?");
    }

    #[test]
    fn reads_export_settings() {
        let (config, errors) = read(
            "exports:\n  zendesk:\n    segment_field: organization_id\n  taskrouter:\n    queues:\n      vip_line: WQ0123456789abcdef0123456789abcdef\n    segment_attribute: tier_name\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let e = &config.exports;
        assert_eq!(e.zendesk_segment_field.as_deref(), Some("organization_id"));
        assert_eq!(
            e.taskrouter_queues["vip_line"],
            "WQ0123456789abcdef0123456789abcdef"
        );
        assert_eq!(e.taskrouter_segment_attribute.as_deref(), Some("tier_name"));
        let (_, errors) = read("exports:\n  zendsk:\n    x: 1\n  taskrouter:\n    queue: 1\n");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].help, "did you mean `zendesk`?");
        assert_eq!(errors[1].help, "did you mean `queues`?");
    }

    #[test]
    fn a_column_after_a_wide_character_is_a_character_boundary() {
        // serde_yaml counts the column in characters; `é` is two bytes.
        let (_, errors) = read("'é");
        assert_eq!(errors.len(), 1);
        let span = errors[0].span;
        assert!("'é".is_char_boundary(span.start()), "{span:?}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let text = format!("rules: {}{}", "[".repeat(50_000), "]".repeat(50_000));
        let started = std::time::Instant::now();
        let (_, errors) = read(&text);
        assert!(started.elapsed().as_secs() < 2);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("nests deeper"), "{errors:?}");
        let blocks: String = (0..100)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        let (_, errors) = read(&blocks);
        assert!(errors[0].message.contains("nests deeper"), "{errors:?}");
    }

    #[test]
    fn reads_the_file_size_limit() {
        let (config, errors) = read("limits:\n  file_size: 2MB\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.file_limit, Some(2 << 20));
        let (_, errors) = read("limits:\n  file_size: lots\n");
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn settings_that_become_code_must_have_their_shape() {
        let (config, errors) = read(
            "exports:\n  taskrouter:\n    segment_attribute: \"1 == 1 OR task.x\"\n    queues:\n      a: \"WQ1' OR '1\"\n  zendesk:\n    segment_field: \"x\\\"}\"\n",
        );
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(config.exports.taskrouter_segment_attribute.is_none());
        assert!(config.exports.taskrouter_queues.is_empty());
        assert!(config.exports.zendesk_segment_field.is_none());
    }

    #[test]
    fn syntax_cannot_be_silenced() {
        let (_, errors) = read("rules:\n  syntax: off\n");
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_key_written_twice_is_refused_at_both_lines() {
        let text = "thresholds:\n  hot-potato: 2\n  too-many-tiers: 5\n  hot-potato: 5\n";
        let (config, errors) = read(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!(e.code, Code::InvalidValue);
        assert!(e.message.contains("lines 2 and 4"), "{}", e.message);
        let line_of = |at: usize| text[..at].matches('\n').count() + 1;
        assert_eq!(line_of(e.span.start()), 4);
        assert_eq!(line_of(e.labels[0].0.start()), 2);
        // Refused: neither value is used.
        assert_eq!(config.max_handoffs, None);
    }

    #[test]
    fn the_agreement_scope_is_all_or_tier_1() {
        use crate::config::check::AgreementScope;
        let (config, errors) = read("thresholds:\n  missing-agreement: tier-1\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.agreement_scope, Some(AgreementScope::TopTier));
        let base = Options::default();
        assert_eq!(base.agreement_scope, AgreementScope::All);
        assert_eq!(
            config.options(&base).agreement_scope,
            AgreementScope::TopTier
        );
        let (_, errors) = read("thresholds:\n  missing-agreement: tier-2\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
