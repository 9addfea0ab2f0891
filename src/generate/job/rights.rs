//! Rights a role has because of the model: a role that handles a complaint
//! category may grant its remedies without asking; a role that receives
//! escalations or promise breaches may overrule the first line; a lead may
//! instruct its team. Every role may ask other teams for what its duties
//! need — the right that makes internal agreements work.

use super::work::{Via, Work};
use crate::generate::wording::{Given, Wording};
use crate::generate::words::quoted;
use crate::model::{Idx, Remedy, Role};
use crate::syntax::values::Language;

pub(crate) fn derive(w: &Wording, work: &Work, role: Idx<Role>) -> Vec<String> {
    let m = w.model;
    let language = w.language;
    let en = language == Language::En;
    let r = role.index();
    let mut rights = Vec::new();
    for &team in &work.leads[r] {
        let team = quoted(m.teams[team].header.label(), language);
        rights.push(if en {
            format!("Give the staff of the team {team} instructions within their duties, and check that they are carried out.")
        } else {
            format!("Давать работникам подразделения {team} указания в пределах их должностных обязанностей и контролировать их выполнение.")
        });
    }
    if !work.supervises[r].is_empty() {
        let names = crate::generate::words::quoted_list(
            work.supervises[r]
                .iter()
                .map(|&s| m.roles[s].header.label()),
            language,
        );
        rights.push(if en {
            format!("Give the staff in the positions {names} instructions within their duties, and check that they are carried out.")
        } else {
            format!("Давать работникам в должностях {names} указания в пределах их должностных обязанностей и контролировать их выполнение.")
        });
    }
    for &(id, _) in &work.complaints[r] {
        let complaint = &m.complaints[id];
        let remedies: Vec<String> = complaint
            .remedies
            .iter()
            .filter(|r| !matches!(r.value, Remedy::Escalate(_)))
            .map(|r| w.remedy_for(&r.value, Given::Complaint(id)))
            .collect();
        if remedies.is_empty() {
            continue;
        }
        let category = quoted(complaint.header.label(), language);
        let remedies = remedies.join("; ");
        rights.push(if en {
            format!("Grant the remedies for complaints of the category {category} without further approval: {remedies}.")
        } else {
            format!("Без дополнительного согласования по жалобам категории {category}: {remedies}.")
        });
    }
    let mut escalated: Vec<_> = work.escalations[r].iter().map(|&(c, _)| c).collect();
    escalated.dedup();
    for complaint in escalated {
        let category = quoted(m.complaints[complaint].header.label(), language);
        rights.push(if en {
            format!("Overrule the first line's decisions on complaints of the category {category} escalated to this position.")
        } else {
            format!("Пересматривать решения первой линии по жалобам категории {category}, переданным на эскалацию.")
        });
    }
    for &promise in &work.promises[r] {
        let promise = quoted(m.promises[promise].header.label(), language);
        rights.push(if en {
            format!(
                "Overrule the first line's decisions on breaches of the public promise {promise}."
            )
        } else {
            format!(
                "Пересматривать решения первой линии по нарушениям публичного обещания {promise}."
            )
        });
    }
    for &(promise, via) in &work.breaches[r] {
        if via != Via::Own {
            continue;
        }
        let p = &m.promises[promise];
        let name = quoted(p.header.label(), language);
        let remedies = promise_remedies(w, promise);
        rights.push(if en {
            format!("Without further approval, when the public promise {name} is broken: {remedies}.")
        } else {
            format!("Без дополнительного согласования при нарушении публичного обещания {name}: {remedies}.")
        });
    }
    rights.push(if en {
        "Request from other teams the information and help the duties of this position need, within the times of the internal agreements.".to_string()
    } else {
        "Запрашивать у других подразделений информацию и помощь, необходимые для выполнения должностных обязанностей, в сроки внутренних соглашений.".to_string()
    });
    rights
}

/// What a promise gives the customer when it is broken, in words; an
/// escalation is not given to the customer, so it is left out.
pub(super) fn promise_remedies(w: &Wording, id: Idx<crate::model::Promise>) -> String {
    w.model.promises[id]
        .on_breach
        .iter()
        .filter(|r| !matches!(r.value, crate::model::Remedy::Escalate(_)))
        .map(|r| w.remedy_for(&r.value, Given::Promise(id)))
        .collect::<Vec<_>>()
        .join("; ")
}
