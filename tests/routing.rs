//! Routing that is right on every spec (issue 24): the TaskRouter workflow,
//! its TaskQueues and the Zendesk SLA policies, evaluated by an evaluator of
//! each vendor's documented rules (`routing/twilio.rs`, `routing/zendesk.rs`,
//! independent of cxc's code) on generated specs, the shipped examples and
//! the specs written outside the team, with the invariants of
//! `routing/invariants.rs`; and one regression test per fault of the issue.

#[path = "routing/after_hours.rs"]
mod after_hours;
mod common;
#[path = "routing/invariants.rs"]
mod invariants;
#[path = "routing/twilio.rs"]
mod twilio;
#[path = "routing/workdays.rs"]
mod workdays;
#[path = "routing/zendesk.rs"]
mod zendesk;

use common::cxc_in;
use invariants::Built;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use twilio::Moment;

/// Builds the spec folder `spec` into `out`: routing.json, the workflow,
/// the TaskQueues and the Zendesk files.
/// `CXC_ROUTING_BIN` runs them with another cxc binary (an older release,
/// to see which invariants it breaks).
fn build(spec: &Path, out: &Path) -> Built {
    let args = [
        "build",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--target",
        "docs,zendesk,taskrouter",
        "--today",
        common::TODAY,
        "--lang",
        "en",
    ];
    let output = match std::env::var_os("CXC_ROUTING_BIN") {
        Some(bin) => std::process::Command::new(bin)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .output()
            .unwrap(),
        None => cxc_in(Path::new(env!("CARGO_MANIFEST_DIR")), &args),
    };
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.code() != Some(0) {
        let errors: Vec<&str> = stderr.split("\n\n").filter(|d| d.contains('×')).collect();
        panic!("{}: {}", spec.display(), errors.join("\n"));
    }
    let config = std::fs::read_to_string(spec.join("cxc.yaml"))
        .ok()
        .and_then(|t| serde_yaml::from_str::<Value>(&t).ok())
        .map(|c| c["exports"].clone())
        .unwrap_or(Value::Null);
    Built::read(out, stderr, config)
}

fn build_text(spec: &str, config: Option<&str>) -> (tempfile::TempDir, Built) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("spec");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("spec.cx"), spec).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.join("cxc.yaml"), config).unwrap();
    }
    let built = build(&dir, &work.path().join("out"));
    (work, built)
}

