//! What a check run needs besides the model. Defined here, with the
//! settings of `cxc.yaml` that fill it, because the loader reads them a
//! layer below `check`, which re-exports them.

use crate::syntax::values::Date;

/// `measure.promise_keep_rate` when `cxc.yaml` does not set it: `cxc
/// measure` calls a promise kept less often broken, and
/// promise-below-keep-rate holds the target backing it to the same rate.
pub const DEFAULT_PROMISE_KEEP_RATE: crate::syntax::values::Percent =
    crate::syntax::values::Percent::new(95.0);

/// What a check run needs besides the model.
#[derive(Debug, Clone)]
pub struct Options {
    /// "Today" for `stale-review`, given by the caller (the commands pass
    /// `--today` or the system's date); `None`: nothing is checked against
    /// today. The analysis reads no clock, so its findings stay the same
    /// for the same inputs.
    pub today: Option<Date>,
    /// hot-potato fires above this many team changes.
    pub max_handoffs: u32,
    /// too-many-tiers fires above this many priority levels on a channel.
    pub max_tiers: u32,
    /// high-effort-step fires at this measured effort (1..5) or more...
    pub max_effort: f64,
    /// ...or at this drop-off or more.
    pub max_dropoff: crate::syntax::values::Percent,
    /// Findings of one code shown per file ([`crate::diagnostic::cap`]).
    pub max_findings: usize,
    /// `measure.promise_keep_rate`: promise-below-keep-rate holds a
    /// promise's backing target to the rate `cxc measure` holds the promise.
    pub promise_keep_rate: crate::syntax::values::Percent,
    /// Which handoffs need an agreement (`missing-agreement`).
    pub agreement_scope: AgreementScope,
}

/// The work `missing-agreement` asks an agreement for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgreementScope {
    /// Every handoff between teams (language 3).
    #[default]
    All,
    /// Only work that serves a tier-1 segment (language 1;
    /// `thresholds: missing-agreement: tier-1` in `cxc.yaml`).
    TopTier,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            today: None,
            max_handoffs: 3,
            max_tiers: 4,
            max_effort: 4.0,
            max_dropoff: crate::syntax::values::Percent::new(30.0),
            max_findings: crate::diagnostic::DEFAULT_MAX_FINDINGS,
            promise_keep_rate: DEFAULT_PROMISE_KEEP_RATE,
            agreement_scope: AgreementScope::All,
        }
    }
}
