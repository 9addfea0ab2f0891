//! The complaint policies: a complaint ticket (tagged `complaint_<name>`)
//! gets its rule's `acknowledge` as the first reply and `resolve` as the
//! resolution — but never a weaker target than its segment's own SLA gives
//! it on its channel (audit 9, D3: a Premier ticket tagged P3 lost its
//! 30-minute reply to the rule's 4 hours). Zendesk applies one policy per
//! ticket, the first that matches, so where a segment's SLA is stricter on
//! some channel the complaint gets, before its own policy, one per group of
//! those segments and channels holding the stricter of each target.
//!
//! Where the two count on different clocks, the one that always ends first
//! is written ([`sooner`]); where neither does (30 business minutes can
//! outlast 4 hours over a weekend), the shorter figure is written and
//! `inexact-export` says how long each can take — but a rule's target on
//! the wall clock is kept in calendar minutes, so a legal deadline never
//! falls due in Zendesk after the law's (audit 16, M6).

use super::slas::{same, schedule, timed, Target, Tiered};
use super::sooner::{said, sooner, takes_closing, wall, wall_range, Sooner};
use super::{filters, metrics, policy, ChannelMatch, SegmentMatch};
use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::generate::minutes::report;
use crate::generate::names::ExportNames;
use crate::generate::words;
use crate::model::{self, Calendar, Complaint, Idx, Model, Segment};
use crate::msg;
use crate::syntax::values::Language;
use serde_json::{json, Value};

/// Where the policies go, with the calendar each counts on.
pub(super) struct Out<'o> {
    pub bodies: &'o mut Vec<Value>,
    pub calendars: &'o mut Vec<(String, Option<Idx<Calendar>>)>,
}

pub(super) struct Context<'a> {
    pub model: &'a Model,
    pub exports: &'a Exports,
    pub names: &'a ExportNames,
    pub segments: &'a SegmentMatch<'a>,
    pub language: Language,
    pub tiers: &'a [Tiered],
}

