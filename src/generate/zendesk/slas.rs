//! The SLA policies: for each group of segments covered by the same SLAs,
//! one policy per group of channels with the same targets, then a
//! catch-all with the general resolution target.
//!
//! Zendesk applies the first policy that matches a ticket, and a ticket
//! gets that one policy only. A segment covered by two SLAs (a 24x7 one for
//! its own line and e-mail, another on the contact centre's hours) must
//! therefore get, on each channel, one policy holding the strictest target
//! of every SLA of the segment — written per SLA, the first SLA's
//! catch-all would take the segment's chat tickets before the second
//! SLA's chat policy is ever tried.

use super::sooner::{sooner_of, Sooner};
use super::{channel_vias, filters, marks, metrics, policy, ChannelMatch, SegmentMatch};
use crate::config::Exports;
use crate::diagnostic::{Code, Diagnostic};
use crate::generate::minutes::{report, running_time};
use crate::generate::words;
use crate::model::{Calendar, Channel, Idx, Model, Segment, Sla};
use crate::msg;
use crate::source::Span;
use crate::syntax::values::{ChannelKind, Duration, Language, TimeLimit};
use serde_json::Value;

/// A target as Zendesk counts it: running time on a calendar's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Target {
    pub time: Duration,
    pub calendar: Option<Idx<Calendar>>,
    /// As written (`3wd`, `4h`), to compare with a target on another clock.
    pub limit: TimeLimit,
    /// Where it is written, for what the export says about it.
    pub span: Span,
    /// The SLA it comes from (none: a complaint rule's), which the
    /// policy's title names.
    pub sla: Option<Idx<Sla>>,
}

/// The segments covered by exactly the same SLAs, whose targets apply to
/// them on the same channels (a target binds only the segments that use
/// its channel), in declaration order.
pub(super) struct Covered {
    pub slas: Vec<Idx<Sla>>,
    /// The channels the SLAs name whose targets apply to these segments.
    channels: Vec<Idx<Channel>>,
    pub segments: Vec<Idx<Segment>>,
}

/// Channels that share the same targets, in order of first mention.
pub(super) struct Group {
    pub reply: Option<Target>,
    pub resolution: Option<Target>,
    pub channels: Vec<Idx<Channel>>,
}

/// One group of segments covered by the same SLAs, with the targets of
/// its policies: per group of channels, and the general resolution for
/// tickets from any other channel.
pub(super) struct Tiered {
    pub covered: Covered,
    pub groups: Vec<Group>,
    pub general: Option<Target>,
    /// Channels another SLA governs without a resolution target
    /// ([`Model::sla_governs`]): the catch-all policy leaves them out.
    pub ungoverned: Vec<Idx<Channel>>,
}

