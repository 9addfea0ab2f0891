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

pub(super) struct Compiled(pub crate::pipeline::Compilation);

pub(super) fn compile(spec: &str) -> Compiled {
    Compiled(crate::pipeline::compile_clean(spec))
}

/// What the job description of `role` says: its derived duties as
/// (kind, text), its rights and its purpose.
pub(super) struct Job {
    pub duties: Vec<(String, String)>,
    pub groups: Vec<(Group, String, Vec<String>)>,
    pub rights: Vec<String>,
    pub purpose: String,
}

pub(super) fn job_of(spec: &str, role: &str, language: Language) -> Job {
    let Compiled(compiled) = compile(spec);
    let model = &compiled.specs[0].model;
    let w = Wording { model, language };
    let work = Work::new(model);
    let id = model
        .roles
        .iter()
        .find(|(_, r)| r.header.id == role)
        .map(|(id, _)| id)
        .expect("role exists");
    let derived = derive(&w, &work, &compiled.specs[0].staffing, id);
    let job = job(&w, &work, id, &derived, &[]);
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

pub(super) fn texts<'j>(job: &'j Job, kind: &str) -> Vec<&'j str> {
    job.duties
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, t)| t.as_str())
        .collect()
}

#[test]
fn a_team_s_work_is_performed_by_its_staff_and_organised_by_its_lead() {
    // The phone line and the complaint rule are the team's: the agent, its
    // line role, performs them (telling the outcome and escalating on time
    // with them, as `feedback required` and the ladder say); the lead
    // organises them.
    let agent = job_of(SPEC, "agent", Language::En);
    assert_eq!(
        kinds(&agent),
        [
            "step",
            "customer-type",
            "retention",
            "complaint",
            "complaint-feedback",
            "complaint-escalate",
            "target",
            "target"
        ],
        "{:#?}",
        agent.duties
    );
    assert!(agent.duties[0].1.contains("“Call”") && agent.duties[0].1.contains("within 2 hours"));
    assert_eq!(
        texts(&agent, "complaint"),
        ["Handle complaints of the category “Late delivery” (severity: high); acknowledge within 30 minutes (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time); resolve within 72 hours (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time)."]
    );
    assert_eq!(
        texts(&agent, "target"),
        [
            "Meet the service level for the segment “VIP” in “Phone”: 90% of contacts answered within 20 seconds (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time).",
            "Resolve the requests of the segment “VIP” within 24 hours (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time).",
        ]
    );
    assert!(!agent.groups.iter().any(|g| g.0 == Group::Organise));

    let lead = job_of(SPEC, "lead", Language::En);
    assert_eq!(
        kinds(&lead),
        [
            "step",
            "customer-type",
            "retention",
            "complaint",
            "complaint-feedback",
            "complaint-escalate",
            "lead",
            "target",
            "target"
        ],
        "{:#?}",
        lead.duties
    );
    // Work the lead organises is listed under the team that does it, in
    // the organising form: the lead never carries it out itself.
    let organised = &lead.groups[1];
    assert_eq!(organised.1, "Organising the work of the team “Support”");
    assert_eq!(
        organised.2,
        [
            "Ensure the team “Support” carries out the step “Call” of the journey “Order” within 2 hours (around the clock).",
            "Ensure the team “Support” handles complaints of the category “Late delivery” (severity: high), acknowledges them within 30 minutes (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time) and resolves them within 72 hours (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time).",
            "Ensure the team “Support” tells the customer how each complaint of the category “Late delivery” was resolved.",
            "Ensure the team “Support” escalates complaints of the category “Late delivery” to the next level (“Quality lead”) no later than 24 hours (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time) after arriving, if they are not resolved by then.",
            "Plan staffing so that the team “Support” meets the service level for the segment “VIP” in “Phone”: 90% of contacts answered within 20 seconds (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time).",
            "Ensure the team “Support” resolves the requests of the segment “VIP” within 24 hours (counted only during Office hours: Mon–Fri 09:00–18:00 Berlin time).",
        ]
    );
    for (_, text) in &lead.duties {
        for performed in ["Carry out", "Handle", "Meet", "Resolve", "Give", "Respond"] {
            assert!(!text.starts_with(performed), "{text}");
        }
    }
}

