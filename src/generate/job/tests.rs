use super::*;

const SPEC: &str = r#"
service "Acme" { language en }
calendar office "Office hours" { timezone "Europe/Berlin"; open mon-fri 09:00-18:00 }
team support "Support" { lead lead }
team quality "Quality" { lead checker }
role lead "Head of support" { team support; duty "Plan" }
role agent "Agent" { team support; reports_to lead; duty "Answer" }
role checker "Quality lead" { team quality; duty "Check" }
customer_type hasty "Wants everything now" { strategy "React fast" }
segment vip "VIP" { types hasty; channels phone }
channel phone "Phone" { kind phone; hours office; owner support }
sla gold "Gold" for vip { hours office; answer phone 90% within 20s; resolution within 1d }
journey order "Order" {
  start call
  step call "Call" { owner agent; channel phone; within 2h; next check }
  step check "Check" { owner quality; within 1d; end "Done" }
}
complaint late "Late delivery" {
  severity high
  owner support
  hours office
  acknowledge within 30m
  resolve within 3d
  escalate after 1d to checker
  remedy apologize
  remedy compensate "a free delivery"
  feedback required
}
agreement checks "Checks for support" {
  provider quality
  consumer support
  respond within 4h
}
"#;

struct Compiled(crate::pipeline::Compilation);

fn compile(spec: &str) -> Compiled {
    Compiled(crate::pipeline::compile_clean(spec))
}

/// What the job description of `role` says: its derived duties as
/// (kind, text), its rights and its purpose.
struct Job {
    duties: Vec<(String, String)>,
    groups: Vec<(Group, String, Vec<String>)>,
    rights: Vec<String>,
    purpose: String,
}

fn job_of(spec: &str, role: &str, language: Language) -> Job {
    let Compiled(compiled) = compile(spec);
    let model = &compiled.specs[0].model;
    let checks = crate::check::Options::default();
    let view = View::new(model, language, &[], &checks);
    let work = Work::new(model);
    let id = model
        .roles
        .iter()
        .find(|(_, r)| r.header.id == role)
        .map(|(id, _)| id)
        .expect("role exists");
    let derived = derive(&view, &work, id);
    let job = job(&view, &work, id, &derived, &[]);
    Job {
        duties: derived
            .iter()
            .map(|d| (d.kind.to_string(), d.text.clone()))
            .collect(),
        groups: job
            .groups
            .into_iter()
            .map(|g| (g.group, g.title, g.duties))
            .collect(),
        rights: job.rights,
        purpose: job.purpose,
    }
}

fn kinds(job: &Job) -> Vec<&str> {
    job.duties.iter().map(|(k, _)| k.as_str()).collect()
}

#[test]
fn a_team_s_work_goes_to_its_lead_not_to_every_role() {
    let agent = job_of(SPEC, "agent", Language::En);
    assert_eq!(
        kinds(&agent),
        ["step", "customer-type", "retention"],
        "{:#?}",
        agent.duties
    );
    assert!(agent.duties[0].1.contains("“Call”") && agent.duties[0].1.contains("within 2 hours"));

    let lead = job_of(SPEC, "lead", Language::En);
    assert_eq!(
        kinds(&lead),
        [
            "customer-type",
            "retention",
            "complaint",
            "lead",
            "target",
            "target"
        ],
        "{:#?}",
        lead.duties
    );
    let complaint = &lead.duties[2].1;
    assert!(
        complaint.starts_with("Handle complaints of the category “Late delivery”"),
        "{complaint}"
    );
    // Work the lead organises is listed under the team that does it.
    let organised = &lead.groups[1];
    assert_eq!(organised.1, "Organising the work of the team “Support”");
    assert_eq!(organised.2.len(), 3, "{organised:#?}");
    assert_eq!(&organised.2[0], complaint);
    assert!(complaint.contains("acknowledge within 30 minutes (counted only during Office hours)"));
    assert!(lead.duties[4]
        .1
        .contains("90% of contacts answered within 20 seconds"));
    assert!(lead.duties[5]
        .1
        .contains("within 24 hours (counted only during Office hours)"));
}

