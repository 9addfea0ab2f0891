//! What HR found reading the job descriptions of the specs written outside
//! the team: an escalation to the role that handles the complaint itself
//! (vip-shop: the head of a one-person support team owns the complaint and
//! is its first rung) is not a duty to take over its own work.

use super::tests::{job_of, texts};
use crate::syntax::values::Language;

const ONE_PERSON_TEAM: &str = r#"
service "Shop" { language en }
calendar always "Always" { open 24x7 }
team support "Support" { lead lead }
team vipdesk "VIP desk" { lead viplead }
role lead "Head of support" { team support }
role viplead "Head of VIP" { team vipdesk }
complaint broken "Broken item" {
  owner support
  hours always
  acknowledge within 30m
  resolve within 2d
  escalate after 2h to lead
  escalate after 1d to vipdesk
  remedy apologize, redo
}
"#;

#[test]
fn an_escalation_to_the_role_that_handles_the_complaint_is_no_duty() {
    for language in [Language::En, Language::Ru] {
        let lead = job_of(ONE_PERSON_TEAM, "lead", language);
        // It handles the complaint; the 2-hour rung is itself.
        assert_eq!(texts(&lead, "complaint").len(), 1, "{:?}", lead.duties);
        assert!(texts(&lead, "escalation").is_empty(), "{:?}", lead.duties);
        let overrule = match language {
            Language::En => "Overrule the first line",
            Language::Ru => "Пересматривать решения первой линии",
        };
        assert!(
            !lead.rights.iter().any(|r| r.starts_with(overrule)),
            "{:?}",
            lead.rights
        );
        // The next rung, another team's lead, still takes it over.
        let vip = job_of(ONE_PERSON_TEAM, "viplead", language);
        assert_eq!(texts(&vip, "escalation").len(), 1, "{:?}", vip.duties);
        assert!(vip.rights.iter().any(|r| r.starts_with(overrule)));
    }
}

/// Outside audit 11, M3: what `cxc measure` judges a complaint rule on —
/// the outcome told to the customer (`feedback required`) and the first
/// rung reached on time — is in the job descriptions of those who do it:
/// the owner escalates to the first rung that is not itself, each rung to
/// the next; the lead organising a team's complaints sees to both.
#[test]
fn complaint_owners_tell_the_outcome_and_escalate_on_time() {
    let with = ONE_PERSON_TEAM
        .replace(
            "team support \"Support\" { lead lead }",
            "team support \"Support\" { lead lead }\nrole agent \"Agent\" { team support }",
        )
        .replace(
            "  remedy apologize, redo",
            "  remedy apologize, redo\n  feedback required",
        );
    for language in [Language::En, Language::Ru] {
        let (tell, escalate) = match language {
            Language::En => (
                "Tell the customer how each complaint",
                "Escalate complaints",
            ),
            Language::Ru => ("Сообщать клиенту, как решена", "Передавать жалобы"),
        };
        let agent = job_of(&with, "agent", language);
        let told = texts(&agent, "complaint-feedback");
        assert_eq!(told.len(), 1, "{:?}", agent.duties);
        assert!(told[0].starts_with(tell), "{told:?}");
        // The agent's first rung is the lead, after 2 hours.
        let up = texts(&agent, "complaint-escalate");
        assert_eq!(up.len(), 1, "{:?}", agent.duties);
        assert!(up[0].starts_with(escalate), "{up:?}");
        assert!(
            up[0].contains("Head of support") && up[0].contains('2'),
            "{up:?}"
        );
        // The lead takes it over at 2 hours and passes it on to the VIP
        // desk at 1 day; it organises the team's feedback.
        let lead = job_of(&with, "lead", language);
        let up = texts(&lead, "complaint-escalate");
        assert!(
            up.iter()
                .any(|t| t.starts_with(escalate) && t.contains("VIP desk")),
            "{up:?}"
        );
        assert_eq!(
            texts(&lead, "complaint-feedback").len(),
            1,
            "{:?}",
            lead.duties
        );
        // The last rung has nobody above it.
        let vip = job_of(&with, "viplead", language);
        assert!(
            texts(&vip, "complaint-escalate").is_empty(),
            "{:?}",
            vip.duties
        );
        // Without `feedback required` no one is told to give it.
        let without = job_of(
            &with.replace("\n  feedback required", ""),
            "agent",
            language,
        );
        assert!(
            texts(&without, "complaint-feedback").is_empty(),
            "{:?}",
            without.duties
        );
        assert_eq!(texts(&without, "complaint-escalate").len(), 1);
        // The lead alone in its team skips the rung that is itself.
        let alone = job_of(ONE_PERSON_TEAM, "lead", language);
        let up = texts(&alone, "complaint-escalate");
        assert_eq!(up.len(), 1, "{:?}", alone.duties);
        assert!(
            up[0].starts_with(escalate) && up[0].contains("VIP desk"),
            "{up:?}"
        );
        assert!(texts(&alone, "complaint-feedback").is_empty());
    }
}

/// A role that owns a channel whose contacts another team's queue takes
/// answers for the channel: its hours, that it works, the service on it,
/// and following its targets up with the queue team's lead (audit 13, L7:
/// the duty manager owning the Enterprise phone line was told nothing
/// about it). A role that owns no channel has no such duty.
#[test]
fn the_owner_of_a_channel_answers_for_it() {
    let spec = super::tests_audit::AIRLINE.replace(
        "channel phone \"Phone\" { kind phone; hours always; owner cc }",
        "channel phone \"Phone\" { kind phone; hours office; owner director }",
    );
    let director = job_of(&spec, "director", Language::En);
    assert_eq!(
        texts(&director, "channel-owner"),
        ["Own the channel “Phone”: see that it is open during Office hours (Mon–Fri 09:00–18:00 Berlin time) and working, and answer for the service customers get on it. Its contacts are taken by the team “Contact centre”: follow the channel's targets up with its lead."]
    );
    let russian = job_of(&spec, "director", Language::Ru);
    let said = texts(&russian, "channel-owner");
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].starts_with("Отвечать за канал «Phone»: за то, чтобы он работал в часы работы по календарю «Office hours» (")
            && said[0].ends_with("Его обращения принимает подразделение «Contact centre»: контролировать выполнение целевых показателей канала вместе с его руководителем."),
        "{said:#?}"
    );
    // The agents take the line's contacts; they own nothing.
    let agent = job_of(&spec, "agent", Language::En);
    assert!(texts(&agent, "channel-owner").is_empty());
    // Owned by a line role of the queue's team, which takes its contacts
    // itself: its targets are its duties, no more. Owned by the team's
    // lead, who organises the line: the duty, with no team to follow up.
    let spec = spec.replace("owner director }", "owner agent }");
    let agent = job_of(&spec, "agent", Language::En);
    assert!(texts(&agent, "channel-owner").is_empty());
    assert!(!texts(&agent, "target").is_empty());
    let spec = spec.replace("owner agent }", "owner head }");
    assert_eq!(
        texts(&job_of(&spec, "head", Language::En), "channel-owner"),
        ["Own the channel “Phone”: see that it is open during Office hours (Mon–Fri 09:00–18:00 Berlin time) and working, and answer for the service customers get on it."]
    );
    assert!(texts(&job_of(&spec, "director", Language::En), "channel-owner").is_empty());
}