/// A shipped spec folder copied into a temporary one, with `config` as its
/// cxc.yaml.
fn build_copy(folder: &str, config: &str) -> (tempfile::TempDir, Built) {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("spec");
    copy(&manifest(folder), &dir);
    std::fs::write(dir.join("cxc.yaml"), config).unwrap();
    let built = build(&dir, &work.path().join("out"));
    (work, built)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_shipped_examples_keep_every_invariant() {
    for example in ["kitchen", "telecom", "dry-cleaner-ru"] {
        let out = tempfile::tempdir().unwrap();
        let built = build(&manifest(&format!("examples/{example}")), out.path());
        invariants::check(&built, example);
    }
}

/// The outside specs: `../shared/specs` when it exists (the live folder),
/// else the copy in tests/specs/outside.
#[test]
fn the_specs_written_outside_keep_every_invariant() {
    let live = manifest("../shared/specs");
    let root = if live.join("vip-shop").is_dir() {
        live
    } else {
        manifest("tests/specs/outside")
    };
    // Written past the test harness's capture, so every run shows it.
    let _ = writeln!(std::io::stderr(), "outside specs from {}", root.display());
    for spec in ["vip-shop", "svyaz", "domoset"] {
        let out = tempfile::tempdir().unwrap();
        let (_copy, folder) = common::buildable(&root.join(spec));
        let built = build(&folder, out.path());
        invariants::check(&built, spec);
    }
}

/// The specs outside reviewers wrote for the team's audits (tests/specs):
/// an airline, a pharmacy chain, a car-rental chain, a Russian bank, a
/// hotel group.
#[test]
fn the_audit_specs_keep_every_invariant() {
    for spec in ["airline", "nordrent", "bank"] {
        let out = tempfile::tempdir().unwrap();
        let built = build(&manifest(&format!("tests/specs/{spec}")), out.path());
        invariants::check(&built, spec);
    }
    // Two specs have a promise `check` refuses, true errors kept as
    // written; their routing is checked with that rule off. The hotel's
    // e-mail promise: 8 hours around the clock behind 8 office hours (audit
    // 4, HIGH 2). The pharmacy's clinic promises: 30 seconds on the national
    // line's hours behind 15 seconds on the clinic desk's, and 8 Moscow
    // office hours behind 1 clinic-desk hour (each can take days of the
    // promise's clock when the clinic desk is closed).
    for spec in ["hotel", "pharmacy"] {
        let (work, copy) = common::copy_with_rule_off(
            &manifest(&format!("tests/specs/{spec}")),
            "promise-exceeds-sla",
        );
        let built = build(&copy, &work.path().join("out"));
        invariants::check(&built, spec);
    }
}

// ---------------------------------------------------------------------------
// Generated specs.

const ZONES: [Option<&str>; 6] = [
    None,
    Some("Europe/Berlin"),
    Some("America/New_York"),
    Some("Asia/Tokyo"),
    Some("Australia/Sydney"),
    Some("Europe/Moscow"),
];
const WEEKS: [&str; 4] = [
    "open 24x7",
    "open mon-fri 09:00-18:00",
    "open sat-sun 10:00-16:00",
    "open mon-fri 08:00-20:00; open sat 09:00-17:00; closed 2026-12-25, 2027-01-01",
];
const KINDS: [&str; 5] = ["phone", "chat", "email", "messenger", "social"];
/// Names short and long, Latin and Cyrillic; an index keeps them unique.
const NAMES: [&str; 4] = [
    "vip",
    "золото",
    "a_very_long_segment_name_that_an_admin_would_never_type_twice",
    "массовый_сегмент",
];

/// A rung: minutes after the one before, to a team (or its lead role).
type Rung = (u64, usize, bool);
/// (segments mask, owner team, owner is a role, calendar, rungs)
type GenComplaint = (u32, usize, bool, usize, Vec<Rung>);

#[derive(Debug, Clone)]
struct Gen {
    calendars: Vec<(usize, usize)>,
    teams: usize,
    /// (kind, calendar)
    channels: Vec<(usize, usize)>,
    /// (tier, channels as a bit mask, sla calendar, answer s, reply m, resolve h)
    segments: Vec<(u32, u32, usize, u64, u64, u64)>,
    /// (channel, segments mask, team, priority)
    queues: Vec<(usize, u32, usize, u32)>,
    complaints: Vec<GenComplaint>,
    task_timeout: Option<u64>,
    /// cxc.yaml names the segment attribute / sets channel 0's via ids.
    segment_attribute: bool,
    via_override: bool,
    /// One SLA for every segment, beside each segment's own, with a target
    /// on every channel: some of its targets name channels a segment does
    /// not list, and a segment's two SLAs must reach Zendesk as one policy
    /// per channel with the strictest of both.
    shared: bool,
    /// Segments written without a `channels` line (they use the channels
    /// their SLAs target), as a bit mask.
    unlisted: u32,
    /// Channels owned by a role (channel i by `lead{i % teams}`) rather
    /// than by `team0`, as a bit mask: that team's queues on it take that
    /// role's workers only.
    role_owned: u32,
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        prop::collection::vec((0..ZONES.len(), 0..WEEKS.len()), 1..4),
        1usize..4,
        prop::collection::vec((0..KINDS.len(), 0usize..8), 1..5),
        1usize..5,
        prop::option::weighted(0.3, 86_400u64..400_000),
        any::<(bool, bool, bool, u32)>(),
    )
        .prop_flat_map(
            |(calendars, teams, channels, nsegments, task_timeout, flags)| {
                let nc = calendars.len();
                let nch = channels.len();
                let segment = (
                    1u32..5,
                    1u32..(1 << nch),
                    0..nc,
                    5u64..300,
                    1u64..600,
                    1u64..200,
                );
                // A mask of 0: a queue without `segments`.
                let queue = (0..nch, 0u32..(1 << nsegments), 0..teams, 1u32..6);
                let rung = (1u64..5000, 0..teams, any::<bool>());
                let complaint = (
                    1u32..(1 << nsegments),
                    0..teams,
                    any::<bool>(),
                    0..nc,
                    prop::collection::vec(rung, 0..4),
                );
                (
                    Just(calendars),
                    Just(teams),
                    Just(channels),
                    prop::collection::vec(segment, nsegments..=nsegments),
                    prop::collection::vec(queue, 0..7),
                    prop::collection::vec(complaint, 0..3),
                    Just(task_timeout),
                    Just(flags),
                )
            },
        )
        .prop_map(
            |(
                mut calendars,
                mut teams,
                mut channels,
                segments,
                mut queues,
                complaints,
                task_timeout,
                flags,
            )| {
                let nc = calendars.len();
                for ch in &mut channels {
                    ch.1 %= nc;
                }
                // Half the specs get what after-hours routing needs (audit
                // 5, F1): an office-hours channel 0 and a 24x7 channel 1;
                // team 0 with a queue on each (at work around the clock)
                // and team 1 with a queue on channel 0 for every segment
                // (office hours, shared), after segment 0's own.
                if flags.3 & 4 != 0 {
                    if calendars.len() < 2 {
                        calendars.push((0, 1));
                    }
                    calendars[0].1 = 0;
                    calendars[1].1 = 1;
                    if channels.len() < 2 {
                        channels.push((0, 0));
                    }
                    channels[0].1 = 1;
                    channels[1].1 = 0;
                    teams = teams.max(2);
                    let every = (1u32 << segments.len()) - 1;
                    queues.extend([(0, 1, 0, 1), (1, 1, 0, 1), (0, every, 1, 5)]);
                }
                Gen {
                    calendars,
                    teams,
                    channels,
                    segments,
                    queues,
                    complaints,
                    task_timeout,
                    segment_attribute: flags.0,
                    via_override: flags.1,
                    shared: flags.2,
                    unlisted: flags.3 % 4,
                    role_owned: flags.3 >> 2,
                }
            },
        )
}

impl Gen {
    fn segment(i: usize) -> String {
        format!("{}_{i}", NAMES[i % NAMES.len()])
    }