/// The segments' SLA targets as the policies hold them, best tier first.
pub(super) fn tiered(
    model: &Model,
    exports: &Exports,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Tiered> {
    covered(model)
        .into_iter()
        .map(|covered| {
            let general = strictest(
                (covered.slas.iter())
                    .flat_map(|&id| {
                        let sla = &model.slas[id];
                        (sla.resolutions.iter().filter(|r| r.channel.is_none()))
                            .map(move |r| (r.within, r.span, sla.clock(), id))
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map(|(within, span, clock, id)| {
                        from(id, timed(model, within, span, clock, problems))
                    }),
            );
            let (groups, ungoverned) = channel_groups(model, exports, &covered, general, problems);
            Tiered {
                covered,
                groups,
                general,
                ungoverned,
            }
        })
        .collect()
}

/// A channel no SLA of a group governs left in its catch-all policy: it
/// shares `via` with the governed channels `others` (two or three phone
/// lines), which Zendesk cannot tell apart.
pub(super) struct LeftIn {
    pub channel: Idx<Channel>,
    pub via: u64,
    pub others: Vec<Idx<Channel>>,
}

impl LeftIn {
    /// Adds what another group of segments finds to what `all` holds: one
    /// entry per channel and via id, with every channel it shares it with.
    fn merge(self, all: &mut Vec<LeftIn>) {
        match (all.iter_mut()).find(|l| l.channel == self.channel && l.via == self.via) {
            Some(known) => {
                for other in self.others {
                    if !known.others.contains(&other) {
                        known.others.push(other);
                    }
                }
            }
            None => all.push(self),
        }
    }
}

impl Tiered {
    /// The via ids a catch-all "other channels" policy of these segments
    /// leaves out: those of a channel another SLA governs without a
    /// resolution target ([`Model::sla_governs`]) — unless a channel these
    /// SLAs do govern arrives through the same via id (two phone lines):
    /// Zendesk cannot tell them apart, and the governed one keeps its
    /// target; a note says so for each such channel. The SLA's catch-all
    /// and a complaint rule's (audit 13: a quality complaint on the
    /// enterprise phone line took the portal's 2 working days) ask this
    /// one rule.
    pub(super) fn left_out(
        model: &Model,
        exports: &Exports,
        covered: &Covered,
        ungoverned: &[Idx<Channel>],
    ) -> (Vec<u64>, Vec<LeftIn>) {
        let governed: Vec<(u64, Idx<Channel>)> = (model.channels.iter())
            .filter(|&(c, _)| !ungoverned.contains(&c))
            .filter(|&(c, _)| {
                covered.channels.contains(&c)
                    || (covered.segments.iter()).any(|&s| model.uses_channel(s, c))
            })
            .flat_map(|(c, _)| channel_vias(model, exports, c).iter().map(move |&v| (v, c)))
            .collect();
        let governed_by = |via: u64| governed.iter().find(|g| g.0 == via).map(|g| g.1);
        // A via id left in says so: those tickets get the general
        // resolution the spec does not give them.
        let mut shared = Vec::new();
        for &channel in ungoverned {
            let found = channel_vias(model, exports, channel)
                .iter()
                .find_map(|&via| {
                    let mut others: Vec<Idx<Channel>> = (governed.iter())
                        .filter(|g| g.0 == via)
                        .map(|g| g.1)
                        .collect();
                    others.dedup();
                    (!others.is_empty()).then_some((via, others))
                });
            if let Some((via, others)) = found {
                shared.push(LeftIn {
                    channel,
                    via,
                    others,
                });
            }
        }
        let mut excluded: Vec<u64> = (ungoverned.iter())
            .flat_map(|&c| channel_vias(model, exports, c).iter().copied())
            .filter(|&id| governed_by(id).is_none())
            .collect();
        excluded.sort_unstable();
        excluded.dedup();
        (excluded, shared)
    }

    /// [`Tiered::left_out`] as `via_id is_not` conditions.
    pub(super) fn not_left_out(&self, model: &Model, exports: &Exports) -> Vec<Value> {
        let (excluded, _) = Self::left_out(model, exports, &self.covered, &self.ungoverned);
        not_via(excluded)
    }
}

fn not_via(ids: Vec<u64>) -> Vec<Value> {
    (ids.into_iter())
        .map(|id| serde_json::json!({"field": "via_id", "operator": "is_not", "value": id}))
        .collect()
}

/// Where the SLA policies go, with the calendar each counts on.
pub(super) struct Out<'o> {
    pub bodies: &'o mut Vec<Value>,
    pub calendars: &'o mut Vec<(String, Option<Idx<Calendar>>)>,
    /// Each via id a policy names, with its channel and the segments the
    /// policy takes (for [`super::shared_vias`]).
    pub named: &'o mut Vec<NamedVia>,
}

/// A policy's `via_id` condition: the channel it is written for, the id,
/// the segments whose tickets the policy takes and the targets it gives
/// them, in policy order.
pub(super) struct NamedVia {
    pub channel: Idx<Channel>,
    pub via: u64,
    pub segments: Vec<Idx<Segment>>,
    pub reply: Option<Target>,
    pub resolution: Option<Target>,
}

/// Appends the SLA policies, best tier first.
pub(super) fn policies(
    model: &Model,
    exports: &Exports,
    segments: &SegmentMatch,
    language: Language,
    out: Out,
    problems: &mut Vec<Diagnostic>,
) {
    let mut left_in: Vec<LeftIn> = Vec::new();
    for Tiered {
        covered,
        groups,
        general,
        ungoverned,
    } in tiered(model, exports, problems)
    {
        let slas: Vec<&Sla> = covered.slas.iter().map(|&s| &model.slas[s]).collect();
        // A title names the SLAs whose targets the policy carries (audit
        // 13, L2), not every SLA of the segments.
        let label = |targets: &[Option<Target>]| {
            let mut carried: Vec<Idx<Sla>> =
                targets.iter().flatten().filter_map(|t| t.sla).collect();
            carried.sort();
            carried.dedup();
            (carried.iter())
                .map(|&s| model.slas[s].header.label())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let description = slas
            .iter()
            .map(|s| {
                s.header
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("cxc sla `{}`", s.header.id))
            })
            .collect::<Vec<_>>()
            .join("; ");
        let segment_labels = covered
            .segments
            .iter()
            .map(|&s| model.segments[s].header.label())
            .collect::<Vec<_>>()
            .join(", ");
        let conditions = segments.conditions(&covered.segments);
        let mut write = |title: String,
                         channels: &str,
                         reply: Option<Target>,
                         resolution: Option<Target>,
                         filter| {
            let calendar = schedule(model, &title, channels, reply, resolution, problems);
            out.calendars.push((title.clone(), calendar));
            out.bodies.push(policy(
                title,
                description.clone(),
                filter,
                metrics(model, reply, resolution),
            ));
        };
        for group in groups {
            for &channel in &group.channels {
                for &via in channel_vias(model, exports, channel) {
                    out.named.push(NamedVia {
                        channel,
                        via,
                        segments: covered.segments.clone(),
                        reply: group.reply,
                        resolution: group.resolution,
                    });
                }
            }
            let label = label(&[group.reply, group.resolution]);
            let matched = ChannelMatch::new(model, exports, &group.channels);
            for (filter, channels) in matched.filters(Vec::new(), &conditions) {
                let title = format!("{label} — {segment_labels} — {channels}");
                write(title, &matched.ids, group.reply, group.resolution, filter);
            }
        }
        // Tickets of these segments from any other channel, after every
        // channel's own policy.
        // Not the tickets of a channel another SLA governs without a
        // resolution target ([`Tiered::left_out`]).
        if general.is_some() {
            let (excluded, left) = Tiered::left_out(model, exports, &covered, &ungoverned);
            let not = not_via(excluded);
            for (filter, _) in filters(not, conditions.clone(), Vec::new()) {
                let title = format!(
                    "{} — {segment_labels} — {}",
                    label(&[general]),
                    words::other_channels(language)
                );
                write(title, "", None, general, filter);
            }
            for found in left {
                found.merge(&mut left_in);
            }
        }
    }
    // Once per channel, with every channel it shares its via id with,
    // though each group of segments finds some of them.
    for mut found in left_in {
        found.others.sort();
        report(
            problems,
            super::shared_via(model, found.channel, &found.others, found.via),
        );
    }
}

/// The segments grouped by the SLAs that cover them, best tier first (then
/// in the order of their first SLA): with one SLA per segment, the SLAs in
/// tier order, as they were always written.
fn covered(model: &Model) -> Vec<Covered> {
    let mut groups: Vec<Covered> = Vec::new();
    for (segment, _) in model.segments.iter() {
        let slas = model.sla_ids_of(segment);
        if slas.is_empty() {
            continue;
        }
        let channels: Vec<Idx<Channel>> = named_channels(slas.iter().map(|&s| &model.slas[s]))
            .into_iter()
            .filter(|&c| model.target_applies(segment, Some(c)))
            .collect();
        match groups
            .iter_mut()
            .find(|g| g.slas == slas && g.channels == channels)
        {
            Some(group) => group.segments.push(segment),
            None => groups.push(Covered {
                slas: slas.to_vec(),
                channels,
                segments: vec![segment],
            }),
        }
    }
    groups.sort_by_key(|g| {
        (
            model.best_tier(&g.segments).unwrap_or(u32::MAX),
            g.slas[0].index(),
        )
    });
    groups
}

/// The strictest of several targets: the one with the least running time
/// (the first of equals), as Zendesk will count it.
fn strictest(targets: impl Iterator<Item = Target>) -> Option<Target> {
    targets.min_by_key(|t| t.time)
}

/// Whether two targets say the same to Zendesk.
pub(super) fn same(a: Option<Target>, b: Option<Target>) -> bool {
    a.map(|t| (t.time, t.calendar)) == b.map(|t| (t.time, t.calendar))
}

pub(super) fn timed(
    model: &Model,
    within: TimeLimit,
    span: Span,
    clock: Option<Idx<Calendar>>,
    problems: &mut Vec<Diagnostic>,
) -> Target {
    Target {
        time: running_time(model, within, clock, span, "Zendesk", problems),
        calendar: clock,
        limit: within,
        span,
        sla: None,
    }
}

/// The schedule a policy's tickets need: the calendar its business-hours
/// targets count on. A ticket has one schedule; when a policy's two targets
/// count on two different calendars, the reply's is taken and the export
/// says what the resolution loses.
pub(super) fn schedule(
    model: &Model,
    title: &str,
    channels: &str,
    reply: Option<Target>,
    resolution: Option<Target>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Idx<Calendar>> {
    let business = |t: &Target| t.calendar.filter(|&c| !model.calendars[c].is_24x7());
    let reply_calendar = reply.as_ref().and_then(business);
    let resolution_calendar = resolution.as_ref().and_then(business);
    if let (Some(a), Some(b), Some(resolution)) = (reply_calendar, resolution_calendar, resolution)
    {
        if a != b {
            // The channels in brackets, where the policy names them (a
            // catch-all names none: audit 13, L1).
            let bracketed = if channels.is_empty() {
                String::new()
            } else {
                format!(" ({channels})")
            };
            let note = Diagnostic::new(
                Code::InexactExport,
                resolution.span,
                msg!(
                    "zendesk-two-schedules",
                    policy = title,
                    channels = bracketed,
                    reply = &model.calendars[a].header.id,
                    resolution = &model.calendars[b].header.id
                ),
            )
            .help(msg!("zendesk-two-schedules-help"));
            report(problems, note);
        }
    }
    reply_calendar
        .or(resolution_calendar)
        .or(reply.and_then(|r| r.calendar))
        .or(resolution.and_then(|r| r.calendar))
}

/// The channels SLAs name in their targets, in order of first mention.
fn named_channels<'s>(slas: impl Iterator<Item = &'s Sla>) -> Vec<Idx<Channel>> {
    let mut order: Vec<Idx<Channel>> = Vec::new();
    for sla in slas {
        let answers = sla.answers.iter().map(|a| a.channel.target);
        let responses = sla.first_responses.iter().map(|r| r.channel.target);
        let resolutions = sla
            .resolutions
            .iter()
            .map(|r| r.channel.as_ref().and_then(|c| c.target));
        for channel in answers.chain(responses).chain(resolutions).flatten() {
            if !order.contains(&channel) {
                order.push(channel);
            }
        }
    }
    order
}

/// The channels (of those whose targets apply, `applies`) of a group of
/// SLAs that share the same targets, in order of first mention: on each, the strictest reply target of any of the
/// SLAs (a first response, or an answer time off the phone: phone answers
/// belong to the telephony) and the strictest resolution on that channel,
/// else the general one. A channel with nothing but the general resolution
/// is left to the catch-all.
fn channel_groups(
    model: &Model,
    exports: &Exports,
    covered: &Covered,
    general: Option<Target>,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<Group>, Vec<Idx<Channel>>) {
    let ids = &covered.slas;
    let slas: Vec<&Sla> = ids.iter().map(|&s| &model.slas[s]).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut ungoverned = Vec::new();
    for &channel in &covered.channels {
        if channel_vias(model, exports, channel).is_empty() {
            continue;
        }
        // The general resolution of the SLAs that govern the channel (its
        // conversion findings are the catch-all's, reported once).
        let governs = |sla: &Sla| {
            (covered.segments.iter()).any(|&segment| model.sla_governs(segment, sla, channel))
        };
        let general_here = strictest(
            (ids.iter().filter(|&&id| governs(&model.slas[id])))
                .flat_map(|&id| {
                    let sla = &model.slas[id];
                    (sla.resolutions.iter().filter(|r| r.channel.is_none()))
                        .map(move |r| (r.within, r.span, sla.clock(), id))
                })
                .collect::<Vec<_>>()
                .into_iter()
                .map(|(within, span, clock, id)| {
                    from(id, timed(model, within, span, clock, &mut Vec::new()))
                }),
        );
        let phone = model.channels[channel].kind == Some(ChannelKind::Phone);
        let replies: Vec<_> = (slas.iter().zip(ids))
            .flat_map(|(sla, &id)| {
                let answers = sla
                    .answers
                    .iter()
                    .filter(|a| a.channel.target == Some(channel) && !phone)
                    .map(|a| (a.within, a.span));
                let responses = sla
                    .first_responses
                    .iter()
                    .filter(|r| r.channel.target == Some(channel))
                    .map(|r| (r.within, r.span));
                answers
                    .chain(responses)
                    .map(move |(within, span)| (within, span, sla.clock(), id))
            })
            .collect();
        let resolutions: Vec<_> = (slas.iter().zip(ids))
            .flat_map(|(sla, &id)| {
                sla.resolutions
                    .iter()
                    .filter(|r| r.channel.as_ref().and_then(|c| c.target) == Some(channel))
                    .map(move |r| (r.within, r.span, sla.clock(), id))
            })
            .collect();
        let mut timed =
            |(within, span, clock, id)| from(id, timed(model, within, span, clock, problems));
        let reply = strictest(replies.into_iter().map(&mut timed));
        let resolution = strictest(resolutions.into_iter().map(&mut timed)).or(general_here);
        if reply.is_none() && resolution.is_none() && general.is_some() {
            ungoverned.push(channel);
            continue;
        }
        if reply.is_none() && same(resolution, general) {
            continue;
        }
        // A channel told apart by its form, brand or tag has a policy of
        // its own.
        let marked = |c: Idx<Channel>| !marks(model, exports, c).is_empty();
        match (groups.iter_mut()).find(|g| {
            same(g.reply, reply)
                && same(g.resolution, resolution)
                && !marked(channel)
                && !g.channels.iter().any(|&c| marked(c))
        }) {
            Some(group) => group.channels.push(channel),
            None => groups.push(Group {
                reply,
                resolution,
                channels: vec![channel],
            }),
        }
    }
    let groups = ordered(model, exports, groups);
    super::clashes::shared(model, exports, &groups, problems);
    (groups, ungoverned)
}

/// The groups in the order their policies must be matched: a group goes
/// before an earlier one whose tickets share a via id with its own, when
/// Zendesk can tell its tickets apart (its channel's form, brand or tag)
/// and the other's not, or, when neither can be told apart, its targets
/// are the sooner ([`first_ends`]): a ticket Zendesk cannot place gets the
/// sooner target it may be owed, never the later (audit 13, H2); so too
/// two marked groups that share a mark (attack 15, M5: one ticket form
/// given to two channels). Other groups keep their order.
fn ordered(model: &Model, exports: &Exports, groups: Vec<Group>) -> Vec<Group> {
    let vias = |g: &Group| -> Vec<u64> {
        (g.channels.iter())
            .flat_map(|&c| channel_vias(model, exports, c).iter().copied())
            .collect()
    };
    let marked = |g: &Group| {
        g.channels
            .iter()
            .any(|&c| !marks(model, exports, c).is_empty())
    };
    let mut out: Vec<Group> = Vec::new();
    for group in groups {
        let ids = vias(&group);
        let before = out.iter().position(|h| {
            vias(h).iter().any(|v| ids.contains(v))
                && match (marked(&group), marked(h)) {
                    (true, false) => true,
                    (false, false) => first_ends(model, &group, h) == Some(true),
                    (true, true) => {
                        super::clashes::overlap(model, exports, &group, h)
                            && first_ends(model, &group, h) == Some(true)
                    }
                    _ => false,
                }
        });
        match before {
            Some(at) => out.insert(at, group),
            None => out.push(group),
        }
    }
    out
}

/// Whether `a`'s targets end before `b`'s: the first reply that always
/// ends first on the wall clock, then the resolution (15 minutes around
/// the clock before an hour of office time; 20 hours before 1 working day,
/// though its figure, 9 office hours, is the smaller: [`sooner_of`]); where
/// neither always ends first, the smaller figure. `None`: no difference.
fn first_ends(model: &Model, a: &Group, b: &Group) -> Option<bool> {
    let one = |x: Option<Target>, y: Option<Target>| match sooner_of(model, x, y) {
        Sooner::First => Some(true),
        Sooner::Second => Some(false),
        Sooner::Same => None,
        Sooner::Neither => {
            let figure = |t: Option<Target>| t.map_or(u64::MAX, |t| t.time.seconds());
            let (x, y) = (figure(x), figure(y));
            (x != y).then_some(x < y)
        }
    };
    one(a.reply, b.reply).or_else(|| one(a.resolution, b.resolution))
}

/// `target`, from SLA `sla`.
fn from(sla: Idx<Sla>, target: Target) -> Target {
    Target {
        sla: Some(sla),
        ..target
    }
}