/// The case from outside the team: a contact centre of one lead and
/// fourteen agents owns the booking step, the phone line and the complaint
/// rule. The agents who answer the phone carry the answer targets.
#[test]
fn a_contact_centre_s_agents_carry_its_steps_and_answer_targets() {
    const CENTRE: &str = r#"
service "Bistro" { language en }
calendar always "Always" { open 24x7 }
team cc "Contact centre" { lead head }
role head "Head of the contact centre" { team cc; headcount 1 }
role agent "Contact centre agent" { team cc; reports_to head; headcount 14; duty "Book a table at first contact" }
segment guests "Guests" { channels phone }
channel phone "Phone" { kind phone; hours always; owner cc }
sla base for guests { hours always; answer phone 90% within 15s; resolution within 1d }
journey booking "Booking" { start take; step take "Take the booking" { owner cc; channel phone; within 5m; end } }
complaint rude "Rude staff" { owner cc; acknowledge within 1h; resolve within 2d; escalate after 1d to head }
"#;
    let agent = job_of(CENTRE, "agent", Language::En);
    let said: Vec<&str> = agent.duties.iter().map(|(_, t)| t.as_str()).collect();
    for line in [
        "Carry out the step “Take the booking” of the journey “Booking” within 5 minutes (around the clock).",
        "Meet the service level for the segment “Guests” in “Phone”: 90% of contacts answered within 15 seconds (around the clock).",
        "Resolve the requests of the segment “Guests” within 1 calendar day.",
    ] {
        assert!(said.contains(&line), "{line} not in {said:#?}");
    }
    assert!(said
        .iter()
        .any(|t| t.starts_with("Handle complaints of the category “Rude staff”")));
    let head = job_of(CENTRE, "head", Language::En);
    let said: Vec<&str> = head.duties.iter().map(|(_, t)| t.as_str()).collect();
    for line in [
        "Ensure the team “Contact centre” carries out the step “Take the booking” of the journey “Booking” within 5 minutes (around the clock).",
        "Plan staffing so that the team “Contact centre” meets the service level for the segment “Guests” in “Phone”: 90% of contacts answered within 15 seconds (around the clock).",
    ] {
        assert!(said.contains(&line), "{line} not in {said:#?}");
    }
    assert!(!said
        .iter()
        .any(|t| t.starts_with("Carry out") || t.starts_with("Meet")));
    // The escalation still goes up to the head.
    assert_eq!(
        kinds(&head).iter().filter(|k| **k == "escalation").count(),
        1
    );
}

