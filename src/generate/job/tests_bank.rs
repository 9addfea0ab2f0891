//! The findings of the bank audit (audit 5): a role's own deadline on a
//! step the customer sees in the app is the role's to meet (F11); a team's
//! step goes to whoever takes its channels (audit 6, F3), and customer types
//! follow the customers a role meets (F8); Russian remedies put a name
//! after a noun that carries the case (F9).

use super::tests::{compile, job_of, texts, Compiled, Job};
use crate::syntax::values::Language;

const BANK: &str = r#"
service "Bank" { language en }
calendar always "Always" { open 24x7 }
team cc "Contact centre" { lead head }
role head "Head of contact centre" { team cc }
role operator "Operator" { team cc; reports_to head }
role banker "Private banker" { team cc; reports_to head }
team branches "Branches" { lead branch_head }
role branch_head "Head of branches" { team branches }
role manager "Branch manager" { team branches; reports_to branch_head }
role credit_expert "Credit expert" { team branches; reports_to branch_head }
team cards "Card operations" { lead cards_head }
role cards_head "Head of card operations" { team cards }
role clerk "Card clerk" { team cards; reports_to cards_head }
channel phone "Phone" { kind phone; hours always; owner operator }
channel chat "Chat" { kind chat; hours always; owner operator }
channel email "E-mail" { kind email; hours always; owner operator }
channel private_line "Private line" { kind phone; hours always; owner banker }
channel branch "Branch" { kind office; hours always; owner branches }
channel app "Mobile app" { kind portal; self_service }
customer_type demanding "Values time" { strategy "Call them by name" }
customer_type digital "All in the app" { strategy "Answer in the chat" }
customer_type anxious "Fears fraud" { strategy "Calm them down" }
segment private "Private" { channels private_line, chat, email, app; types demanding }
segment mass "Mass market" { channels phone, chat, email, branch, app; types digital, anxious }
sla private_sla "Private" for private { hours always; answer private_line 90% within 20s; answer chat 90% within 30s; first_response email within 2h }
sla mass_sla "Mass" for mass { hours always; answer phone 80% within 60s; answer chat 80% within 2m; first_response email within 8h }
journey reissue "Card reissue" {
  start block
  step block "Card blocked" { owner cc; channel phone, chat, private_line; within 15m; next redeliver }
  step redeliver "New delivery date agreed" { owner cc; channel phone, chat; within 1d; next activate }
  step activate "Card activated" { owner cards; channel app; end }
}
journey dispute "Chargeback" {
  start file
  step file "Customer files a dispute" { owner cc; channel chat, email, branch; within 1d; end }
}
journey credit "Consumer credit" {
  segments mass
  start apply
  step apply "Application in the app" { owner branches; channel app; within 1h; next check }
  step check "Documents checked" { owner credit_expert; within 4h; next decide }
  step decide "Credit decision" { owner credit_expert; channel app; within 1d; end }
}
complaint service "Service complaint" {
  segments private, mass
  owner cc
  hours always
  acknowledge within 2h
  resolve within 3d
  remedy apologize, compensate "up to 1000 roubles"
}
promise callback "We call back within 15 minutes" {
  segments mass
  channel phone
  within 15m
  on_breach apologize, escalate head
}
promise private_answer "Private line answered within 20 seconds" {
  segments private
  channel private_line
  within 20s
  on_breach apologize, escalate cc
}
"#;

fn all(job: &Job) -> Vec<&str> {
    job.duties.iter().map(|(_, t)| t.as_str()).collect()
}

