//! The stable diagnostic codes. A code, once published, never changes meaning:
//! CI pipelines and `# cxc: allow(...)` comments depend on it.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What a finding rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The declaration it is reported in (and the names it refers to).
    Local,
    /// Several declarations compared with each other: while any of them has
    /// a syntax error, such a finding may only say that the broken one was
    /// not fully read, so it waits until the spec parses.
    Across,
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $reach:ident;)*) => {
        /// Every diagnostic code cxc can emit.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            pub fn reach(self) -> Reach {
                match self { $(Code::$variant => Reach::$reach,)* }
            }
        }
    };
}

// A code is `Local` when a declaration left half-read by a syntax error
// cannot make it false: `share-over-100` compares segments, but a share that
// was not read only lowers the sum, so what remains over 100% is real; a
// cycle of `reports_to` or escalations loses edges, never gains them.
codes! {
    Syntax = "syntax", Error, Local;
    InvalidValue = "invalid-value", Error, Local;
    UnknownReference = "unknown-reference", Error, Local;
    DuplicateDefinition = "duplicate-definition", Error, Local;
    IncludeCycle = "include-cycle", Error, Local;
    CannotLoad = "cannot-load", Error, Local;
    DeadEnd = "dead-end", Error, Local;
    UnreachableStep = "unreachable-step", Error, Local;
    NoExit = "no-exit", Error, Local;
    MissingOwner = "missing-owner", Error, Local;
    EscalationCycle = "escalation-cycle", Error, Local;
    ReportsToCycle = "reports-to-cycle", Error, Local;
    SegmentWithoutSla = "segment-without-sla", Error, Across;
    PromiseExceedsSla = "promise-exceeds-sla", Error, Across;
    ShareOver100 = "share-over-100", Error, Local;
    Understaffed = "understaffed", Error, Across;
    InvalidForecast = "invalid-forecast", Error, Local;
    InexactExport = "inexact-export", Warning, Across;
    ExportConflict = "export-conflict", Error, Across;
    HotPotato = "hot-potato", Warning, Across;
    ChannelSwitch = "channel-switch", Warning, Across;
    ChannelWithoutTarget = "channel-without-target", Warning, Across;
    ChannelWithoutResolution = "channel-without-resolution", Warning, Across;
    SlaChannelNotOffered = "sla-channel-not-offered", Warning, Across;
    PromiseWithoutRemedy = "promise-without-remedy", Warning, Local;
    ComplaintWithoutEscalation = "complaint-without-escalation", Warning, Local;
    ComplaintWithoutFeedback = "complaint-without-feedback", Warning, Local;
    MixedTierQueue = "mixed-tier-queue", Warning, Across;
    TooManyTiers = "too-many-tiers", Warning, Across;
    MissingAgreement = "missing-agreement", Warning, Across;
    DeadlineExceedsTarget = "deadline-exceeds-target", Warning, Across;
    StaleReview = "stale-review", Warning, Local;
    RoleWithoutDuties = "role-without-duties", Warning, Local;
    Unused = "unused", Warning, Across;
    TierInversion = "tier-inversion", Warning, Across;
    ParetoMismatch = "pareto-mismatch", Warning, Across;
    AgreementTooSlow = "agreement-too-slow", Warning, Across;
    BreachWithoutExplanation = "breach-without-explanation", Warning, Local;
    UnattendedChannel = "unattended-channel", Warning, Local;
    PreferredChannelNotOffered = "preferred-channel-not-offered", Warning, Across;
    MetricTargetUnmet = "metric-target-unmet", Error, Across;
    ReviewCadence = "review-cadence", Warning, Local;
    HighEffortStep = "high-effort-step", Warning, Local;
    EscalationAfterDeadline = "escalation-after-deadline", Warning, Local;
    EscalationOutOfOrder = "escalation-out-of-order", Warning, Local;
    AcknowledgeAfterResolve = "acknowledge-after-resolve", Warning, Local;
    ChannelNotOffered = "channel-not-offered", Warning, Across;
    PromiseClock = "promise-clock", Warning, Across;
    PromiseExceedsJourney = "promise-exceeds-journey", Error, Across;
    HeadcountShort = "headcount-short", Warning, Across;
    TargetMissed = "target-missed", Warning, Across;
    PromiseBroken = "promise-broken", Warning, Across;
    ComplaintLate = "complaint-late", Warning, Across;
    JourneyDeviation = "journey-deviation", Warning, Across;
    StepLate = "step-late", Warning, Across;
    BadData = "bad-data", Error, Across;
    DayOnBusinessClock = "day-on-business-clock", Warning, Across;
    WorkingDaysOnWallClock = "working-days-on-wall-clock", Warning, Across;
    MeasuredPain = "measured-pain", Warning, Across;
    RepeatContacts = "repeat-contacts", Warning, Across;
    ComplaintIncomplete = "complaint-incomplete", Warning, Local;
    EscalationDownward = "escalation-downward", Warning, Across;
    AgreementTierInversion = "agreement-tier-inversion", Warning, Across;
    PromiseBelowKeepRate = "promise-below-keep-rate", Warning, Across;
    TierWithoutValue = "tier-without-value", Warning, Across;
    SlaBeyondChannelHours = "sla-beyond-channel-hours", Warning, Across;
    InvalidTimezone = "invalid-timezone", Error, Local;
    RightConflict = "right-conflict", Warning, Across;
    HourlyCostUncosted = "hourly-cost-uncosted", Warning, Across;
    ForecastWhenClosed = "forecast-when-closed", Warning, Across;
    SpecialistOnTeamChannels = "specialist-on-team-channels", Warning, Across;
    PromiseToStepStart = "promise-to-step-start", Warning, Across;
    ForecastClockChange = "forecast-clock-change", Warning, Local;
    MixedScriptName = "mixed-script-name", Warning, Local;
    ShortWorkingDay = "short-working-day", Warning, Across;
    SameBranchLabel = "same-branch-label", Warning, Local;
    HoursUncovered = "hours-uncovered", Warning, Across;
    TemplateError = "template-error", Error, Local;
}

