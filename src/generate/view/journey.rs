//! Journeys: their steps, sections, and the agreements behind them.

use super::*;
use crate::check::journeys;
use crate::model::Journey;
use crate::syntax::values::{trim_float, TimeLimit};

impl<'a> View<'a> {
    /// The agreements the journey's steps rely on behind the scenes: both
    /// teams work on the journey — each owns one of its steps or staffs the
    /// queue a step's contacts from the journey's segments are routed to (a
    /// queue dedicated to the segment, else a shared one). An agreement
    /// between a step's team and a team with no part in the journey — a
    /// queue for other segments, a shared line the segment has its own line
    /// beside — supports other work, not this.
    fn support(&self, j: &'a crate::model::Journey) -> Vec<SupportView<'a>> {
        let m = self.model;
        let channels: std::collections::BTreeSet<_> = j
            .steps
            .values()
            .flat_map(|s| s.channels.iter().filter_map(|c| c.target))
            .collect();
        let mut owners: std::collections::BTreeSet<_> = j
            .steps
            .values()
            .filter_map(|s| s.owner.as_ref()?.target)
            .filter_map(|p| m.team_of(p))
            .collect();
        // The queues that take each segment of the journey on each of its
        // steps' channels (each queue's segments asked once).
        let served: std::collections::BTreeSet<_> = m.served(&j.segments).collect();
        let mut takes: std::collections::BTreeMap<_, Vec<&crate::model::Queue>> =
            std::collections::BTreeMap::new();
        for q in m.queues.values() {
            let Some(channel) = q.channel.as_ref().and_then(|c| c.target) else {
                continue;
            };
            if !channels.contains(&channel) {
                continue;
            }
            for segment in m.queue_segments(q) {
                if served.contains(&segment) {
                    takes.entry((segment, channel)).or_default().push(q);
                }
            }
        }
        // A queue dedicated to the segment before a shared one.
        for queues in takes.values() {
            let dedicated = queues.iter().any(|q| !q.segments.is_empty());
            owners.extend(
                queues
                    .iter()
                    .filter(|q| !dedicated || !q.segments.is_empty())
                    .filter_map(|q| q.team.as_ref()?.target),
            );
        }
        m.agreements
            .values()
            .filter_map(|a| {
                let consumer = a.consumer.as_ref()?.target?;
                let provider = a.provider.as_ref()?.target?;
                let both = owners.contains(&consumer) && owners.contains(&provider);
                (both && provider != consumer).then(|| SupportView {
                    label: a.header.label(),
                    provider: m.teams[provider].header.label(),
                    consumer: m.teams[consumer].header.label(),
                    responds: self.responds_for(a, &served),
                    resolve: a.resolve.map(|r| self.w().duration(r.value, None)),
                })
            })
            .collect()
    }

    /// An agreement's response times for the journey's segments: each
    /// `for` line naming some of them (with only those), then the general
    /// line, which covers the other segments when a `for` line is shown.
    fn responds_for(
        &self,
        a: &'a crate::model::Agreement,
        served: &std::collections::BTreeSet<Idx<crate::model::Segment>>,
    ) -> Vec<RespondView<'a>> {
        let m = self.model;
        let mut lines: Vec<RespondView<'a>> = a
            .responds
            .iter()
            .filter(|r| !r.segments.is_empty())
            .filter_map(|r| {
                let segments: Vec<Named<'a>> = r
                    .segments
                    .iter()
                    .filter(|s| s.target.is_some_and(|t| served.contains(&t)))
                    .map(|s| self.w().named(s, |s| &m.segments[s].header))
                    .collect();
                (!segments.is_empty()).then(|| RespondView {
                    within: self.w().duration(r.within, None),
                    segments,
                    others: false,
                })
            })
            .collect();
        let specific = !lines.is_empty();
        lines.extend(
            a.responds
                .iter()
                .filter(|r| r.segments.is_empty())
                .map(|r| RespondView {
                    within: self.w().duration(r.within, None),
                    segments: Vec::new(),
                    others: specific,
                }),
        );
        lines
    }

