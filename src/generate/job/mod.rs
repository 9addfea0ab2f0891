//! Job descriptions: what a role's document says, in the structure HR signs
//! — an approval block, general provisions (position, purpose,
//! qualification), duties under headings, rights, responsibility.
//!
//! - `work`: who does what — each step, complaint, channel, agreement and
//!   escalation handed to the roles that perform it and the lead who
//!   organises it;
//! - `duties`: the duties that follow, grouped; `phrases`: their sentences,
//!   performed and organising;
//! - `rights`: the rights that follow.
//!
//! Job descriptions are built from the model and its [`Wording`], never
//! from the view: the view takes them in, not the other way round.
//!
//! The Markdown template and the Word document render the same [`JobView`].

mod duties;
mod phrases;
mod rights;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_audit;
#[cfg(test)]
mod tests_bank;
#[cfg(test)]
mod tests_hr;
mod work;

pub(crate) use duties::{derive, Duty, Group};
pub(crate) use work::{Via, Work};

use super::wording::{KpiView, Wording};
use crate::model::{Idx, Role};
use crate::syntax::values::Language;
use serde::Serialize;

/// Everything a job description says beyond the role's own fields.
#[derive(Debug, Serialize)]
pub(crate) struct JobView<'a> {
    pub purpose: String,
    /// Qualification requirements (`require "..."`).
    pub requirements: &'a [String],
    /// Declared duties first, then derived ones, under their headings —
    /// one per team the role organises; no heading without duties.
    pub groups: Vec<GroupView>,
    /// Declared rights, then derived ones.
    pub rights: Vec<String>,
    pub approval: Approval,
}

/// Who approves the job description, from the `service` header: its owner,
/// the date the standards were last reviewed, their version. Each is blank
/// (a line to fill in by hand) when the spec does not say.
#[derive(Debug, Serialize)]
pub(crate) struct Approval {
    pub by: Option<String>,
    /// The `reviewed` date as the spec writes it (ISO).
    pub date: Option<String>,
    /// The same as people read it ("1 October 2026"): the job description
    /// says it as the date the standards were reviewed, and leaves the
    /// signature's date blank (outside audit 8, H2).
    pub reviewed: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    pub group: Group,
    #[serde(skip)]
    via: Via,
    pub title: String,
    pub duties: Vec<String>,
}

/// The job description of one role.
pub(crate) fn job<'a>(
    w: &Wording<'a>,
    work: &Work,
    id: Idx<Role>,
    derived: &[Duty],
    kpis: &[KpiView],
) -> JobView<'a> {
    let role = &w.model.roles[id];
    let language = w.language;
    let mut groups: Vec<GroupView> = Vec::new();
    let mut add = |group: Group, via: Via, text: String| {
        let at = groups.partition_point(|g| (g.group, g.via) <= (group, via));
        match at.checked_sub(1).map(|i| &mut groups[i]) {
            Some(g) if (g.group, g.via) == (group, via) => g.duties.push(text),
            _ => groups.insert(
                at,
                GroupView {
                    group,
                    via,
                    title: group.title_for(via, w),
                    duties: vec![text],
                },
            ),
        }
    };
    for duty in &role.duties {
        add(Group::Declared, Via::Own, sentence(duty));
    }
    for duty in derived {
        let group = match duty.via {
            Via::Own => duty.group,
            Via::Lead(_) => Group::Organise,
        };
        add(group, duty.via, duty.text.clone());
    }
    for kpi in kpis {
        add(Group::Targets, Via::Own, kpi_duty(kpi, language));
    }
    let mut rights: Vec<String> = role.rights.iter().map(|r| sentence(r)).collect();
    rights.extend(rights::derive(w, work, id));
    JobView {
        purpose: role
            .header
            .description
            .clone()
            .unwrap_or_else(|| purpose(w, work, id)),
        requirements: &role.requirements,
        groups,
        rights,
        approval: approval(w),
    }
}

/// A declared line as a list item: it ends with a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn kpi_duty(kpi: &KpiView, language: Language) -> String {
    let KpiView {
        metric,
        comparison,
        value,
        ..
    } = kpi;
    match language {
        Language::En => format!("Keep the indicator “{metric}” {comparison} {value}."),
        Language::Ru => format!("Обеспечивать показатель «{metric}» {comparison} {value}."),
    }
}

/// The purpose of a role the spec does not describe: what it is there for.
fn purpose(w: &Wording, work: &Work, id: Idx<Role>) -> String {
    let m = w.model;
    let language = w.language;
    let led: Vec<String> = work.leads[id.index()]
        .iter()
        .map(|&t| w.q(m.teams[t].header.label()))
        .collect();
    let team = m.roles[id]
        .team
        .as_ref()
        .and_then(|t| t.target)
        .map(|t| w.q(m.teams[t].header.label()));
    let supervised = &work.supervises[id.index()];
    if led.is_empty() && !supervised.is_empty() {
        let names = super::words::quoted_list(
            supervised.iter().map(|&r| m.roles[r].header.label()),
            language,
        );
        let team = team.map(|t| match language {
            Language::En => format!(" of the team {t}"),
            Language::Ru => format!(" подразделения {t}"),
        });
        let team = team.unwrap_or_default();
        return match language {
            Language::En => format!(
                "Supervise the positions {names}{team} so that every customer they serve gets the service the standards promise, on time and in full."
            ),
            Language::Ru => format!(
                "Руководить работой должностей {names}{team} так, чтобы каждый клиент, которого они обслуживают, получал обслуживание, обещанное стандартами, — в срок и в полном объёме."
            ),
        };
    }
    match (language, led.is_empty(), team) {
        (Language::En, false, _) => format!(
            "Lead the team {} so that every customer it serves gets the service the standards promise, on time and in full.",
            led.join(", ")
        ),
        (Language::Ru, false, _) => format!(
            "Руководить подразделением {} так, чтобы каждый клиент получал обслуживание, обещанное стандартами, — в срок и в полном объёме.",
            led.join(", ")
        ),
        (Language::En, true, Some(team)) => format!(
            "Serve customers as a member of the team {team} as the service standards promise, on time and in full."
        ),
        (Language::Ru, true, Some(team)) => format!(
            "Обслуживать клиентов в составе подразделения {team} так, как обещают стандарты обслуживания, — в срок и в полном объёме."
        ),
        (Language::En, true, None) => "Serve the company's customers as the service standards promise, on time and in full.".to_string(),
        (Language::Ru, true, None) => "Обслуживать клиентов компании так, как обещают стандарты обслуживания, — в срок и в полном объёме.".to_string(),
    }
}

fn approval(w: &Wording) -> Approval {
    let service = w.model.service.as_ref();
    Approval {
        by: service
            .and_then(|s| s.owner.as_ref())
            .map(|o| w.party(o).label.to_string()),
        date: service
            .and_then(|s| s.reviewed)
            .map(|d| d.value.to_string()),
        reviewed: service
            .and_then(|s| s.reviewed)
            .map(|d| super::words::long_date(d.value, w.language)),
        version: service.and_then(|s| s.version.clone()),
    }
}