/// Channel targets follow the queues: the team whose queues serve no VIP
/// contacts does not get the VIP phone target, though it owns the channel.
#[test]
fn channel_targets_follow_the_queues_that_serve_the_segment() {
    let spec = SPEC.replace(
        "segment vip \"VIP\" { types hasty; channels phone }",
        "segment vip \"VIP\" { types hasty; channels phone }\n\
             segment mass \"Mass\" { channels phone }\n\
             sla base for mass { answer phone 80% within 1m }\n\
             team vipdesk \"VIP desk\" { lead viphead }\n\
             role viphead \"Head of VIP\" { team vipdesk }\n\
             role vipagent \"VIP agent\" { team vipdesk; reports_to viphead }\n\
             queue vip_line { channel phone; segments vip; team vipdesk }\n\
             queue mass_line { channel phone; segments mass; team support }",
    );
    let targets = |role| {
        texts(&job_of(&spec, role, Language::En), "target")
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let agent = targets("agent");
    assert!(agent.iter().all(|t| !t.contains("“VIP”")), "{agent:#?}");
    assert!(
        agent.iter().any(|t| t.contains("“Mass” in “Phone”: 80%")),
        "{agent:#?}"
    );
    let vip = targets("vipagent");
    assert!(
        vip.iter()
            .any(|t| t.starts_with("Meet the service level for the segment “VIP” in “Phone”")),
        "{vip:#?}"
    );
    assert!(vip.iter().all(|t| !t.contains("“Mass”")), "{vip:#?}");
    let head = targets("viphead");
    assert!(
        head.iter().all(
            |t| t.starts_with("Plan staffing so that the team “VIP desk”")
                || t.starts_with("Ensure the team “VIP desk”")
        ),
        "{head:#?}"
    );
    // With no queue for a segment, the channel's owner takes its contacts.
    let spec = spec.replace(
        "queue vip_line { channel phone; segments vip; team vipdesk }",
        "",
    );
    let agent = texts(&job_of(&spec, "agent", Language::En), "target")
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    assert!(
        agent.iter().any(|t| t.contains("“VIP” in “Phone”")),
        "{agent:#?}"
    );
}

/// Work a role owns stays with it; the lead of its team organises it.
#[test]
fn a_role_s_work_is_its_own_and_its_lead_organises_it() {
    let spec = SPEC.replace(
        "channel phone \"Phone\" { kind phone; hours office; owner support }",
        "channel phone \"Phone\" { kind phone; hours office; owner agent }\n\
         role trainee \"Trainee\" { team support; reports_to lead }",
    );
    let agent = job_of(&spec, "agent", Language::En);
    assert_eq!(texts(&agent, "target").len(), 2, "{:#?}", agent.duties);
    let trainee = job_of(&spec, "trainee", Language::En);
    assert!(
        texts(&trainee, "target").is_empty(),
        "{:#?}",
        trainee.duties
    );
    // With a queue of the team (audit 3, finding 6): a team-owned channel
    // gives its targets to every line role of the queue's team; a
    // role-owned one to that role alone.
    let queued = "\nqueue line \"Line\" { channel phone; team support }\n";
    let team_owned =
        SPEC.to_string() + "role trainee \"Trainee\" { team support; reports_to lead }" + queued;
    let trainee = job_of(&team_owned, "trainee", Language::En);
    assert_eq!(texts(&trainee, "target").len(), 2, "{:#?}", trainee.duties);
    let role_owned = spec.clone() + queued;
    let trainee = job_of(&role_owned, "trainee", Language::En);
    assert!(
        texts(&trainee, "target").is_empty(),
        "{:#?}",
        trainee.duties
    );
    let agent = job_of(&role_owned, "agent", Language::En);
    assert_eq!(texts(&agent, "target").len(), 2, "{:#?}", agent.duties);
    // The step "Call" is the agent's: the lead organises it too.
    let lead = job_of(&spec, "lead", Language::En);
    assert!(texts(&lead, "step")
        .contains(&"Ensure the team “Support” carries out the step “Call” of the journey “Order” within 2 hours (around the clock)."));
}

#[test]
fn the_only_role_of_a_team_does_its_work_and_its_staff_respond_for_its_agreements() {
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
        "Carry out the step “Check” of the journey “Order” within 1 calendar day."
    );
    // Days of a business clock are said in its hours.
    assert!(checker.duties[3].1.contains("not resolved within 24 hours"));
    assert_eq!(
        checker.duties[5].1,
        "Respond to requests from the team “Support” within 4 hours (around the clock)."
    );
    // With a tester on the team, the tester performs the team's step and
    // answers the agreement; the lead organises both.
    let spec = SPEC.replace(
        "role checker \"Quality lead\" { team quality; duty \"Check\" }",
        "role checker \"Quality lead\" { team quality; duty \"Check\" }\n\
         role tester \"Tester\" { team quality; reports_to checker }",
    );
    let tester = job_of(&spec, "tester", Language::En);
    assert_eq!(
        kinds(&tester),
        ["step", "customer-type", "retention", "agreement"],
        "{:#?}",
        tester.duties
    );
    let checker = job_of(&spec, "checker", Language::En);
    let organised = checker
        .groups
        .iter()
        .find(|g| g.0 == Group::Organise)
        .expect("the lead organises the team's step");
    assert_eq!(organised.1, "Organising the work of the team “Quality”");
    assert_eq!(
        organised.2,
        [
            "Ensure the team “Quality” carries out the step “Check” of the journey “Order” within 1 calendar day.",
            "Ensure the team “Quality” responds to requests from the team “Support” within 4 hours (around the clock).",
        ]
    );
}

