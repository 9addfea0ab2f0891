//! The kitchen made to exercise money, root causes and measured pain: a
//! copy of its spec with costs (per contact on channels, per hour on the
//! support roles, one hourly cost on a channel no queue answers), an FCR
//! target, a concurrent queue, and a `cxc.yaml` whose pain thresholds the
//! data crosses; and its exports with the columns those figures read —
//! `customer`, `cause`, `handle_time` and `effort` (contacts) and `effort`
//! (cases) — added from a fixed seed, with a few handle times off their
//! scale (bad data). The other columns are the kitchen's, unchanged.

use std::path::{Path, PathBuf};

/// The edits of the spec copy: (file, text, the text that replaces it).
const EDITS: &[(&str, &str, &str)] = &[
    (
        "service.cx",
        "channel phone \"Phone\" { kind phone; hours office; owner agent }",
        "channel phone \"Phone\" { kind phone; hours office; owner agent; cost 15 per contact }",
    ),
    (
        "service.cx",
        "channel chat \"Website chat\" { kind chat; hours office; owner agent }",
        "channel chat \"Website chat\" { kind chat; hours office; owner agent; cost 420 per hour }",
    ),
    (
        "service.cx",
        "channel portal \"Order tracking portal\" { kind portal; hours always; self_service }",
        "channel portal \"Order tracking portal\" { kind portal; hours always; self_service; cost 3 per contact }",
    ),
    (
        "service.cx",
        "  target csat >= 85%\n}",
        "  target csat >= 85%\n  target fcr >= 80%\n}",
    ),
    ("service.cx", "  aht 6m\n", "  aht 6m\n  concurrency 2\n"),
    (
        "organisation.cx",
        "  headcount 30\n",
        "  headcount 30\n  cost 650 per hour\n",
    ),
    (
        "organisation.cx",
        "  headcount 1\n  duty \"Plan the staffing",
        "  headcount 1\n  cost 900.5 per hour\n  duty \"Plan the staffing",
    ),
];

const SETTINGS: &str = "measure:\n  pain:\n    effort: 3\n    dropoff: 5%\n    csat: 3.2\n  churn_share: 40%\n  self_service_target: 30%\n";

const CAUSES: &[&str] = &[
    "hinge",
    "paint",
    "late crew",
    "wrong size",
    "scratch",
    "handle",
    "drawer",
    "worktop",
    "sink cut-out",
    "delivery damage",
    "invoice",
    "colour",
    "glass",
    "Ручка",
];

/// SplitMix64 from `seed`: a number below `n`.
pub struct Draw(u64);

impl Draw {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % n
    }
}

/// The spec copy's edits applied to `text` of `file`.
pub fn edit(file: &str, text: String) -> String {
    let mut text = text;
    for (f, from, to) in EDITS {
        if *f == file {
            assert!(text.contains(from), "the kitchen's {file} says {from}");
            text = text.replacen(from, to, 1);
        }
    }
    text
}

/// Writes `cxc.yaml` with the pain thresholds, churn share and
/// self-service target into the spec copy `dir`.
pub fn settings(dir: &Path) {
    std::fs::write(dir.join("cxc.yaml"), SETTINGS).unwrap();
}

/// `file` with the columns `added` returns for each row (given the row's
/// fields by header name) appended.
fn widen(
    file: &Path,
    out: &Path,
    added: &[&str],
    mut values: impl FnMut(&csv::StringRecord, &csv::StringRecord) -> Vec<String>,
) {
    let mut reader = csv::Reader::from_path(file).unwrap();
    let header = reader.headers().unwrap().clone();
    let mut writer = csv::Writer::from_path(out).unwrap();
    let mut wide = header.clone();
    for a in added {
        wide.push_field(a);
    }
    writer.write_record(&wide).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        let mut row = record.clone();
        for v in values(&header, &record) {
            row.push_field(&v);
        }
        writer.write_record(&row).unwrap();
    }
    writer.flush().unwrap();
}

fn field<'r>(header: &csv::StringRecord, row: &'r csv::StringRecord, name: &str) -> &'r str {
    let i = header.iter().position(|h| h == name).unwrap();
    &row[i]
}

/// The kitchen's exports with the added columns, in `dir`: (contacts, cases).
pub fn exports(contacts: &Path, cases: &Path, dir: &Path, seed: u64) -> (PathBuf, PathBuf) {
    let mut draw = Draw(seed);
    let mut complaints = 0;
    let out_contacts = dir.join("contacts.csv");
    widen(
        contacts,
        &out_contacts,
        &["customer", "cause", "handle_time", "effort"],
        |header, row| {
            let customer = if draw.below(10) == 0 {
                String::new()
            } else {
                format!("P{:04}", draw.below(900))
            };
            // Every cause once, then skewed towards the first: more than
            // the ten listed; one complaint in eight without a cause.
            let cause = if field(header, row, "complaint").is_empty() || draw.below(8) == 0 {
                String::new()
            } else {
                complaints += 1;
                let n = CAUSES.len() as u64;
                let i = if complaints <= n {
                    complaints - 1
                } else {
                    draw.below(n).min(draw.below(n))
                };
                CAUSES[i as usize].to_string()
            };
            let handle = match draw.below(200) {
                0 => "90000".to_string(), // over a day: bad data
                1..=39 => String::new(),
                n => format!("{}", 20 + n * 7 + draw.below(60)),
            };
            let effort = if draw.below(3) == 0 {
                (1 + draw.below(5)).to_string()
            } else {
                String::new()
            };
            vec![customer, cause, handle, effort]
        },
    );
    let out_cases = dir.join("cases.csv");
    widen(cases, &out_cases, &["effort"], |header, row| {
        let heavy = field(header, row, "step") == "approve";
        vec![match draw.below(4) {
            0 if heavy => (3 + draw.below(3)).to_string(),
            0 => (1 + draw.below(5)).to_string(),
            _ => String::new(),
        }]
    });
    (out_contacts, out_cases)
}
