//! The documents of the Uchiversum and Energosbyt specs as an HR reader
//! reads them (audit 17): the channel owner's duty names every team that
//! takes the channel's contacts, its own included (L7), on the audited spec
//! and on generated ones.

mod common;

use proptest::prelude::*;

/// `cxc build --target docs` of a shipped spec, read back by path.
fn built(spec: &str) -> (tempfile::TempDir, impl Fn(&str) -> String) {
    let dir = common::docs_of(spec, None, common::TODAY);
    let out = dir.path().to_path_buf();
    let read = move |path: &str| {
        std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    (dir, read)
}

/// The lines of a document that hold a duty.
fn duty<'t>(md: &'t str, starts: &str) -> Vec<&'t str> {
    md.lines()
        .filter(|l| l.trim_start_matches("- ").starts_with(starts))
        .collect()
}

/// L7: the head of corporate clients owns the corporate line; his own
/// Moscow team and the Almaty team take its calls. The duty names both,
/// and follows the targets up with the Almaty lead only.
#[test]
fn the_corporate_line_owner_is_told_his_own_team_takes_its_calls_too() {
    let (_dir, read) = built("tests/specs/uchiversum");
    let md = read("hr/руководитель_корп.md");
    let said = duty(&md, "Отвечать за канал");
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].contains("Его обращения принимают подразделения «Корпоративные клиенты — Москва», «Корпоративные клиенты — Алматы»: контролировать выполнение целевых показателей канала вместе с руководителем подразделения «Корпоративные клиенты — Алматы»."),
        "{}",
        said[0]
    );
}

/// A generated organisation: `teams` teams, each with a lead and an
/// agent; the phone line owned by `owner` (a role index: lead of team
/// i/2 when even, its agent when odd, or the director outside every team);
/// a queue on the line for each team in `takers`.
fn organisation(teams: usize, owner: Option<usize>, takers: &[usize]) -> String {
    let mut text = String::from(
        "calendar office { open mon-fri 09:00-18:00 }\nteam board \"Board\" { lead director }\nrole director { team board; duty \"Direct\" }\nsegment everyone { channels phone }\nsla everyone_sla for everyone { hours office; answer phone 80% within 1m }\n",
    );
    for t in 0..teams {
        text.push_str(&format!(
            "team t{t} \"Team {t}\" {{ lead l{t} }}\nrole l{t} {{ team t{t}; reports_to director; duty \"Lead\" }}\nrole a{t} {{ team t{t}; reports_to l{t}; duty \"Answer\" }}\n"
        ));
    }
    let owner = match owner {
        None => "director".to_string(),
        Some(r) if r % 2 == 0 => format!("l{}", r / 2),
        Some(r) => format!("a{}", r / 2),
    };
    text.push_str(&format!(
        "channel phone {{ kind phone; hours office; owner {owner} }}\n"
    ));
    for &t in takers {
        text.push_str(&format!(
            "queue q{t} {{ channel phone; team t{t}; segments everyone }}\n"
        ));
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// The oracle: when a team other than the owner's own takes the line's
    /// contacts, the owner's duty names every team that takes them (in
    /// both languages) and no other; when only its own team does, it names
    /// none. An agent whose own queue takes the line has no such duty.
    #[test]
    fn the_channel_owner_names_every_team_that_takes_its_contacts(
        teams in 1usize..5,
        owner in proptest::option::of(0usize..10),
        picks in proptest::collection::btree_set(0usize..5, 1..5),
    ) {
        let owner = owner.filter(|&r| r / 2 < teams);
        let takers: Vec<usize> = picks.into_iter().filter(|&t| t < teams).collect();
        prop_assume!(!takers.is_empty());
        let text = organisation(teams, owner, &takers);
        let own_team = owner.map(|r| r / 2);
        let agent_takes = owner.is_some_and(|r| r % 2 == 1 && takers.contains(&(r / 2)));
        let others = takers.iter().any(|&t| Some(t) != own_team);
        let compiled = cxc::pipeline::compile_bytes("spec.cx", text.as_bytes(), &cxc::check::Options::default());
        prop_assert!(compiled.diagnostics.iter().all(|d| d.severity != cxc::diagnostic::Severity::Error), "{:?}", compiled.diagnostics);
        for language in [cxc::syntax::values::Language::En, cxc::syntax::values::Language::Ru] {
            let files = common::render::render(&compiled.specs[0], language, &[cxc::generate::Target::Docs]).unwrap().0;
            let role = match owner {
                None => "director".to_string(),
                Some(r) if r % 2 == 0 => format!("l{}", r / 2),
                Some(r) => format!("a{}", r / 2),
            };
            let md = String::from_utf8(files[&format!("hr/{role}.md")].clone()).unwrap();
            let owned: Vec<&str> = md.lines().filter(|l| l.contains("Own the channel") || l.contains("Отвечать за канал")).collect();
            if agent_takes {
                prop_assert!(owned.is_empty(), "{owned:#?}");
                continue;
            }
            prop_assert_eq!(owned.len(), 1, "{}", md);
            for t in 0..teams {
                let named = owned[0].contains(&format!("Team {t}"));
                let expected = others && takers.contains(&t);
                prop_assert_eq!(named, expected, "team {} in {}\n{}", t, owned[0], text);
            }
        }
    }
}

/// The count of planned agents agrees with its verb: «запланирован 1
/// оператор», «запланировано 3 оператора» (Uchiversum's corporate lead
/// read «запланировано 1 оператор»).
#[test]
fn the_planned_agents_agree_with_their_verb() {
    let (_dir, read) = built("tests/specs/uchiversum");
    let md = read("hr/руководитель_корп.md");
    assert!(md.contains("; в очереди запланирован 1 оператор."), "{md}");
    assert!(
        md.contains("; в очереди запланировано 3 оператора."),
        "{md}"
    );
    assert!(!md.contains("запланировано 1 оператор"), "{md}");
}

/// Names that hold a comma are listed with «; » (Energosbyt's head of the
/// contact centre: «Руководитель группы контакт-центра, Екатеринбург,
/// Руководитель группы контакт-центра, Омск» read as four names); names
/// without one keep «, ».
#[test]
fn names_with_commas_are_listed_with_semicolons() {
    let (_dir, read) = built("tests/specs/energosbyt");
    let md = read("hr/начальник_кц.md");
    assert!(
        md.contains("- В подчинении: Руководитель группы контакт-центра, Екатеринбург; Руководитель группы контакт-центра, Омск; Руководитель группы контакт-центра, Новосибирск\n"),
        "{md}"
    );
    let channels = read("policy/channels.md");
    assert!(
        channels.contains("Контакт-центр, Екатеринбург (телефон); Контакт-центр, Омск (телефон); "),
        "{channels}"
    );
    let (_dir, read) = built("tests/specs/uchiversum");
    let md = read("hr/руководитель_корп.md");
    assert!(
        md.contains("- В подчинении: Менеджер по работе с компаниями (Москва), Руководитель группы корпоративных клиентов (Алматы)\n"),
        "{md}"
    );
}