impl Context<'_> {
    fn labels(&self, segments: &[Idx<Segment>]) -> String {
        if segments.is_empty() {
            return words::every_segment(self.language).to_string();
        }
        let labels: Vec<&str> = segments
            .iter()
            .map(|&s| self.model.segments[s].header.label())
            .collect();
        labels.join(", ")
    }

    /// The stricter of a complaint's target and an SLA's; an SLA target
    /// that is not always the stricter nor always the weaker is reported.
    fn stricter(
        &self,
        complaint: Option<Target>,
        sla: Option<Target>,
        rule: &Complaint,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Target> {
        let (Some(c), Some(s)) = (complaint, sla) else {
            return complaint.or(sla);
        };
        // Whichever always ends first, though its figure be the larger (10
        // wall hours before 9 office hours of 8 a day).
        Some(match sooner(self.model, &c, &s) {
            Sooner::First | Sooner::Same => c,
            Sooner::Second => s,
            Sooner::Neither => {
                // A deadline on the wall clock (the law's 10 calendar days
                // to answer a refund claim) is exact in calendar minutes
                // and must never fall due later in Zendesk than it does
                // (audit 16, M6): the rule's is kept, though the SLA's
                // business time ends first on some tickets.
                let kept = if wall(self.model, &c) || c.time <= s.time {
                    c
                } else {
                    s
                };
                self.clocks_differ(c, s, kept == c, rule, problems);
                kept
            }
        })
    }

    /// Says that neither of two targets on different clocks always ends
    /// first, how long each can take, so when each wins, and which one the
    /// policy holds (`rule_kept`: the rule's).
    fn clocks_differ(
        &self,
        c: Target,
        s: Target,
        rule_kept: bool,
        rule: &Complaint,
        problems: &mut Vec<Diagnostic>,
    ) {
        let model = self.model;
        let limit = |t: &Target| said(model, t);
        let kept = if rule_kept && wall(model, &c) {
            "wall"
        } else {
            "shorter"
        };
        let message = match (wall_range(model, &c), wall_range(model, &s)) {
            (Some(rule_range), Some(sla_range)) => {
                let sla_takes = takes_closing(sla_range);
                let rule_takes = takes_closing(rule_range);
                msg!(
                    "zendesk-complaint-clocks",
                    complaint = &rule.header.id,
                    sla = limit(&s),
                    rule_time = limit(&c),
                    sla_takes = sla_takes,
                    rule_takes = rule_takes,
                    kept = kept
                )
            }
            _ => msg!(
                "zendesk-complaint-clocks-never",
                complaint = &rule.header.id,
                sla = limit(&s),
                rule_time = limit(&c),
                kept = kept
            ),
        };
        let note = Diagnostic::new(Code::InexactExport, s.span, message)
            .help(msg!("zendesk-complaint-clocks-help"));
        report(problems, note);
    }

    /// The policies of one complaint rule, its own last.
    pub(super) fn policies(
        &self,
        id: Idx<Complaint>,
        complaint: &Complaint,
        out: &mut Out,
        problems: &mut Vec<Diagnostic>,
    ) {
        let model = self.model;
        // Empty: every segment, which needs no condition.
        let listed: Vec<Idx<Segment>> = model::targets(&complaint.segments).collect();
        let calendar = complaint.hours.as_ref().and_then(|h| h.target);
        let target = |t: Option<model::At<_>>, problems: &mut Vec<Diagnostic>| {
            t.map(|t| timed(model, t.value, t.span, calendar, problems))
        };
        let acknowledge = target(complaint.acknowledge, problems);
        let resolve = target(complaint.resolve, problems);
        let title = words::complaint_title(complaint.header.label(), self.language);
        let description = complaint
            .header
            .description
            .clone()
            .unwrap_or_else(|| format!("cxc complaint rule `{}`", complaint.header.id));
        let tag = json!({"field": "current_tags", "operator": "includes", "value": self.names.complaint_tag(id)});
        let mut write = |name: String,
                         channels: &str,
                         reply: Option<Target>,
                         resolution: Option<Target>,
                         filter: Value,
                         problems: &mut Vec<Diagnostic>| {
            let calendar = schedule(model, &name, channels, reply, resolution, problems);
            out.calendars.push((name.clone(), calendar));
            out.bodies.push(policy(
                name,
                description.clone(),
                filter,
                metrics(self.model, reply, resolution),
            ));
        };
        for tier in self.tiers {
            let segments: Vec<Idx<Segment>> = tier
                .covered
                .segments
                .iter()
                .copied()
                .filter(|s| listed.is_empty() || listed.contains(s))
                .collect();
            if segments.is_empty() {
                continue;
            }
            let conditions = self.segments.conditions(&segments);
            let general = self.stricter(resolve, tier.general, complaint, problems);
            // Tickets from channels without a policy of their own: the
            // catch-all below when the general resolution is stricter,
            // else the complaint's own policy.
            let catch_all = !same(general, resolve);
            for group in &tier.groups {
                let reply = self.stricter(acknowledge, group.reply, complaint, problems);
                let resolution = self.stricter(resolve, group.resolution, complaint, problems);
                if !catch_all && same(reply, acknowledge) && same(resolution, resolve) {
                    continue;
                }
                let matched = ChannelMatch::new(model, self.exports, &group.channels);
                for (filter, channels) in matched.filters(vec![tag.clone()], &conditions) {
                    let name = format!("{title} — {} — {channels}", self.labels(&segments));
                    write(name, &matched.ids, reply, resolution, filter, problems);
                }
            }
            if catch_all {
                // Not the tickets of a channel another SLA governs without
                // a resolution target: the rule's own policy takes them.
                let mut required = vec![tag.clone()];
                required.extend(tier.not_left_out(model, self.exports));
                for (filter, _) in filters(required, conditions.clone(), Vec::new()) {
                    let name = format!(
                        "{title} — {} — {}",
                        self.labels(&segments),
                        words::other_channels(self.language)
                    );
                    write(name, "", acknowledge, general, filter, problems);
                }
            }
        }
        let conditions = self.segments.conditions(&listed);
        for (filter, _) in filters(vec![tag], conditions, Vec::new()) {
            let name = format!(
                "{title} — {} — {}",
                self.labels(&listed),
                words::every_channel(self.language)
            );
            write(name, "", acknowledge, resolve, filter, problems);
        }
    }
}