    fn mask(&self, mask: u32) -> Vec<String> {
        (0..self.segments.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(Self::segment)
            .collect()
    }

    fn spec(&self) -> String {
        let mut out = String::from("service \"Generated\" { language en }\n");
        for (i, &(zone, week)) in self.calendars.iter().enumerate() {
            let zone = ZONES[zone].map_or(String::new(), |z| format!("timezone \"{z}\"; "));
            out += &format!(
                "calendar cal{i} \"Календарь {i}\" {{ {zone}{} }}\n",
                WEEKS[week]
            );
        }
        for t in 0..self.teams {
            out += &format!("team team{t} \"Команда {t}\" {{ lead lead{t} }}\n");
            out += &format!("role lead{t} \"Lead {t}\" {{ team team{t}; duty \"Lead\" }}\n");
        }
        for (i, &(kind, cal)) in self.channels.iter().enumerate() {
            let owner = match self.owner_role(i) {
                Some(t) => format!("lead{t}"),
                None => "team0".to_string(),
            };
            out += &format!(
                "channel ch{i} \"Channel {i} ({})\" {{ kind {}; hours cal{cal}; owner {owner} }}\n",
                KINDS[kind], KINDS[kind]
            );
        }
        for (i, &(tier, mask, cal, answer, reply, resolve)) in self.segments.iter().enumerate() {
            let chans: Vec<String> = (0..self.channels.len())
                .filter(|c| mask & (1 << c) != 0)
                .map(|c| format!("ch{c}"))
                .collect();
            let id = Self::segment(i);
            let listed = if self.unlisted & (1 << i) != 0 {
                String::new()
            } else {
                format!("; channels {}", chans.join(", "))
            };
            out += &format!("segment {id} \"Сегмент {i}\" {{ tier {tier}{listed} }}\n");
            let mut sla = format!("sla sla{i} \"SLA {i}\" for {id} {{ hours cal{cal}");
            for c in (0..self.channels.len()).filter(|c| mask & (1 << c) != 0) {
                let kind = KINDS[self.channels[c].0];
                if kind == "phone" || kind == "chat" {
                    sla += &format!("; answer ch{c} 80% within {answer}s");
                } else {
                    sla += &format!("; first_response ch{c} within {reply}m");
                }
            }
            // Some resolutions in working days (language 3).
            let resolution = if resolve % 3 == 0 {
                format!("{}wd", resolve % 10 + 1)
            } else {
                format!("{resolve}h")
            };
            out += &format!("{sla}; resolution within {resolution} }}\n");
        }
        if self.shared {
            let all = self.mask(u32::MAX).join(", ");
            let mut sla =
                format!("sla shared \"Shared\" for {all} {{ hours cal0; resolution within 30d");
            for (c, &(kind, _)) in self.channels.iter().enumerate() {
                if KINDS[kind] == "phone" || KINDS[kind] == "chat" {
                    sla += &format!("; answer ch{c} 70% within 10m");
                } else {
                    sla += &format!("; first_response ch{c} within 20h");
                }
            }
            out += &format!("{sla} }}\n");
        }
        for (i, &(ch, mask, team, priority)) in self.queues.iter().enumerate() {
            // A queue without `segments` on a channel some segment uses
            // (one nobody uses would serve nobody).
            let used = self.segments.iter().enumerate().any(|(s, seg)| {
                seg.1 & (1 << ch) != 0 || (self.shared && self.unlisted & (1 << s) != 0)
            });
            let segments = if mask == 0 && used {
                String::new()
            } else if mask == 0 {
                format!("segments {}; ", Self::segment(0))
            } else {
                format!("segments {}; ", self.mask(mask).join(", "))
            };
            out += &format!(
                "queue q{i} \"Queue {i}\" {{ channel ch{ch}; {segments}priority {priority}; team team{team} }}\n"
            );
        }
        for (i, (mask, owner, role, cal, rungs)) in self.complaints.iter().enumerate() {
            let party = |team: usize, role: bool| {
                if role {
                    format!("lead{team}")
                } else {
                    format!("team{team}")
                }
            };
            out += &format!(
                "complaint k{i} \"Complaint {i}\" {{\n  segments {}\n  severity high\n  owner {}\n  hours cal{cal}\n  acknowledge within 1h\n  resolve within 5d\n",
                self.mask(*mask).join(", "),
                party(*owner, *role)
            );
            // Each rung goes up (team0 < lead0 < team1 < ...), so no ladder,
            // alone or with the others, leads back.
            let mut last = 2 * owner + usize::from(*role);
            let mut after = 0;
            for &(minutes, team, role) in rungs {
                after += minutes;
                let rank = 2 * team + usize::from(role);
                if rank <= last {
                    continue;
                }
                last = rank;
                // Some rungs in working days (language 3): as long as a day
                // or two, so they may come after later rungs in minutes.
                let time = if minutes % 4 == 0 {
                    format!("{}wd", after / 1440 + 1)
                } else {
                    format!("{after}m")
                };
                out += &format!("  escalate after {time} to {}\n", party(team, role));
            }
            out += "  feedback required\n}\n";
        }
        out
    }

    /// The team whose lead owns channel `i`, if a role owns it.
    fn owner_role(&self, i: usize) -> Option<usize> {
        (self.role_owned & (1 << i) != 0).then_some(i % self.teams)
    }

    fn config(&self) -> String {
        let mut out = String::from("rules:\n  understaffed: off\n  metric-target-unmet: off\n");
        out += "exports:\n  taskrouter:\n";
        if let Some(t) = self.task_timeout {
            out += &format!("    task_timeout: {t}\n");
        }
        if self.segment_attribute {
            out += "    segment_attribute: customer.tier_name\n";
        }
        if self.via_override {
            let via = zendesk::vias_of_kind(KINDS[self.channels[0].0])[0];
            out += &format!("  zendesk:\n    via_ids:\n      ch0: [{via}]\n");
        }
        out
    }
}

fn check_generated(g: &Gen) {
    let spec = g.spec();
    let (_work, built) = build_text(&spec, Some(&g.config()));
    invariants::check(&built, &format!("generated spec\n{spec}\n"));
    // Who answers a line: a queue on a channel a role of its team owns
    // admits that role's workers of the team only; any other queue every
    // worker of its team (as the job descriptions and headcount-short
    // read it).
    let now = Moment {
        day: 0,
        minute: 600,
    };
    for (i, &(ch, _, team, _)) in g.queues.iter().enumerate() {
        let q = built
            .queues
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["queue"] == format!("q{i}"))
            .unwrap();
        let workers = twilio::parse(q["target_workers"].as_str().unwrap()).unwrap();
        let admits = |team: usize, role: &str| {
            let worker = serde_json::json!({"team": format!("team{team}"), "roles": [role]});
            twilio::holds(&workers, &worker, now, &Value::Null)
        };
        let other = (team + 1) % g.teams;
        assert!(
            other == team || !admits(other, &format!("lead{team}")),
            "q{i}: {spec}"
        );
        match g.owner_role(ch).filter(|&t| t == team) {
            Some(t) => {
                assert!(admits(team, &format!("lead{t}")), "q{i}: {spec}");
                assert!(
                    !admits(team, "agent"),
                    "q{i} admits a role that does not own ch{ch}: {spec}"
                );
            }
            None => assert!(admits(team, "agent"), "q{i}: {spec}"),
        }
    }
}

