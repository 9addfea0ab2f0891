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

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident;)*) => {
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
        }
    };
}

codes! {
    Syntax = "syntax", Error;
    InvalidValue = "invalid-value", Error;
    UnknownReference = "unknown-reference", Error;
    DuplicateDefinition = "duplicate-definition", Error;
    IncludeCycle = "include-cycle", Error;
    DeadEnd = "dead-end", Error;
    UnreachableStep = "unreachable-step", Error;
    NoExit = "no-exit", Error;
    MissingOwner = "missing-owner", Error;
    EscalationCycle = "escalation-cycle", Error;
    ReportsToCycle = "reports-to-cycle", Error;
    SegmentWithoutSla = "segment-without-sla", Error;
    PromiseExceedsSla = "promise-exceeds-sla", Error;
    ShareOver100 = "share-over-100", Error;
    Understaffed = "understaffed", Error;
    InvalidForecast = "invalid-forecast", Error;
    InexactExport = "inexact-export", Warning;
    ExportConflict = "export-conflict", Error;
    HotPotato = "hot-potato", Warning;
    ChannelSwitch = "channel-switch", Warning;
    ChannelWithoutTarget = "channel-without-target", Warning;
    PromiseWithoutRemedy = "promise-without-remedy", Warning;
    ComplaintWithoutEscalation = "complaint-without-escalation", Warning;
    ComplaintWithoutFeedback = "complaint-without-feedback", Warning;
    MixedTierQueue = "mixed-tier-queue", Warning;
    TooManyTiers = "too-many-tiers", Warning;
    MissingAgreement = "missing-agreement", Warning;
    DeadlineExceedsTarget = "deadline-exceeds-target", Warning;
    StaleReview = "stale-review", Warning;
    RoleWithoutDuties = "role-without-duties", Warning;
    Unused = "unused", Warning;
}

impl Code {
    /// Codes reported by `cxc build` for its exports, not by `cxc check`.
    pub const BUILD_ONLY: &'static [Code] = &[Code::InexactExport, Code::ExportConflict];

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
/// Each lives beside the code that emits it.
#[derive(Debug)]
pub struct CodeDoc {
    pub code: Code,
    /// One line: when it fires.
    pub summary: &'static str,
    /// The service practice or language rule behind it.
    pub why: &'static str,
    /// A spec fragment that triggers it.
    pub bad: &'static str,
    /// How to fix that fragment.
    pub fix: &'static str,
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
}
