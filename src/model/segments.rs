//! Which segments use which channels and SLAs: the one reading of a
//! segment's channels and targets every rule and generator shares.

use super::{targets, Channel, Idx, Model, Queue, Segment, Sla};
use crate::syntax::values::ChannelKind;

impl Model {
    /// The SLAs that cover a segment, in declaration order.
    pub fn slas_of(&self, segment: Idx<Segment>) -> impl Iterator<Item = (Idx<Sla>, &Sla)> {
        self.sla_ids_of(segment)
            .iter()
            .map(move |&id| (id, &self.slas[id]))
    }

    /// The ids of [`Model::slas_of`].
    pub fn sla_ids_of(&self, segment: Idx<Segment>) -> &[Idx<Sla>] {
        self.slas_by_segment
            .get(segment.index())
            .map_or(&[], Vec::as_slice)
    }

    /// The channels a segment's contacts come by: those it lists in
    /// `channels`, then the `field` channels its SLAs set a target on (a
    /// segment need not list them); a segment that lists none, every channel
    /// its SLAs set a target on (an SLA on a channel says the segment's
    /// customers use it); each once, in that order.
    pub fn segment_channels(&self, segment: Idx<Segment>) -> Vec<Idx<Channel>> {
        let mut seen = std::collections::BTreeSet::new();
        self.channels_used(segment)
            .filter(|&c| seen.insert(c))
            .collect()
    }

    /// Whether `segment`'s customers come by `channel`
    /// ([`Model::segment_channels`]).
    pub fn uses_channel(&self, segment: Idx<Segment>, channel: Idx<Channel>) -> bool {
        self.channels_used(segment).any(|c| c == channel)
    }

    /// Whether a target of one of `segment`'s SLAs on `channel` (`None`: a
    /// target on no channel, such as `resolution within 8h`) applies to the
    /// segment: the segment uses the channel. An SLA for several segments
    /// sets its `answer chat` line only for those that list `chat`. Every
    /// reader of a segment's targets (check, staffing, job descriptions,
    /// routing exports, the site, the dbt project, `cxc measure`) asks
    /// this, so they agree.
    pub fn target_applies(&self, segment: Idx<Segment>, channel: Option<Idx<Channel>>) -> bool {
        channel.is_none_or(|c| self.uses_channel(segment, c))
    }

    /// Whether `sla`, one of `segment`'s SLAs, speaks for the segment's
    /// contacts on `channel`: it sets a target there that applies to the
    /// segment, or no SLA of the segment names the channel (its targets
    /// without a channel, a `resolution within 1wd` or a `target csat`, then
    /// govern it). A channel the segment does not use: every SLA. The one
    /// rule of which channels a target without a channel governs: staffing,
    /// the job descriptions, the Zendesk policies, `cxc measure` and the dbt
    /// project all ask it.
    pub fn sla_governs(&self, segment: Idx<Segment>, sla: &Sla, channel: Idx<Channel>) -> bool {
        if !self.uses_channel(segment, channel) {
            return true;
        }
        sla.names_channel(Some(channel))
            || !self
                .slas_of(segment)
                .any(|(_, other)| other.names_channel(Some(channel)))
    }

    /// [`Model::segment_channels`] with repeats, unallocated.
    fn channels_used(&self, segment: Idx<Segment>) -> impl Iterator<Item = Idx<Channel>> + '_ {
        let listed = &self.segments[segment].channels;
        // A `field` channel is where the company goes to the customer: a
        // segment need not list it, its SLAs' targets say it is used.
        let field = |c: Idx<Channel>| self.channels[c].kind == Some(ChannelKind::Field);
        let targeted = self
            .slas_of(segment)
            .flat_map(|(_, sla)| {
                let answers = sla.answers.iter().map(|a| &a.channel);
                let responses = sla.first_responses.iter().map(|f| &f.channel);
                let resolutions = sla.resolutions.iter().filter_map(|r| r.channel.as_ref());
                answers
                    .chain(responses)
                    .chain(resolutions)
                    .filter_map(|c| c.target)
            })
            .filter(move |&c| listed.is_empty() || field(c));
        targets(listed).chain(targeted)
    }

    /// The segments whose contacts `queue` takes: those its `segments` line
    /// names, else every segment that uses its channel
    /// ([`Model::uses_channel`]); a queue with no channel, or whose channel
    /// is unknown, takes every segment. Staffing, tier checks and routing
    /// exports all ask this, so they agree.
    pub fn queue_segments(&self, queue: &Queue) -> Vec<Idx<Segment>> {
        let channel = queue.channel.as_ref().and_then(|c| c.target);
        match channel {
            Some(channel) if queue.segments.is_empty() => self
                .segments
                .iter()
                .map(|(id, _)| id)
                .filter(|&id| self.uses_channel(id, channel))
                .collect(),
            _ => self.served(&queue.segments).collect(),
        }
    }
}