#[test]
fn the_only_role_of_a_team_does_its_work_and_its_lead_answers_for_agreements() {
    let checker = job_of(SPEC, "checker", Language::En);
    assert_eq!(
        kinds(&checker),
        [
            "step",
            "customer-type",
            "retention",
            "escalation",
            "lead",
            "agreement"
        ],
        "{:#?}",
        checker.duties
    );
    assert_eq!(
        checker.duties[0].1,
        "Carry out the step “Check” of the journey “Order” within 1 day."
    );
    // Days of a business clock are said in its hours.
    assert!(checker.duties[3].1.contains("not resolved within 24 hours"));
    assert_eq!(
        checker.duties[5].1,
        "Respond to requests from the team “Support” within 4 hours."
    );
    // The agreement is the lead's, not copied to another role of the team.
    let spec = SPEC.replace(
        "role checker \"Quality lead\" { team quality; duty \"Check\" }",
        "role checker \"Quality lead\" { team quality; duty \"Check\" }\n\
         role tester \"Tester\" { team quality; reports_to checker }",
    );
    let tester = job_of(&spec, "tester", Language::En);
    assert_eq!(kinds(&tester), ["retention"], "{:#?}", tester.duties);
    let checker = job_of(&spec, "checker", Language::En);
    let organised = checker
        .groups
        .iter()
        .find(|g| g.0 == Group::Organise)
        .expect("the lead organises the team's step");
    assert_eq!(organised.1, "Organising the work of the team “Quality”");
    assert!(organised.2[0].starts_with("Carry out the step “Check”"));
}

#[test]
fn a_team_without_a_lead_gives_its_work_to_every_role() {
    let spec = SPEC.replace(
        "team support \"Support\" { lead lead }",
        "team support \"Support\" {}",
    );
    for role in ["lead", "agent"] {
        let job = job_of(&spec, role, Language::En);
        let k = kinds(&job);
        assert!(
            k.contains(&"complaint") && k.contains(&"target"),
            "{role}: {k:?}"
        );
        assert!(!job.groups.iter().any(|g| g.0 == Group::Organise));
    }
}

#[test]
fn duties_come_under_their_headings_in_order() {
    let lead = job_of(SPEC, "lead", Language::En);
    let groups: Vec<Group> = lead.groups.iter().map(|g| g.0).collect();
    assert_eq!(
        groups,
        [
            Group::Declared,
            Group::Organise,
            Group::Customers,
            Group::Teamwork,
        ]
    );
    assert_eq!(lead.groups[0].2, ["Plan."]);
    let checker = job_of(SPEC, "checker", Language::En);
    let groups: Vec<Group> = checker.groups.iter().map(|g| g.0).collect();
    assert_eq!(
        groups,
        [
            Group::Declared,
            Group::Customers,
            Group::Complaints,
            Group::Teamwork,
        ]
    );
    let agent = job_of(SPEC, "agent", Language::En);
    let groups: Vec<Group> = agent.groups.iter().map(|g| g.0).collect();
    assert_eq!(
        groups,
        [Group::Declared, Group::Customers],
        "empty headings are left out"
    );
}

#[test]
fn rights_are_declared_then_derived_from_the_work() {
    let spec = SPEC.replace(
        "role lead \"Head of support\" { team support; duty \"Plan\" }",
        "role lead \"Head of support\" { team support; duty \"Plan\"; right \"Refund up to 100 EUR\" }",
    );
    let lead = job_of(&spec, "lead", Language::En);
    assert_eq!(lead.rights[0], "Refund up to 100 EUR.");
    assert!(lead.rights[1].starts_with("Give the staff of the team “Support” instructions"));
    assert_eq!(
        lead.rights[2],
        "Grant the remedies for complaints of the category “Late delivery” without further approval: apologise to the customer; compensate: a free delivery."
    );
    assert!(lead
        .rights
        .last()
        .unwrap()
        .starts_with("Request from other teams"));
    let checker = job_of(&spec, "checker", Language::En);
    assert!(
        checker.rights.iter().any(|r| r
            == "Overrule the first line's decisions on complaints of the category “Late delivery” escalated to this position."),
        "{:#?}",
        checker.rights
    );
    assert!(!checker.rights.iter().any(|r| r.starts_with("Grant")));
}

#[test]
fn purpose_says_what_the_role_is_for() {
    assert_eq!(
        job_of(SPEC, "lead", Language::En).purpose,
        "Lead the team “Support” so that every customer it serves gets the service the standards promise, on time and in full."
    );
    assert_eq!(
        job_of(SPEC, "agent", Language::En).purpose,
        "Serve customers as a member of the team “Support” as the service standards promise, on time and in full."
    );
}