impl Gen {
    /// Whether the spec has what makes after-hours routing go wrong (audit
    /// 5, F1): a queue shared by several segments, two queues on one
    /// channel, and a team at work around the clock (a queue on a 24x7
    /// channel) beside a team that keeps office hours.
    fn after_hours_shape(&self) -> bool {
        let shared = self
            .queues
            .iter()
            .any(|q| (q.1 == 0 && self.segments.len() > 1) || q.1.count_ones() > 1);
        let crowded =
            (0..self.channels.len()).any(|c| self.queues.iter().filter(|q| q.0 == c).count() > 1);
        let always = |team: usize| {
            self.queues
                .iter()
                .filter(|q| q.2 == team)
                .any(|q| self.calendars[self.channels[q.0].1].1 == 0)
        };
        let teams: Vec<usize> = self.queues.iter().map(|q| q.2).collect();
        let mixed = teams.iter().any(|&t| always(t)) && teams.iter().any(|&t| !always(t));
        shared && crowded && mixed
    }
}

/// 500 generated specs a run: 250 from a fixed seed, 250 from a random one,
/// both printed. Enough of them have shared queues, several queues on a
/// channel and 24x7 teams beside office-hours ones for invariant 7 to bite
/// (the workflow of cxc before audit 5's F1 fails it on the fixed seed).
#[test]
fn every_generated_spec_keeps_every_invariant() {
    let shaped = std::sync::atomic::AtomicU32::new(0);
    run_seeded("routing invariants", [24u8; 32], 250, &gen(), |g| {
        if g.after_hours_shape() {
            shaped.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        check_generated(&g)
    });
    let shaped = shaped.into_inner();
    let _ = writeln!(
        std::io::stderr(),
        "routing invariants: {shaped} specs with shared queues, crowded channels and 24x7 beside office-hours teams"
    );
    assert!(
        shaped >= 50,
        "only {shaped} of 500 specs test after-hours routing"
    );
}

/// Runs `check` on `cases` values of `strategy` from the fixed seed, then as
/// many from a random one; each seed is printed past the test harness's
/// capture, and a failure names it.
fn run_seeded<S: Strategy>(
    what: &str,
    fixed: [u8; 32],
    cases: u32,
    strategy: &S,
    check: impl Fn(S::Value),
) {
    let random: [u8; 32] = std::array::from_fn(|i| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        (nanos >> (i % 16 * 8)) as u8 ^ (i as u8).wrapping_mul(37)
    });
    for (name, seed) in [("fixed", fixed), ("random", random)] {
        let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
        let _ = writeln!(std::io::stderr(), "{what}: {name} seed {hex}");
        let config = Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
        if let Err(e) = runner.run(strategy, |value| {
            check(value);
            Ok(())
        }) {
            panic!("{what}: {name} seed {hex}: {e}");
        }
    }
}

// ---------------------------------------------------------------------------
// One regression test per fault.

fn kitchen() -> (tempfile::TempDir, Built) {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("examples/kitchen"), out.path());
    (out, built)
}

fn first_queue(built: &Built, task: Value, now: Moment) -> String {
    twilio::route(&built.workflow, &task, now, 0, &|_| false)
        .unwrap()
        .queue
}

#[test]
fn fault_1_a_premium_call_on_sunday_reaches_the_premium_line() {
    let (_out, built) = kitchen();
    let sunday = Moment {
        day: 6,
        minute: 10 * 60,
    };
    let call = serde_json::json!({"channel": "phone", "segment": "premium"});
    assert_eq!(
        first_queue(&built, call, sunday),
        "SET-ME-queue-sid-for-premium_line"
    );
}

#[test]
fn fault_2_a_key_accounts_chat_never_reaches_the_retail_line() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("examples/telecom"), out.path());
    let chat = serde_json::json!({"channel": "chat", "segment": "key"});
    let now = Moment {
        day: 0,
        minute: 600,
    };
    let queue = first_queue(&built, chat.clone(), now);
    assert_ne!(queue, "SET-ME-queue-sid-for-retail_line");
    assert_eq!(queue, "SET-ME-queue-sid-for-unrouted-tasks");
    assert!(built.inexact_names("chat"), "{}", built.stderr);
    // The default filter takes the same queue, never a tier's.
    assert_eq!(
        built.workflow["task_routing"]["default_filter"]["queue"],
        "SET-ME-queue-sid-for-unrouted-tasks"
    );
    let (_w, configured) = build_copy(
        "examples/telecom",
        "exports:\n  taskrouter:\n    fallback_queue: WQ0123456789abcdef0123456789abcdef\n",
    );
    assert_eq!(
        first_queue(
            &configured,
            serde_json::json!({"channel": "email", "segment": "key"}),
            now
        ),
        "WQ0123456789abcdef0123456789abcdef"
    );
}