/// The steps a role carries out or keeps working, by the step's name.
fn steps(job: &Job) -> Vec<&str> {
    let mut names: Vec<&str> = job
        .duties
        .iter()
        .filter(|(k, _)| k.contains("step") || k == "self-service-deadline")
        .filter_map(|(_, t)| t.split('“').nth(1)?.split('”').next())
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn a_role_s_deadline_on_a_self_service_step_is_the_role_s_to_meet() {
    let expert = job_of(BANK, "credit_expert", Language::En);
    assert_eq!(
        texts(&expert, "self-service-deadline"),
        ["See that the step “Credit decision” of the journey “Consumer credit”, which the customer sees in the self-service channel “Mobile app”, is completed within 1 calendar day: do this position's part of it, keep it working, and help the customers who get stuck at it."]
    );
    // The step the team owns on the app is the customer's alone.
    assert_eq!(
        texts(&expert, "self-service-step"),
        ["Keep the self-service step “Application in the app” of the journey “Consumer credit” working (customers complete it within 1 hour (around the clock)), and help the customers who get stuck at it."]
    );
    let head = job_of(BANK, "branch_head", Language::En);
    assert!(all(&head).contains(&"Ensure the team “Branches” completes the step “Credit decision” of the journey “Consumer credit”, which the customer sees in the self-service channel “Mobile app”, within 1 calendar day: does its part of it, keeps it working and helps the customers who get stuck at it."), "{:#?}", head.duties);
    // A team's step without a deadline stays the customer's.
    let clerk = job_of(BANK, "clerk", Language::En);
    assert_eq!(
        texts(&clerk, "self-service-step"),
        ["Keep the self-service step “Card activated” of the journey “Card reissue” working, and help the customers who get stuck at it."]
    );

    let expert = job_of(BANK, "credit_expert", Language::Ru);
    assert_eq!(
        texts(&expert, "self-service-deadline"),
        ["Обеспечивать завершение этапа «Credit decision» пути клиента «Consumer credit», который клиент видит в канале самообслуживания «Mobile app», в срок не более 1 календарного дня: выполнять свою часть работы на этом этапе, поддерживать его работоспособность и помогать клиентам, у которых на этом этапе возникли затруднения."]
    );
    assert_eq!(
        texts(&expert, "self-service-step"),
        ["Поддерживать работоспособность этапа самообслуживания «Application in the app» пути клиента «Consumer credit» (клиент проходит его в срок не более 1 часа (круглосуточно)) и помогать клиентам, у которых на этом этапе возникли затруднения."]
    );
    let head = job_of(BANK, "branch_head", Language::Ru);
    assert!(all(&head).contains(&"Обеспечивать, чтобы подразделение «Branches» завершало этап «Credit decision» пути клиента «Consumer credit», который клиент видит в канале самообслуживания «Mobile app», в срок не более 1 календарного дня: выполняло свою часть работы на этом этапе, поддерживало его работоспособность и помогало клиентам, у которых на этом этапе возникли затруднения."), "{:#?}", head.duties);
}

#[test]
fn a_team_s_step_on_channels_its_roles_own_goes_to_those_roles() {
    let banker = job_of(BANK, "banker", Language::En);
    // The private line is the banker's: blocking a card there is its work;
    // the phone and chat steps are the operators'. The branch is no role's
    // of the team (the team `branches` owns it): the team's line takes a
    // step of the team there (`Model::channel_takers`), the banker too.
    assert_eq!(
        steps(&banker),
        ["Card blocked", "Customer files a dispute"],
        "{:#?}",
        banker.duties
    );
    let operator = job_of(BANK, "operator", Language::En);
    assert_eq!(
        steps(&operator),
        [
            "Card blocked",
            "Customer files a dispute",
            "New delivery date agreed"
        ]
    );
    // The lead organises all three.
    let head = job_of(BANK, "head", Language::En);
    for step in [
        "Card blocked",
        "Customer files a dispute",
        "New delivery date agreed",
    ] {
        assert!(
            all(&head).iter().any(|t| t.starts_with(&format!(
                "Ensure the team “Contact centre” carries out the step “{step}”"
            ))),
            "{step}: {:#?}",
            head.duties
        );
    }
    // A team whose channels no line role owns: every line role does its
    // steps.
    let manager = job_of(BANK, "manager", Language::En);
    assert_eq!(steps(&manager), ["Application in the app"]);
    let ru = job_of(BANK, "banker", Language::Ru);
    assert!(all(&ru).iter().any(|t| t.contains("«Card blocked»")));
    assert!(!all(&ru)
        .iter()
        .any(|t| t.contains("«New delivery date agreed»")));
}

#[test]
fn customer_types_follow_the_customers_a_role_meets() {
    let types = |role: &str| {
        let job = job_of(BANK, role, Language::En);
        texts(&job, "customer-type")
            .iter()
            .map(|t| {
                t.split('“')
                    .nth(1)
                    .and_then(|t| t.split('”').next())
                    .unwrap_or("")
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    // The banker meets private customers on its line and in the chat of
    // its step, and the mass market at the branch: the team's dispute step
    // there is every line role's, the branch being no role's of the team
    // (`Model::channel_takers`, outside audit 6, F3).
    assert_eq!(
        types("banker"),
        ["Values time", "All in the app", "Fears fraud"]
    );
    assert_eq!(
        types("operator"),
        ["Values time", "All in the app", "Fears fraud"]
    );
    assert_eq!(
        types("head"),
        ["Values time", "All in the app", "Fears fraud"]
    );
    // The credit journey is for the mass market only.
    assert_eq!(types("credit_expert"), ["All in the app", "Fears fraud"]);
    let banker = job_of(BANK, "banker", Language::Ru);
    assert_eq!(
        texts(&banker, "customer-type")[0],
        "Работать с клиентами типа «Values time» (сегмент «Private») следующим образом: call them by name."
    );
}

#[test]
fn russian_remedies_name_whom_after_a_noun_in_its_case() {
    let operator = job_of(BANK, "operator", Language::Ru);
    assert!(
        operator.rights.contains(&"Без дополнительного согласования по жалобам категории «Service complaint»: принести клиенту извинения; предоставить компенсацию: up to 1000 roubles.".to_string()),
        "{:#?}",
        operator.rights
    );
    let Compiled(compiled) = compile(BANK);
    let model = &compiled.specs[0].model;
    let w = crate::generate::wording::Wording {
        model,
        language: Language::Ru,
    };
    let said: Vec<String> = model
        .promises
        .iter()
        .flat_map(|(_, p)| p.on_breach.iter().map(|r| w.remedy(&r.value)))
        .collect();
    assert_eq!(
        said,
        [
            "принести клиенту извинения",
            "передать вопрос работнику на должности «Head of contact centre»",
            "принести клиенту извинения",
            "передать вопрос в подразделение «Contact centre»",
        ]
    );
}

/// A customer type that `prefer`s channels is served on them (and on
/// channels of their kinds) or in work of its segments (a step, a
/// complaint); a role that meets its customers only elsewhere directs them
/// there (audit 14, L7: the emergency dispatcher told how to handle a
/// billing dispute).
#[test]
fn a_role_off_the_channels_a_type_prefers_directs_it_there() {
    const GRID: &str = r#"
service "Grid" { language en }
calendar always "Always" { open 24x7 }
team dispatch "Dispatch" { lead dispatch_head }
role dispatch_head "Head of dispatch" { team dispatch }
role dispatcher "Dispatcher" { team dispatch; reports_to dispatch_head }
team cc "Contact centre" { lead cc_head }
role cc_head "Head of contact centre" { team cc }
role agent "Agent" { team cc; reports_to cc_head }
role chat_agent "Chat agent" { team cc; reports_to cc_head }
role inspector "Inspector" { team cc; reports_to cc_head }
channel emergency "Emergency line" { kind phone; hours always; owner dispatcher }
channel phone "Phone" { kind phone; hours always; owner agent }
channel chat "Chat" { kind chat; hours always; owner chat_agent }
channel portal "Portal" { kind portal; self_service }
channel visit "Visit" { kind field; hours always; owner inspector }
customer_type disputing "Disputes the bill" { strategy "Explain the bill step by step"; prefer portal, chat }
customer_type worried "Worried" { strategy "Calm them down"; prefer phone }
segment homes "Homes" { channels emergency, phone, chat, portal, visit; types disputing, worried }
sla homes_sla "Homes" for homes { hours always; answer emergency 90% within 30s; answer phone 80% within 60s; answer chat 80% within 2m }
journey dispute "Bill dispute" {
  start check
  step check "Meter checked" { owner inspector; channel visit; within 7d; end }
}
"#;
    let types = |role: &str| {
        texts(&job_of(GRID, role, Language::En), "customer-type")
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
    };
    let steer = "Direct customers of the type “Disputes the bill” (segment “Homes”) to the channels “Portal”, “Chat”, where they are served.";
    let explain =
        "Treat customers of the type “Disputes the bill” (segment “Homes”) this way: explain the bill step by step.";
    let calm = "Treat customers of the type “Worried” (segment “Homes”) this way: calm them down.";
    // The dispatcher takes the emergency line only: a phone, which the
    // worried prefer, and no channel of the dispute.
    assert_eq!(types("dispatcher"), [steer, calm]);
    // The chat agent takes a channel the disputing prefer, and none the
    // worried do.
    assert_eq!(
        types("chat_agent"),
        [
            explain,
            "Direct customers of the type “Worried” (segment “Homes”) to the channel “Phone”, where they are served."
        ]
    );
    // The inspector does a step of the dispute: the strategy applies there.
    assert_eq!(types("inspector"), [explain, calm]);
    let ru = job_of(GRID, "dispatcher", Language::Ru);
    assert_eq!(
        texts(&ru, "customer-type")[0],
        "Направлять клиентов типа «Disputes the bill» (сегмент «Homes») в каналы «Portal», «Chat», где их обслуживают."
    );
}