    pub(super) fn journey(&self, j: &'a Journey, file: &'a str) -> JourneyView<'a> {
        let m = self.model;
        let mut switches = 0;
        for (_, step) in j.steps.iter() {
            for t in &step.next {
                let Some(next) = t.to.target.map(|n| &j.steps[n]) else {
                    continue;
                };
                if journeys::is_channel_switch(m, step, next) {
                    switches += 1;
                }
            }
        }
        let longest = journeys::longest_deadline(j).map(|(total, path)| LongestView {
            total: self.w().duration(TimeLimit::running(total), None),
            path: path.iter().map(|&s| j.steps[s].header.label()).collect(),
            over_target: j.within.is_some_and(|w| total > m.longest(w.value, None)),
        });
        JourneyView {
            id: &j.header.id,
            label: j.header.label(),
            description: j.header.description.as_deref(),
            file,
            segments: self.segment_list(&j.segments),
            within: j.within.map(|w| self.w().duration(w.value, None)),
            start: j.start.as_ref().map(|s| s.name.as_str()),
            steps: j
                .steps
                .values()
                .map(|s| {
                    let measured = self
                        .measured
                        .as_ref()
                        .and_then(|x| x.step(&j.header.id, &s.header.id));
                    StepView {
                        id: &s.header.id,
                        label: s.header.label(),
                        description: s.header.description.as_deref(),
                        // From the spec's figures, or the data's (`measured-pain`).
                        hurts: journeys::hurts(s, self.checks)
                            || measured.as_ref().is_some_and(|f| f.hurts),
                        owner: s.owner.as_ref().map(|o| self.w().party(o)),
                        channels: s
                            .channels
                            .iter()
                            .map(|c| self.w().named(c, |c| &m.channels[c].header))
                            .collect(),
                        within: s.within.map(|w| self.w().duration(w.value, None)),
                        effort: s.effort.map(trim_float),
                        csat: s.csat.map(trim_float),
                        dropoff: s.dropoff.map(|d| d.to_string()),
                        end: s
                            .end
                            .as_ref()
                            .map(|e| e.value.as_deref().unwrap_or_default()),
                        next: s
                            .next
                            .iter()
                            .map(|t| NextView {
                                to: self.w().named(&t.to, |s| &j.steps[s].header),
                                when: t.when.as_deref(),
                            })
                            .collect(),
                        measured: measured.map(|f| f.text),
                    }
                })
                .collect(),
            sections: sections(j),
            support: self.support(j),
            mermaid: crate::generate::journey::text::mermaid(&self.graph(j)),
            team_changes: journeys::team_changes(m, j).map(|(count, teams)| TeamChangesView {
                count,
                teams: teams.iter().map(|&t| m.teams[t].header.label()).collect(),
            }),
            channel_switches: switches,
            longest,
        }
    }
}

/// The step table's sections: a journey's phases in order, then its steps in
/// no phase; or all its steps in one section.
fn sections(j: &crate::model::Journey) -> Vec<SectionView<'_>> {
    let all: Vec<usize> = (0..j.steps.len()).collect();
    if j.phases.is_empty() {
        return vec![SectionView {
            label: None,
            other: false,
            steps: all,
        }];
    }
    let mut placed = vec![false; j.steps.len()];
    let mut out: Vec<SectionView> = j
        .phases
        .iter()
        .map(|p| SectionView {
            label: Some(p.header.label()),
            other: false,
            steps: p
                .steps
                .iter()
                .filter_map(|r| r.target)
                .map(|s| {
                    placed[s.index()] = true;
                    s.index()
                })
                .collect(),
        })
        .collect();
    let rest: Vec<usize> = all.into_iter().filter(|&i| !placed[i]).collect();
    if !rest.is_empty() {
        out.push(SectionView {
            label: None,
            other: true,
            steps: rest,
        });
    }
    out
}
