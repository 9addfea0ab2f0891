//! A team's complaints while the team is closed (audit 15, H1): the
//! routing offers a complaint whose owner team keeps its own hours to the
//! owner's queue first, then to every queue that serves the complainant
//! until the ladder's next rung ([`Plan::handover`]). The teams of those
//! queues are told that they acknowledge such complaints while the owner is
//! closed — which complaints, within what, whose they stay and where they
//! go next — and the owner's roles that others acknowledge theirs outside
//! its hours.
//!
//! [`Plan::handover`]: crate::model::plan::Plan::handover

use super::{Duties, Group};
use crate::generate::clocks;
use crate::generate::job::work::{Handover, Work};
use crate::generate::words::quoted_list;
use crate::model::{Complaint, Idx, Party, Role};

impl Duties<'_> {
    pub(super) fn handovers(&mut self, work: &Work, role: Idx<Role>) {
        for h in &work.covers[role.index()] {
            let text = self.covers(h);
            self.push(Group::Complaints, "complaint-cover", h.via, text);
        }
        for h in &work.covered[role.index()] {
            let text = self.covered(h);
            self.push(Group::Complaints, "complaint-covered", h.via, text);
        }
    }

    /// The complaints, the customers, the channels and the owner's hours
    /// of a handover, in words.
    fn handed(&self, h: &Handover) -> Handed {
        let m = self.w.model;
        let language = self.w.language;
        let names = |teams: &[Idx<crate::model::Team>]| {
            quoted_list(teams.iter().map(|&t| m.teams[t].header.label()), language)
        };
        Handed {
            category: self.q(m.complaints[h.complaint].header.label()),
            segments: quoted_list(
                h.segments.iter().map(|&s| m.segments[s].header.label()),
                language,
            ),
            channels: quoted_list(
                h.channels.iter().map(|&c| m.channels[c].header.label()),
                language,
            ),
            teams: names(&h.teams),
            chans_ru: if h.channels.len() > 1 {
                "по каналам"
            } else {
                "по каналу"
            },
            segs: if h.segments.len() > 1 {
                ("the segments", "сегментов")
            } else {
                ("the segment", "сегмента")
            },
            many: h.teams.len() > 1,
            hours: clocks::schedule(&m.calendars[h.hours], language),
            doer: self.team(h.via),
        }
    }

    /// Another team's complaints acknowledged while it is closed: which,
    /// within what, whose they stay and who holds them after.
    fn covers(&self, h: &Handover) -> String {
        let complaint = &self.w.model.complaints[h.complaint];
        let d = self.handed(h);
        let (category, segments, channels, owner, hours) =
            (&d.category, &d.segments, &d.channels, &d.teams, &d.hours);
        let (segs, segs_ru) = d.segs;
        let chans_ru = d.chans_ru;
        let within = complaint
            .acknowledge
            .map(|a| self.timed(a.value, complaint.hours.as_ref()));
        let en = self.say.en;
        let mut text = match (en, &d.doer, &within) {
            (true, None, Some(w)) => format!("While the team {owner} is closed (it works {hours}), acknowledge complaints of the category {category} from customers of {segs} {segments} by {channels} within {w} of arriving"),
            (true, None, None) => format!("While the team {owner} is closed (it works {hours}), acknowledge complaints of the category {category} from customers of {segs} {segments} by {channels} as soon as they arrive"),
            (true, Some(t), Some(w)) => format!("Ensure the team {t} acknowledges complaints of the category {category} from customers of {segs} {segments} by {channels} within {w} of arriving while the team {owner} is closed (it works {hours})"),
            (true, Some(t), None) => format!("Ensure the team {t} acknowledges complaints of the category {category} from customers of {segs} {segments} by {channels} as soon as they arrive while the team {owner} is closed (it works {hours})"),
            (false, None, Some(w)) => format!("Пока подразделение {owner} не работает (его часы работы: {hours}), подтверждать получение жалоб категории {category} от клиентов {segs_ru} {segments} {chans_ru} {channels} в течение {w} после поступления"),
            (false, None, None) => format!("Пока подразделение {owner} не работает (его часы работы: {hours}), подтверждать получение жалоб категории {category} от клиентов {segs_ru} {segments} {chans_ru} {channels} сразу после поступления"),
            (false, Some(t), Some(w)) => format!("Обеспечивать, чтобы подразделение {t} подтверждало получение жалоб категории {category} от клиентов {segs_ru} {segments} {chans_ru} {channels} в течение {w} после поступления, пока подразделение {owner} не работает (его часы работы: {hours})"),
            (false, Some(t), None) => format!("Обеспечивать, чтобы подразделение {t} подтверждало получение жалоб категории {category} от клиентов {segs_ru} {segments} {chans_ru} {channels} сразу после поступления, пока подразделение {owner} не работает (его часы работы: {hours})"),
        };
        text += &if en {
            format!(": they come to the team's queue when nobody in the team {owner} is free. The complaint stays with the team {owner}: hand it back to that team when it opens")
        } else {
            format!(": они поступают в очередь подразделения, когда в подразделении {owner} нет свободных сотрудников. Жалоба остаётся за подразделением {owner}: передавать её этому подразделению, когда оно начинает работу")
        };
        if let Some(r) = complaint.resolve {
            let r = self.timed(r.value, complaint.hours.as_ref());
            text += &if en {
                format!("; it resolves the complaint within {r}")
            } else {
                format!("; подразделение решает жалобу в течение {r}")
            };
        }
        if let Some(rung) = self.first_rung(complaint) {
            text += "; ";
            text += &match (en, rung) {
                (_, Rung::Outside { after, body }) => self.say.referred(&after, &body),
                (true, Rung::Staff { after, to }) => {
                    format!("one not resolved within {after} of arriving goes to {to}")
                }
                (false, Rung::Staff { after, to }) => format!(
                    "жалоба, не решённая в течение {after} после поступления, передаётся дальше: {to}"
                ),
            };
        }
        text.push('.');
        text
    }

    /// The owner's side: who acknowledges its complaints outside its hours.
    fn covered(&self, h: &Handover) -> String {
        let d = self.handed(h);
        let (category, segments, channels, teams, hours) =
            (&d.category, &d.segments, &d.channels, &d.teams, &d.hours);
        let (segs, segs_ru) = d.segs;
        let chans_ru = d.chans_ru;
        let team = if d.many { "teams" } else { "team" };
        let verb = if d.many {
            "acknowledge"
        } else {
            "acknowledges"
        };
        let ru_team = if d.many {
            "подразделения"
        } else {
            "подразделение"
        };
        let ru_verb = if d.many {
            "подтверждают"
        } else {
            "подтверждает"
        };
        match (self.say.en, &d.doer) {
            (true, None) => format!("Outside the team's hours ({hours}) the {team} {teams} {verb} receipt of complaints of the category {category} from customers of {segs} {segments} by {channels} when nobody here is free: take them back when the team opens and resolve them."),
            (true, Some(t)) => format!("Outside the hours of the team {t} ({hours}) the {team} {teams} {verb} receipt of its complaints of the category {category} from customers of {segs} {segments} by {channels}: ensure the team {t} takes them back when it opens and resolves them."),
            (false, None) => format!("Вне часов работы подразделения ({hours}) получение жалоб категории {category} от клиентов {segs_ru} {segments} {chans_ru} {channels} {ru_verb} {ru_team} {teams}, когда здесь нет свободных сотрудников: принимать такие жалобы обратно, когда подразделение начинает работу, и решать их."),
            (false, Some(t)) => format!("Вне часов работы подразделения {t} ({hours}) получение его жалоб категории {category} от клиентов {segs_ru} {segments} {chans_ru} {channels} {ru_verb} {ru_team} {teams}: обеспечивать, чтобы подразделение {t} принимало их обратно, когда начинает работу, и решало их."),
        }
    }

    /// The ladder's first rung: when, and to whom, in words.
    fn first_rung(&self, complaint: &Complaint) -> Option<Rung> {
        let rung = complaint.escalations.first()?;
        let after = self.timed(rung.after, complaint.hours.as_ref());
        let name = self.q(self.w.party(&rung.to).label);
        if self.w.model.outside(rung.to.target) {
            return Some(Rung::Outside { after, body: name });
        }
        let to = match (self.say.en, rung.to.target) {
            (true, Some(Party::Team(_))) => format!("the team {name}"),
            (true, _) => name,
            (false, Some(Party::Team(_))) => format!("подразделение {name}"),
            (false, _) => format!("роль {name}"),
        };
        Some(Rung::Staff { after, to })
    }
}

/// A ladder's rung in words: when, and to whom the complaint goes, or the
/// outside body the customer may refer it to.
enum Rung {
    Staff { after: String, to: String },
    Outside { after: String, body: String },
}

/// A handover in words.
struct Handed {
    category: String,
    segments: String,
    channels: String,
    teams: String,
    /// «по каналу» or «по каналам».
    chans_ru: &'static str,
    /// "the segment(s)" in English and Russian.
    segs: (&'static str, &'static str),
    /// More than one team in `teams`.
    many: bool,
    hours: String,
    /// The team the role organises the work of, quoted; `None`: its own.
    doer: Option<String>,
}