/// A customer type met in two segments is one duty naming both.
#[test]
fn a_customer_type_is_one_line_naming_its_segments() {
    let spec = SPEC.replace(
        "segment vip \"VIP\" { types hasty; channels phone }",
        "segment vip \"VIP\" { types hasty; channels phone }\n\
         segment mass \"Mass\" { types hasty; channels phone }\n\
         sla base for mass { answer phone 80% within 30s }",
    );
    for (language, line) in [
        (
            Language::En,
            "Treat customers of the type “Wants everything now” (segments “VIP”, “Mass”) this way: React fast.",
        ),
        (
            Language::Ru,
            "Работать с клиентами типа «Wants everything now» (сегменты «VIP», «Mass») так: React fast.",
        ),
    ] {
        let job = job_of(&spec, "lead", language);
        let types: Vec<_> = job.duties.iter().filter(|(k, _)| k == "customer-type").collect();
        assert_eq!(types.len(), 1, "{:?}", job.duties);
        assert_eq!(types[0].1, line);
    }
}

/// A segment's name is not followed by "customers": "“All customers”
/// customers" is what a person would never write.
#[test]
fn segment_names_are_not_doubled_with_customers() {
    let spec = SPEC.replace("segment vip \"VIP\"", "segment vip \"Key customers\"");
    for role in ["lead", "agent", "checker"] {
        for (_, text) in job_of(&spec, role, Language::En).duties {
            assert!(!text.contains("” customers"), "{text}");
        }
    }
}

/// Russian never inflects a name: each quoted name follows a noun in the
/// case the sentence needs, so a feminine, a masculine and a plural name all
/// read right. Every sentence of every role is checked for each.
#[test]
fn russian_sentences_read_right_with_feminine_masculine_and_plural_names() {
    // The word before «name» that carries the case.
    const GOVERNING: &[&str] = &[
        "этап",
        "клиента", // пути клиента «…»
        "категории",
        "сегмента",
        "канале",
        "подразделения",
        "подразделением",
        "типа",
        "обещания",
        "сегменты",
        "сегментам",
        "календарю",
    ];
    for name in ["Бухгалтерия", "Отдел доставки", "Кухни"] {
        let spec = SPEC
            .replace("\"Support\"", &format!("\"{name}\""))
            .replace("\"Office hours\"", &format!("\"{name}\""))
            .replace("\"Quality\"", &format!("\"{name} 2\""))
            .replace("\"VIP\"", &format!("\"{name}\""))
            .replace("\"Phone\"", &format!("\"{name}\""))
            .replace("\"Order\"", &format!("\"{name}\""))
            .replace("\"Call\"", &format!("\"{name}\""))
            .replace("\"Late delivery\"", &format!("\"{name}\""))
            .replace("\"Wants everything now\"", &format!("\"{name}\""))
            .replace(
                "remedy apologize",
                "remedy apologize\n  remedy escalate lead",
            );
        for role in ["lead", "agent", "checker"] {
            let job = job_of(&spec, role, Language::Ru);
            let sentences = job
                .duties
                .iter()
                .map(|(_, t)| t.as_str())
                .chain(job.rights.iter().map(String::as_str))
                .chain([job.purpose.as_str()]);
            for sentence in sentences {
                for (at, _) in sentence.match_indices('«') {
                    let before = sentence[..at]
                        .trim_end()
                        .trim_end_matches(['(', ','])
                        .trim_end();
                    let word = before.rsplit([' ', '(']).next().unwrap_or("");
                    let listed = before.ends_with('»'); // «A», «B»
                    assert!(
                        listed || GOVERNING.contains(&word),
                        "a name follows “{word}” in: {sentence}"
                    );
                }
                assert!(
                    !sentence.contains(&format!("» {}", name.to_lowercase())),
                    "{sentence}"
                );
            }
        }
    }
}

#[test]
fn russian_durations_agree_with_their_numbers() {
    for (within, words) in [
        ("1d", "в срок не более 1 дня"),
        ("2d", "в срок не более 2 дней"),
        ("5d", "в срок не более 5 дней"),
        ("21h", "в срок не более 21 часа"),
        ("3h", "в срок не более 3 часов"),
        ("1m", "в срок не более 1 минуты"),
    ] {
        let spec = SPEC.replace(
            "within 2h; next check",
            &format!("within {within}; next check"),
        );
        let agent = job_of(&spec, "agent", Language::Ru);
        assert!(agent.duties[0].1.contains(words), "{}", agent.duties[0].1);
    }
    let agent = job_of(SPEC, "agent", Language::Ru);
    assert!(agent
        .duties
        .last()
        .unwrap()
        .1
        .starts_with("Удерживать клиентов"));
}