const SHARED: &str = r#"
service "Shop" { language en }
calendar always "Always" { open 24x7 }
team support "Support" { lead lead }
role lead "Lead" { team support; duty "Lead" }
segment gold "Gold" { tier 1; channels phone }
segment silver "Silver" { tier 2; channels phone }
channel phone "Phone" { kind phone; hours always; owner support }
sla gold_sla "Gold" for gold { hours always; answer phone 80% within 20s }
sla silver_sla "Silver" for silver { hours always; answer phone 80% within 40s }
queue premium_shared "Premium shared" { channel phone; segments gold, silver; priority 1; team support }
queue gold_line "Gold line" { channel phone; segments gold; priority 2; team support }
queue silver_line "Silver line" { channel phone; segments silver; priority 3; team support }
complaint late "Late" { segments silver; owner support; hours always; acknowledge within 1h; resolve within 1d }
"#;

#[test]
fn fault_3_a_dedicated_queue_comes_before_the_shared_one() {
    let (_w, built) = build_text(SHARED, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let gold = serde_json::json!({"channel": "phone", "segment": "gold"});
    assert_eq!(
        first_queue(&built, gold.clone(), now),
        "SET-ME-queue-sid-for-gold_line"
    );
    // Overflow to the shared queue after the answer target.
    let later = twilio::route(&built.workflow, &gold, now, 20, &|_| false).unwrap();
    assert_eq!(later.queue, "SET-ME-queue-sid-for-premium_shared");
    // At once when nobody in the gold line is available.
    let nobody = |q: &str| q.ends_with("gold_line");
    let at_once = twilio::route(&built.workflow, &gold, now, 0, &nobody).unwrap();
    assert_eq!(at_once.queue, "SET-ME-queue-sid-for-premium_shared");
    // A waiting gold customer never falls to the silver line, at any age.
    for age in [0, 19, 20, 600, 86_399] {
        let p = twilio::route(&built.workflow, &gold, now, age, &|_| false).unwrap();
        assert_ne!(p.queue, "SET-ME-queue-sid-for-silver_line", "after {age} s");
    }
}

#[test]
fn fault_4_a_complaint_takes_only_its_segments() {
    let (_w, built) = build_text(SHARED, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let gold = serde_json::json!({"channel": "phone", "segment": "gold", "complaint": "late"});
    let silver = serde_json::json!({"channel": "phone", "segment": "silver", "complaint": "late"});
    let gold_complaint = twilio::route(&built.workflow, &gold, now, 0, &|_| false).unwrap();
    let gold_call = twilio::route(
        &built.workflow,
        &serde_json::json!({"channel": "phone", "segment": "gold"}),
        now,
        0,
        &|_| false,
    )
    .unwrap();
    assert_eq!(
        gold_complaint, gold_call,
        "a gold task is no complaint of `late`"
    );
    assert_eq!(
        first_queue(&built, silver, now),
        "SET-ME-queue-sid-for-silver_line"
    );
}

#[test]
fn fault_5_a_better_tier_gets_a_higher_priority_in_a_shared_queue() {
    let (_w, built) = build_text(SHARED, Some("rules:\n  mixed-tier-queue: off\n"));
    let now = Moment { day: 0, minute: 0 };
    let in_shared = |segment: &str| {
        let task = serde_json::json!({"channel": "phone", "segment": segment});
        let p = twilio::route(&built.workflow, &task, now, 3600, &|_| false).unwrap();
        assert_eq!(p.queue, "SET-ME-queue-sid-for-premium_shared");
        p.priority
    };
    assert!(in_shared("gold") > in_shared("silver"));
}

#[test]
fn fault_6_no_ladder_outlives_the_task_and_the_lifetime_is_written() {
    let (out, built) = kitchen();
    for filter in built.workflow["task_routing"]["filters"]
        .as_array()
        .unwrap()
    {
        let total: u64 = filter["targets"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["timeout"].as_u64())
            .sum();
        assert!(total < 86_400, "{filter}");
    }
    assert!(
        built.inexact_names("missed_appointment"),
        "{}",
        built.stderr
    );
    let yaml = std::fs::read_to_string(out.path().join("routing/routing.yaml")).unwrap();
    assert!(yaml.contains("\"task_timeout_seconds\": 86400"), "{yaml}");
    // A ladder whose rung is at one day: cut (and said) with the default
    // lifetime, kept for tasks created with a two-day Timeout.
    let spec = SHARED.replace(
        "resolve within 1d }",
        "resolve within 2d; escalate after 1d to lead }",
    );
    let task = serde_json::json!({"channel": "phone", "segment": "silver", "complaint": "late"});
    let now = Moment { day: 0, minute: 0 };
    let rules = "rules:\n  mixed-tier-queue: off\n";
    let (_w, default) = build_text(&spec, Some(rules));
    assert!(default.inexact_names("late"), "{}", default.stderr);
    let (_w, longer) = build_text(
        &spec,
        Some(&format!(
            "{rules}exports:\n  taskrouter:\n    task_timeout: 172800\n"
        )),
    );
    let at_1d = twilio::route(&longer.workflow, &task, now, 86_400, &|_| false).unwrap();
    assert_eq!(
        at_1d.worker_expression.as_deref(),
        Some("worker.roles HAS 'lead'")
    );
    let filter = |b: &Built| {
        twilio::route(&b.workflow, &task, now, 0, &|_| false)
            .unwrap()
            .filter
            .unwrap()
    };
    let steps = |b: &Built| {
        b.workflow["task_routing"]["filters"][filter(b)]["targets"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(
        steps(&default),
        1,
        "the one-day rung is past the task's life"
    );
    assert_eq!(steps(&longer), 2, "the one-day rung fires within two days");
}

#[test]
fn fault_7_taskqueues_are_exported_with_their_workers() {
    let (_out, built) = kitchen();
    let queues = built.queues.as_array().unwrap();
    assert_eq!(queues.len(), 2);
    // The kitchen's agents own its phone, chat and e-mail: the queues on
    // them take the support team's agents, not its other roles.
    for q in queues {
        assert_eq!(
            q["target_workers"],
            "team == 'support' AND roles HAS 'agent'"
        );
        assert_eq!(q["task_order"], "FIFO");
        assert!(twilio::parse(q["target_workers"].as_str().unwrap()).is_ok());
    }
}

#[test]
fn fault_8_messenger_tickets_arrive_by_messenger_not_sms() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("examples/telecom"), out.path());
    let ticket = |via| zendesk::Ticket {
        tags: vec!["retail".into()],
        organization: None,
        via,
        priority: "normal",
    };
    // WhatsApp (74) and Zendesk messaging (75) get the messenger's 30 minutes.
    for via in [74, 75, 72, 78] {
        let applied = zendesk::applies(&built.policies, &ticket(via)).unwrap();
        assert_eq!(
            applied.first_reply.map(|t| t.seconds),
            Some(1800),
            "via {via}: {}",
            applied.title
        );
    }
    // A text message (37) is not the messenger.
    let sms = zendesk::applies(&built.policies, &ticket(37)).unwrap();
    assert_eq!(sms.first_reply, None, "{}", sms.title);
    // cxc.yaml sets a channel's via ids.
    let (_w, only) = build_copy(
        "examples/telecom",
        "exports:\n  zendesk:\n    via_ids:\n      messenger: [74]\n",
    );
    assert_eq!(
        zendesk::applies(&only.policies, &ticket(74))
            .unwrap()
            .first_reply
            .map(|t| t.seconds),
        Some(1800)
    );
    assert_eq!(
        zendesk::applies(&only.policies, &ticket(75))
            .unwrap()
            .first_reply,
        None
    );
}

#[test]
fn fault_9_policy_titles_are_unique_and_name_segment_and_channel() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/outside/vip-shop"), out.path());
    let titles: Vec<&str> = built
        .policies
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sla_policy"]["title"].as_str().unwrap())
        .collect();
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "{titles:?}");
    assert!(
        titles.contains(&"VIP — VIP — Social, via_id 30"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Gold — Gold — E-mail"), "{titles:?}");
}

#[test]
fn the_new_export_settings_are_checked() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("spec");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("spec.cx"), SHARED).unwrap();
    std::fs::write(
        dir.join("cxc.yaml"),
        "exports:\n  taskrouter:\n    task_timeout: 0\n    fallback_queue: \"WQ1' OR '1\"\n  zendesk:\n    via_ids:\n      phone: [\"a\"]\n",
    )
    .unwrap();
    let output = cxc_in(
        work.path(),
        &["build", "spec", "-o", "out", "--target", "taskrouter"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`task_timeout` must be a whole number of seconds"),
        "{stderr}"
    );
    assert!(stderr.contains("fallback_queue"), "{stderr}");
    assert!(
        stderr.contains("the ids of `phone` under `via_ids`"),
        "{stderr}"
    );
    assert!(!work.path().join("out").exists());
}

#[test]
fn what_an_export_cannot_say_is_said_at_its_line() {
    let spec = SHARED.to_string()
        + "channel mail \"Mail\" { kind email; hours always; owner support }\n\
           channel letters \"Letters\" { kind email; hours always; owner support }\n\
           segment bronze \"Bronze\" { tier 3; channels phone, mail }\n\
           sla bronze_sla \"Bronze\" for bronze { hours always; first_response mail within 1h; first_response letters within 2h }\n\
           queue post \"Post\" { channel mail; segments gold }\n";
    let (_w, built) = build_text(&spec, Some("rules:\n  mixed-tier-queue: off\n"));
    // Bronze calls go to a phone queue of other segments, at bronze's priority.
    let now = Moment { day: 0, minute: 0 };
    let call = serde_json::json!({"channel": "phone", "segment": "bronze"});
    let placed = twilio::route(&built.workflow, &call, now, 0, &|_| false).unwrap();
    assert!(
        placed.queue.starts_with("SET-ME-queue-sid-for-"),
        "{placed:?}"
    );
    assert!(
        built
            .stderr
            .contains("no queue serves segment `bronze` on channel `phone`"),
        "{}",
        built.stderr
    );
    // A queue without a team takes every worker, and says so.
    let post = built
        .queues
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["queue"] == "post")
        .unwrap();
    assert_eq!(post["target_workers"], "1 == 1");
    assert!(built.inexact_names("post"), "{}", built.stderr);
    // Two e-mail channels share via_id 4: Zendesk cannot tell them apart.
    assert!(
        built.stderr.contains("both arrive through via_id 4"),
        "{}",
        built.stderr
    );
    invariants::check(&built, "what an export cannot say");
}