impl Code {
    /// Codes reported by `cxc build` for its exports, not by `cxc check`.
    pub const BUILD_ONLY: &'static [Code] = &[
        Code::InexactExport,
        Code::ExportConflict,
        Code::TemplateError,
    ];

    /// Codes reported by `cxc measure`: reality held against the spec.
    pub const MEASURE_ONLY: &'static [Code] = &[
        Code::TargetMissed,
        Code::PromiseBroken,
        Code::ComplaintLate,
        Code::JourneyDeviation,
        Code::StepLate,
        Code::BadData,
        Code::MeasuredPain,
        Code::RepeatContacts,
        Code::HourlyCostUncosted,
    ];

    pub fn parse(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The documentation of a code, printed by `cxc explain` and embedded in SARIF.
/// Its example lives beside the code that emits it; its words, in each
/// language, in the catalogues (`explain-CODE`).
#[derive(Debug)]
pub struct CodeDoc {
    pub code: Code,
    /// A spec fragment that triggers it.
    pub bad: &'static str,
    /// How to fix that fragment.
    pub fix: &'static str,
    /// What else the example needs to run, besides
    /// [`crate::explain::EXAMPLE_BASE`] (not printed; `tests/explain.rs`
    /// checks that `bad` triggers the code in it and `fix` does not).
    pub context: &'static str,
}

impl CodeDoc {
    /// One line: when it fires (`explain-CODE.summary` in the catalogues).
    pub fn summary(&self, language: crate::base::Language) -> String {
        crate::i18n::explain(self.code.as_str(), "summary", language)
    }

    /// The service practice or language rule behind it (`.why`).
    pub fn why(&self, language: crate::base::Language) -> String {
        crate::i18n::explain(self.code.as_str(), "why", language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_kebab_case() {
        for &code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(code));
            assert!(code
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        }
        assert_eq!(Code::parse("no-such-code"), None);
    }

    /// Here, not in `i18n`'s tests: `i18n` sits below `diagnostic`.
    #[test]
    fn every_code_is_explained_in_both_languages() {
        use crate::base::Language;
        for language in Language::ALL.iter().copied() {
            for code in Code::ALL {
                for part in ["summary", "why"] {
                    let id = format!("explain-{code}");
                    assert!(
                        crate::i18n::lookup(&id, Some(part), language).is_some(),
                        "{id}.{part} is missing in {language}"
                    );
                }
            }
        }
        let doc = CodeDoc {
            code: Code::DeadEnd,
            bad: "",
            fix: "",
            context: "",
        };
        let why = doc.why(Language::Ru);
        assert!(why.contains("клиент"), "{why}");
    }
}
