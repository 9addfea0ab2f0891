//! Checks: the rules of LANGUAGE.md section 3, run over the resolved model.
//!
//! One module per rule family; each exports `DOCS` (what, why, bad, fix) for
//! `cxc explain` and SARIF, and a `check` function that reports through
//! [`Ctx`]. Severities from the project config and inline suppressions are
//! applied afterwards, so rules only decide *whether* something is wrong.

mod agreements;
pub mod backing;
mod branches;
mod calendars;
mod channels;
mod clocks;
mod commitments;
mod complaints;
mod coverage;
mod escalations;
/// Graph walks, shared with the loader (a layer down); kept here by name.
pub use crate::base::graph;
mod handoffs;
pub mod journeys;
mod keep_rate;
mod levels;
mod organisation;
mod promise_end;
mod review;
mod rights;
mod specialists;
mod team_hours;
mod tiers;
mod value;
mod wording;

use crate::diagnostic::{CodeDoc, Diagnostic};
use crate::model::{Idx, Model, Segment, Sla};
use crate::syntax::values::Date;

pub use clocks::Timed;

pub use crate::config::check::{AgreementScope, Options, DEFAULT_PROMISE_KEEP_RATE};

/// The state shared by all rules of one run.
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub options: &'a Options,
    found: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    fn new(model: &'a Model, options: &'a Options) -> Self {
        Ctx {
            model,
            options,
            found: Vec::new(),
        }
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.found.push(diagnostic);
    }

    pub fn slas_of(&self, segment: Idx<Segment>) -> &[Idx<Sla>] {
        self.model.sla_ids_of(segment)
    }

    /// Whether every SLA of `segment` was read in full. A target that could
    /// not be read (`answer phone 190% …`) was reported as such; the SLA may
    /// have been meant to set it, so nothing is reported as missing or weak
    /// on its segment's targets (one error, no findings built on it).
    pub fn slas_read(&self, segment: Idx<Segment>) -> bool {
        self.slas_of(segment)
            .iter()
            .all(|&sla| self.model.slas[sla].header.fully_read)
    }

    /// The date the checks against today count from, as the caller gave
    /// it; none: those checks do not run (the analysis reads no clock).
    pub fn today(&self) -> Option<Date> {
        self.options.today
    }
}

/// A chain of names for a message: `a → b → c`.
pub(crate) fn chain<'n>(names: impl ExactSizeIterator<Item = &'n str>) -> crate::i18n::Arg {
    elide(names, " → ")
}

/// The longest path of steps a message says whole.
const WHOLE_PATH: usize = 60;

/// A journey's path of steps for a message, whole: the steps a finding
/// would hide are often the loop that explains it (audit 10, L7). A path
/// longer than [`WHOLE_PATH`] steps is no journey a person reads step by
/// step (a generated spec's): it is cut as any chain, its first and last
/// few steps, so that the message stays bounded however huge the spec.
pub(crate) fn path<'n>(names: impl ExactSizeIterator<Item = &'n str>) -> crate::i18n::Arg {
    if names.len() <= WHOLE_PATH {
        crate::i18n::Arg::Text(names.collect::<Vec<_>>().join(" → "))
    } else {
        chain(names)
    }
}

pub(crate) use crate::diagnostic::elide;

pub fn run(model: &Model, options: &Options) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(model, options);
    journeys::check(&mut ctx);
    branches::check(&mut ctx);
    organisation::check(&mut ctx);
    coverage::check(&mut ctx);
    levels::check(&mut ctx);
    commitments::check(&mut ctx);
    keep_rate::check(&mut ctx);
    complaints::check(&mut ctx);
    escalations::check(&mut ctx);
    handoffs::check(&mut ctx);
    agreements::check(&mut ctx);
    channels::check(&mut ctx);
    calendars::check(&mut ctx);
    tiers::check(&mut ctx);
    clocks::check(&mut ctx);
    value::check(&mut ctx);
    review::check(&mut ctx);
    rights::check(&mut ctx);
    specialists::check(&mut ctx);
    team_hours::check(&mut ctx);
    ctx.found
}

pub fn docs() -> impl Iterator<Item = &'static CodeDoc> {
    journeys::DOCS
        .iter()
        .chain(branches::DOCS)
        .chain(organisation::DOCS)
        .chain(coverage::DOCS)
        .chain(levels::DOCS)
        .chain(commitments::DOCS)
        .chain(keep_rate::DOCS)
        .chain(complaints::DOCS)
        .chain(escalations::DOCS)
        .chain(handoffs::DOCS)
        .chain(agreements::DOCS)
        .chain(channels::DOCS)
        .chain(calendars::DOCS)
        .chain(tiers::DOCS)
        .chain(clocks::DOCS)
        .chain(value::DOCS)
        .chain(review::DOCS)
        .chain(rights::DOCS)
        .chain(specialists::DOCS)
        .chain(team_hours::DOCS)
}

#[cfg(test)]
mod tests {
    use super::chain;
    use crate::base::Language;

    fn said(arg: crate::i18n::Arg) -> String {
        arg.said(Language::En)
    }

    #[test]
    fn short_chains_are_whole_and_long_ones_elided() {
        assert_eq!(said(chain(["a", "b", "a"].into_iter())), "a → b → a");
        let names: Vec<String> = (0..100).map(|i| format!("t{i}")).collect();
        assert_eq!(
            said(chain(names.iter().map(String::as_str))),
            "t0 → t1 → t2 → t3 → t4 → t5 → … (90 more) … → t96 → t97 → t98 → t99"
        );
        // How many are left out is said in the message's language (audit
        // 14, M2: "(12 more)" inside a Russian sentence).
        assert_eq!(
            chain(names.iter().map(String::as_str)).said(Language::Ru),
            "t0 → t1 → t2 → t3 → t4 → t5 → … (ещё 90) … → t96 → t97 → t98 → t99"
        );
        // A path of steps is said whole up to 60 steps; a longer one is
        // cut as a chain, so a huge spec's message stays short.
        let sixty: Vec<String> = (0..60).map(|i| format!("s{i}")).collect();
        assert_eq!(
            said(super::path(sixty.iter().map(String::as_str))),
            sixty.join(" → ")
        );
        assert_eq!(
            super::path(names.iter().map(String::as_str)),
            chain(names.iter().map(String::as_str))
        );
        let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
        assert_eq!(
            said(chain(eleven.iter().map(String::as_str)))
                .matches('→')
                .count(),
            10
        );
    }
}