/// The audit's Far East line (audit 2, A7): open Mon–Fri 09–19 and Sat
/// 10–16, so closed from Saturday 16:00 to Monday 09:00, 41 hours. A task
/// created at the closing waits in its queue, and TaskRouter cancels it
/// after the task `Timeout` (24 h by default) — before the line opens. The
/// build says so at the channel's `hours`, with the closure and the
/// `Timeout` needed; a `task_timeout` that covers it (with the complaint
/// ladder) is quiet, a holiday next to the weekend lengthens the closure.
#[test]
fn a_line_closed_longer_than_the_task_timeout_is_said() {
    let spec = r#"service "Far East" { language en }
calendar far_east { timezone "Asia/Vladivostok"; open mon-fri 09:00-19:00; open sat 10:00-16:00 }
team t { lead l }
role l { team t; duty "Lead" }
channel phone_dv { kind phone; hours far_east; owner t }
segment mass { channels phone_dv }
sla s for mass { hours far_east; answer phone_dv 80% within 1m }
queue q { channel phone_dv; team t; agents 3; forecast 10 per 30m; aht 4m }
complaint late { segments mass; owner t; hours far_east; acknowledge within 1h; resolve within 2d; escalate after 4h to l }
"#;
    // The diagnostics as one line of words (the terminal wraps them).
    let flat = |b: &Built| {
        let words = b.stderr.split_whitespace().filter(|w| *w != "│");
        words.collect::<Vec<_>>().join(" ")
    };
    let (_w, default) = build_text(spec, None);
    let text = flat(&default);
    assert!(default.inexact_names("phone_dv"), "{}", default.stderr);
    assert!(
        text.contains(
            "closed for up to 1 day 17 hours on calendar `far_east` (from Sat 16:00 to Mon 09:00)"
        ),
        "{text}"
    );
    // 41 h of closure and the 4 h rung: 162,000 s.
    assert!(text.contains("task_timeout: 162000"), "{text}");
    let covered = "exports:\n  taskrouter:\n    task_timeout: 162000\n";
    let (_w, long) = build_text(spec, Some(covered));
    assert!(!long.inexact_names("phone_dv"), "{}", long.stderr);
    // Monday 2026-11-09 a holiday: Saturday 16:00 to Tuesday 09:00, 65 h.
    let holiday = spec.replace(
        "open sat 10:00-16:00",
        "open sat 10:00-16:00; closed 2026-11-09",
    );
    let (_w, longer) = build_text(&holiday, Some(covered));
    let text = flat(&longer);
    assert!(
        text.contains("(from 2026-11-07 16:00 to 2026-11-10 09:00)"),
        "{text}"
    );
    assert!(text.contains("task_timeout: 248400"), "{text}");
}

