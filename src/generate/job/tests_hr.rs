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
