//! Generated journeys for the map tests (`tests/journey_maps.rs`) and the
//! browser test (`tests/site.rs`): 1–10 owners each acting front and back
//! stage, 2–40 steps, loops, branches with long labels, phases interleaved
//! along the flow, Latin, Cyrillic and CJK titles.

use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Reservation",
    "confirmation",
    "after",
    "the",
    "delivery",
    "customer",
    "Бронирование",
    "подтверждение",
    "Электроэнергоснабжение",
    "после",
    "доставки",
    "клиента",
    "顾客提交维修申请",
    "工程师上门",
    "確認",
    "予約の変更",
];

fn title(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..=max_words).prop_map(|w| w.join(" "))
}

/// One step: its owner, whether the customer takes part (a channel),
/// its title, its extra ways on (target offset, long `when`) and its phase.
type Step = (usize, bool, String, Vec<(i64, String)>, Option<usize>);

pub fn journey() -> impl Strategy<Value = String> {
    journey_of(1..=10, 2..=40)
}

/// Journeys of `owners` owners and `steps` steps, as [`journey`] draws
/// them (the widest maps come from many of both).
pub fn journey_of(
    owners: std::ops::RangeInclusive<usize>,
    steps: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> {
    (owners, steps, 0usize..=4).prop_flat_map(|(owners, steps, phases)| {
        let step = (
            0..owners,
            any::<bool>(),
            title(6),
            prop::collection::vec((-6i64..=6, title(7)), 0..=2),
            prop::option::of(0..phases.max(1)),
        );
        (
            prop::collection::vec(title(4), owners),
            prop::collection::vec(step, steps),
            prop::collection::vec(title(4), phases),
        )
            .prop_map(|(names, steps, phases)| write(&names, &steps, &phases))
    })
}

fn write(owners: &[String], steps: &[Step], phases: &[String]) -> String {
    let mut s = String::new();
    for (t, name) in owners.iter().enumerate() {
        s.push_str(&format!("team t{t} \"{name}\" {{}}\n"));
    }
    s.push_str("channel ph \"Телефон горячей линии 8-800\" { kind phone; owner t0 }\n");
    s.push_str("channel ch \"Reservation chat on the website\" { kind chat; owner t0 }\n");
    s.push_str("journey g \"Generated\" {\n  start s0\n");
    let n = steps.len();
    for (p, title) in phases.iter().enumerate() {
        let members: Vec<String> = (0..n)
            .filter(|&i| steps[i].4 == Some(p))
            .map(|i| format!("s{i}"))
            .collect();
        if !members.is_empty() {
            s.push_str(&format!(
                "  phase p{p} \"{title}\" {{ steps {} }}\n",
                members.join(", ")
            ));
        }
    }
    for (i, (owner, front, title, extra, _)) in steps.iter().enumerate() {
        let mut body = format!("owner t{owner}; ");
        if *front {
            body.push_str(if i % 2 == 0 {
                "channel ph, ch; "
            } else {
                "channel ph; "
            });
        }
        if i + 1 == n {
            body.push_str("end \"Done and dusted, the customer is happy\"");
        } else {
            let mut targets = vec![i + 1];
            let mut ways = Vec::new();
            for (offset, when) in extra {
                let to = (i as i64 + offset).clamp(0, n as i64 - 1) as usize;
                if !targets.contains(&to) {
                    targets.push(to);
                    ways.push(format!("next s{to} when \"{when}\""));
                }
            }
            if ways.is_empty() {
                body.push_str(&format!("next s{}", i + 1));
            } else {
                body.push_str(&format!(
                    "next s{} when \"otherwise\"; {}",
                    i + 1,
                    ways.join("; ")
                ));
            }
        }
        s.push_str(&format!("  step s{i} \"{title}\" {{ {body} }}\n"));
    }
    s.push_str("}\n");
    s
}

/// `count` journeys from proptest's fixed-seed runner: the same sample on
/// every run, for the browser.
#[allow(dead_code)]
pub fn sample(count: usize) -> Vec<String> {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    (0..count)
        .map(|_| journey().new_tree(&mut runner).unwrap().current())
        .collect()
}

/// Ten owners each acting front and back stage, every step with a loop
/// back to itself and a long-labelled branch far ahead or back: a map as
/// wide as the generated ones get, for the print tests.
#[allow(dead_code)]
pub fn ten_owners() -> String {
    let owners: Vec<String> = (0..10)
        .map(|o| format!("Отдел обслуживания клиентов {o}"))
        .collect();
    let steps: Vec<Step> = (0..40)
        .map(|i| {
            let title = format!("Электроэнергоснабжение customer confirmation {i}");
            let ways = vec![
                (
                    0,
                    "the customer asks again about the same order".to_string(),
                ),
                (
                    if i % 2 == 0 { 7 } else { -5 },
                    "после доставки клиента Бронирование".to_string(),
                ),
            ];
            ((i / 2) % 10, i % 2 == 0, title, ways, Some(i / 10))
        })
        .collect();
    let phases: Vec<String> = (0..4)
        .map(|p| format!("Phase {p} after the delivery"))
        .collect();
    write(&owners, &steps, &phases)
}

/// The customer's channels a fanned-out step may use: long names that wrap
/// in the customer's lane, and short ones.
#[allow(dead_code)]
const CHANNELS: &[(&str, &str)] = &[
    ("phone", "Phone (13 numbers)"),
    ("email", "E-mail"),
    ("chat", "Web chat on the customer portal"),
    ("messenger", "WhatsApp"),
];

/// A step the customer takes part in that branches into 2–4 steps they
/// take part in too, side by side on one row, each through 1–4 channels:
/// the customer's lane stacks a chip for each, its step's name in bold
/// over its channels (energy audit, F2: the last line of each was drawn
/// on its border); each branch ends or joins a last step.
#[allow(dead_code)]
pub fn fan() -> impl Strategy<Value = String> {
    let branch = (
        title(6),
        prop::sample::subsequence((0..CHANNELS.len()).collect::<Vec<_>>(), 1..=CHANNELS.len()),
        any::<bool>(),
        title(4),
    );
    (1usize..=3, title(4), prop::collection::vec(branch, 2..=4)).prop_map(
        |(owners, first, branches)| {
            let mut s = String::new();
            for t in 0..owners {
                s.push_str(&format!("team t{t} \"Team {t}\" {{}}\n"));
            }
            for (kind, name) in CHANNELS {
                s.push_str(&format!(
                    "channel {kind} \"{name}\" {{ kind {kind}; owner t0 }}\n"
                ));
            }
            s.push_str("journey g \"Generated\" {\n  start s0\n");
            let ways: Vec<String> = branches
                .iter()
                .enumerate()
                .map(|(k, (_, _, _, when))| format!("next b{k} when \"{when}\""))
                .collect();
            s.push_str(&format!(
                "  step s0 \"{first}\" {{ owner t0; channel phone; {} }}\n",
                ways.join("; ")
            ));
            for (k, (name, channels, ends, _)) in branches.iter().enumerate() {
                let channels: Vec<&str> = channels.iter().map(|&c| CHANNELS[c].0).collect();
                let then = if *ends {
                    "end \"Closed\"".to_string()
                } else {
                    "next z".to_string()
                };
                s.push_str(&format!(
                    "  step b{k} \"{name}\" {{ owner t{}; channel {}; {then} }}\n",
                    k % owners,
                    channels.join(", ")
                ));
            }
            s.push_str("  step z \"Done\" { owner t0; channel email; end \"Done\" }\n}\n");
            s
        },
    )
}