/// Audit 3, finding 4: TaskRouter timeouts run on the wall clock. A rung
/// `after 2wd` on Mon–Fri 09–18 waits the longest wall-clock time its
/// deadline can last (a request made as Thursday begins is due on Monday at
/// 18:00: 4 days 18 hours), never less than the deadline; the warning says
/// it escalates late, not early, and by how much at most (3 days: a request
/// made as Monday ends is due on Wednesday at 18:00). A rung in business
/// hours gets the business-hours warning. A complaint whose owner's team has
/// no queue is not in the workflow, and no timer warning is said for it.
#[test]
fn only_exported_rungs_are_warned_and_a_working_day_rung_never_fires_early() {
    let spec = r#"service "Rent" { language en }
calendar office "Office" { timezone "UTC"; open mon-fri 09:00-18:00 }
team desk "Desk" { lead head }
role head "Head" { team desk; duty "Lead" }
role agent "Agent" { team desk; duty "Serve" }
role senior "Senior" { team desk; duty "Help" }
team back "Back office" { lead back_head }
role back_head "Back head" { team back; duty "Lead" }
segment all "All" { tier 1; channels email }
channel email "E-mail" { kind email; hours office; owner desk }
sla base "Base" for all { hours office; first_response email within 1h }
queue line "Line" { channel email; segments all; team desk }
complaint kept "Kept" { segments all; owner agent; hours office; acknowledge within 1h; resolve within 3wd; escalate after 4h to senior; escalate after 2wd to head; feedback required }
complaint away "Away" { segments all; owner back; hours office; acknowledge within 1h; resolve within 9wd; escalate after 3h to back_head; escalate after 5wd to head; feedback required }
"#;
    let config = "exports:\n  taskrouter:\n    task_timeout: 2592000\n";
    let (_w, built) = build_text(spec, Some(config));
    let text = built
        .stderr
        .split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ");
    // `kept`: with the agent for 4 hours, then the senior until the 2wd
    // rung, then the head.
    let task = serde_json::json!({"channel": "email", "segment": "all", "complaint": "kept"});
    let now = Moment { day: 0, minute: 0 };
    let at = |age| twilio::route(&built.workflow, &task, now, age, &|_| false).unwrap();
    assert_eq!(
        at(4 * 3600 - 1).worker_expression.as_deref(),
        Some("worker.roles HAS 'agent'")
    );
    assert_eq!(
        at(114 * 3600 - 1).worker_expression.as_deref(),
        Some("worker.roles HAS 'senior'")
    );
    assert_eq!(
        at(114 * 3600).worker_expression.as_deref(),
        Some("worker.roles HAS 'head'")
    );
    let wall = 114 * 3600;
    let targets = &built.workflow["task_routing"]["filters"][0]["targets"];
    assert_eq!(targets[1]["timeout"], wall - 4 * 3600, "{targets}");
    assert!(
        text.contains(
            "`2wd` goes out as 4 days 18 hours, the longest wall-clock time its deadline can last"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "a request made later escalates after its deadline has passed, by up to 3 days"
        ),
        "{text}"
    );
    assert!(
        text.contains("complaint rule `kept` escalates after business hours"),
        "{text}"
    );
    assert!(!text.contains("TaskRouter counts running time"), "{text}");
    // `away` is not in the workflow: no filter, no TaskRouter timer warning
    // (Zendesk, which does take it, still says what its `9wd` becomes).
    assert!(!built.workflow.to_string().contains("'away'"));
    assert!(
        text.contains("Zendesk counts running time, not working days: `9wd`"),
        "{text}"
    );
    assert!(!text.contains("not in working days: `5wd`"), "{text}");
    assert!(
        !text.contains("complaint rule `away` escalates after business hours"),
        "{text}"
    );
}