#[test]
fn a_team_without_a_lead_gives_its_work_to_every_role() {
    let spec = SPEC
        .replace(
            "team support \"Support\" { lead lead }",
            "team support \"Support\" {}",
        )
        .replace("reports_to lead; ", "");
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

/// A role that another role of its team reports to supervises: without
/// a `lead` on the team, the agent still does the work and the head it
/// reports to organises it, is told to supervise, and does none of it.
#[test]
fn a_role_others_report_to_supervises_their_work() {
    let spec = SPEC.replace(
        "team support \"Support\" { lead lead }",
        "team support \"Support\" {}",
    );
    let agent = job_of(&spec, "agent", Language::En);
    let agent = kinds(&agent);
    assert!(
        agent.contains(&"complaint") && agent.contains(&"target"),
        "{agent:?}"
    );
    let head = job_of(&spec, "lead", Language::En);
    let own: Vec<&str> = head
        .groups
        .iter()
        .filter(|g| g.0 != Group::Organise)
        .flat_map(|g| g.2.iter().map(String::as_str))
        .collect();
    assert!(
        head.groups.iter().any(|g| g.0 == Group::Organise),
        "{:?}",
        head.groups
    );
    assert!(
        own.iter()
            .any(|d| d.starts_with("Supervise the positions “Agent”")),
        "{own:?}"
    );
    assert!(
        !own.iter()
            .any(|d| d.starts_with("Carry out") || d.starts_with("Meet the")),
        "{own:?}"
    );
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
        [
            Group::Declared,
            Group::Customers,
            Group::Complaints,
            Group::Targets
        ],
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
            "Treat customers of the type “Wants everything now” (segments “VIP”, “Mass”) this way: react fast.",
        ),
        (
            Language::Ru,
            "Работать с клиентами типа «Wants everything now» (сегменты «VIP», «Mass») следующим образом: react fast.",
        ),
    ] {
        let job = job_of(&spec, "lead", language);
        let types: Vec<_> = job.duties.iter().filter(|(k, _)| k == "customer-type").collect();
        assert_eq!(types.len(), 1, "{:?}", job.duties);
        assert_eq!(types[0].1, line);
    }
    // One segment: singular (audit 3, finding 11), and a colon before the
    // user's text in Russian too.
    for (language, line) in [
        (
            Language::En,
            "Treat customers of the type “Wants everything now” (segment “VIP”) this way: react fast.",
        ),
        (
            Language::Ru,
            "Работать с клиентами типа «Wants everything now» (сегмент «VIP») следующим образом: react fast.",
        ),
    ] {
        let job = job_of(SPEC, "lead", language);
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
        "подразделение", // Обеспечивать, чтобы подразделение «…»
        "клиента",       // пути клиента «…»
        "категории",
        "сегмента",
        "канале",
        "подразделения",
        "подразделением",
        "типа",
        "обещания",
        "сегмент",
        "сегменты",
        "сегменту",
        "сегментам",
        "календарю",
        "роль", // на следующий уровень (роль «…»)
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
        ("1d", "в срок не более 1 календарного дня"),
        ("2d", "в срок не более 2 календарных дней"),
        ("5d", "в срок не более 5 календарных дней"),
        ("31d", "в срок не более 31 календарного дня"),
        ("1w", "в срок не более 1 календарной недели"),
        ("21h", "в срок не более 21 часа"),
        ("3h", "в срок не более 3 часов"),
        ("1m", "в срок не более 1 минуты (круглосуточно)"),
    ] {
        let spec = SPEC.replace(
            "within 2h; next check",
            &format!("within {within}; next check"),
        );
        let agent = job_of(&spec, "agent", Language::Ru);
        assert!(agent.duties[0].1.contains(words), "{}", agent.duties[0].1);
    }
    let agent = job_of(SPEC, "agent", Language::Ru);
    assert!(texts(&agent, "retention")[0].starts_with("Удерживать клиентов"));
}