/// A dedicated e-mail queue before the shared one holds a task at most its
/// first-response target (there is no answer target on e-mail), not the
/// task's whole lifetime while the shared queue has people (audit 4,
/// MEDIUM 5).
#[test]
fn an_email_task_overflows_after_its_first_response_target() {
    let spec = r#"service "Mail" { language en }
team desk "Desk" { lead head }
role head "Head" { team desk; duty "Lead" }
team relations "Guest relations" { lead gr_head }
role gr_head "GR head" { team relations; duty "Lead" }
segment vip "VIP" { tier 1; channels email }
segment all "All" { tier 2; channels email }
channel email "E-mail" { kind email; owner desk }
sla vip_sla "VIP" for vip { first_response email within 2h }
sla base "Base" for all { first_response email within 8h }
queue vip_mail "VIP mail" { channel email; segments vip; team relations; priority 1 }
queue mail "Mail" { channel email; team desk; priority 2 }
"#;
    let (_w, built) = build_text(spec, None);
    let task = serde_json::json!({"channel": "email", "segment": "vip"});
    let now = Moment { day: 0, minute: 0 };
    let at = |age| twilio::route(&built.workflow, &task, now, age, &|_| false).unwrap();
    let vip_mail = at(0).queue;
    assert_eq!(at(2 * 3600 - 1).queue, vip_mail);
    assert_ne!(
        at(2 * 3600).queue,
        vip_mail,
        "still in the VIP queue after 2 hours"
    );
}

/// Audit 5, F1: the bank's e-mail channel closes at 21:00 Moscow time and
/// three teams take e-mail (the contact centre, written complaints,
/// disputes). An e-mail written at 22:00 on a Monday used to skip every
/// empty queue and stay in the disputes team's, the last target; it waits
/// in the contact centre's e-mail queue, its own, and the complaints and
/// disputes teams never hold a night's mail. The same at every hour of the
/// week, by the staffing the spec gives (the contact centre works around
/// the clock on 8-800, the others office hours).
#[test]
fn audit5_f1_a_night_email_waits_in_its_own_queue() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&manifest("tests/specs/bank"), out.path());
    let staffing = after_hours::Staffing::new(&built.routing, &built.queues);
    let mail = serde_json::json!({"channel": "почта", "segment": "массовый"});
    let own = "SET-ME-queue-sid-for-q_почта";
    // Monday 2027-01-11 22:00 Moscow = 19:00 UTC.
    let monday_22 = Moment {
        day: 0,
        minute: 19 * 60,
    };
    let created: jiff::Timestamp = "2027-01-11T19:00:00Z".parse().unwrap();
    let at = |secs: u64| created + jiff::SignedDuration::from_secs(secs as i64);
    let empty = |q: &str, secs: u64| !staffing.available(q, at(secs));
    // Nobody in the complaints or disputes teams at night.
    for team_queue in ["q_жалобы", "q_диспуты"] {
        let sid = format!("SET-ME-queue-sid-for-{team_queue}");
        assert!(!staffing.available(&sid, created), "{team_queue}");
    }
    for age in [0, 3600, 28_800, 40_000, 86_399] {
        let placed = twilio::route_when(&built.workflow, &mail, monday_22, age, &empty).unwrap();
        assert_eq!(placed.queue, own, "after {age} s");
    }
    // Nobody anywhere: still its own queue, not the last one.
    let placed = twilio::route_when(&built.workflow, &mail, monday_22, 86_399, &|_, _| true);
    assert_eq!(placed.unwrap().queue, own);
}

/// A channel a role owns is answered by that role's people: its TaskQueue
/// admits a worker of the team with that role and no other worker of the
/// team, nor that role's name in another team. A channel whose owner is a
/// role of another team is answered by the queue's team, as the job
/// descriptions and `headcount-short` read it.
#[test]
fn a_role_owned_channels_queue_admits_only_that_role() {
    let spec = "calendar always { open 24x7 }\n\
        team reservations { lead res_head }\n\
        team desk {}\n\
        role res_head { team reservations; duty \"Leads\" }\n\
        role res_supervisor { team reservations; reports_to res_head; headcount 4; duty \"Answers the Platinum line\" }\n\
        role res_agent { team reservations; reports_to res_head; headcount 110; duty \"Answers\" }\n\
        role clerk { team desk; headcount 5; duty \"Answers\" }\n\
        channel plat_line { kind phone; hours always; owner res_supervisor }\n\
        channel phone { kind phone; hours always; owner reservations }\n\
        segment platinum { channels plat_line, phone }\n\
        sla plat_sla for platinum { answer plat_line 90% within 20s; answer phone 80% within 60s }\n\
        queue plat_q { channel plat_line; segments platinum; team reservations; agents 7 }\n\
        queue phone_q { channel phone; segments platinum; team reservations; agents 7 }\n\
        queue desk_q { channel plat_line; segments platinum; team desk; agents 2 }\n";
    let (_dir, built) = build_text(spec, None);
    let workers = |queue: &str| {
        let q = built
            .queues
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["queue"] == queue)
            .unwrap_or_else(|| panic!("{queue} in {}", built.queues));
        twilio::parse(q["target_workers"].as_str().unwrap()).unwrap()
    };
    let now = Moment {
        day: 0,
        minute: 600,
    };
    let admits = |queue: &str, team: &str, role: &str| {
        let worker = serde_json::json!({"team": team, "roles": [role]});
        twilio::holds(&workers(queue), &worker, now, &Value::Null)
    };
    assert!(admits("plat_q", "reservations", "res_supervisor"));
    assert!(!admits("plat_q", "reservations", "res_agent"));
    assert!(!admits("plat_q", "reservations", "res_head"));
    assert!(!admits("plat_q", "desk", "res_supervisor"));
    // A channel the team owns: every worker of the team.
    assert!(admits("phone_q", "reservations", "res_agent"));
    assert!(admits("phone_q", "reservations", "res_supervisor"));
    // The owner role is of another team: the queue's team answers.
    assert!(admits("desk_q", "desk", "clerk"));
    assert!(!admits("desk_q", "reservations", "res_supervisor"));
}
