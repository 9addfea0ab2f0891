//! A row set aside as bad data changes no figure: for every kind of bad row
//! `cxc measure` knows, putting such rows into an export (the kitchen's
//! month, and exports generated from a seed) leaves every figure of
//! `measure.json` as it was, apart from the counts of rows set aside — but
//! for the case a bad visit names, which is set aside whole: the figures
//! then equal those of the export with every row of that case taken out
//! (audit 12, M1).

use proptest::prelude::*;
use std::path::Path;

/// Rows of an export, each its bytes without the line break.
type Rows = Vec<Vec<u8>>;

/// A small generator, so a failing run can be made again from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The columns a generated contacts export has, in order.
const CONTACT_COLUMNS: [&str; 18] = [
    "id",
    "segment",
    "channel",
    "created",
    "answered",
    "first_response",
    "resolved",
    "complaint",
    "acknowledged",
    "escalated",
    "feedback",
    "csat",
    "nps",
    "effort",
    "customer",
    "reason",
    "cause",
    "handle_time",
];

/// One row of an export, by column name; the rest empty.
fn row(header: &[&str], fields: &[(&str, String)]) -> String {
    header
        .iter()
        .map(|column| {
            fields
                .iter()
                .find(|(name, _)| name == column)
                .map_or(String::new(), |(_, value)| value.clone())
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn time(day: u64, minute: u64) -> String {
    format!(
        "2026-{month}-{day:02}T{h:02}:{m:02}:00+01:00",
        month = "11",
        day = day.clamp(1, 28),
        h = 8 + minute / 60 % 12,
        m = minute % 60
    )
}

/// A contacts and a cases export for `tests/measure/spec.cx`.
fn generated(rng: &mut Rng) -> (String, String) {
    let mut contacts = CONTACT_COLUMNS.join(",") + "\n";
    for i in 0..20 + rng.below(60) {
        let day = 2 + rng.below(20);
        let minute = rng.below(600);
        let channel = rng.pick(&["phone", "email", "visit"]);
        let later = |rng: &mut Rng, most: u64| {
            (rng.below(4) > 0).then(|| time(day + rng.below(most), minute + rng.below(120)))
        };
        let mut fields = vec![
            ("id", format!("c{i}")),
            ("segment", "mass".to_string()),
            ("channel", channel.to_string()),
            ("created", time(day, minute)),
        ];
        let reply = if channel == "phone" {
            "answered"
        } else {
            "first_response"
        };
        // Same day, later in it: never before `created`.
        if rng.below(5) > 0 {
            fields.push((reply, time(day, minute + rng.below(10))));
        }
        if let Some(t) = later(rng, 3) {
            fields.push(("resolved", t));
        }
        if rng.below(4) == 0 {
            fields.push(("complaint", "broken".into()));
            if let Some(t) = later(rng, 1) {
                fields.push(("acknowledged", t));
            }
            if let Some(t) = later(rng, 2) {
                fields.push(("escalated", t));
            }
            if let Some(t) = later(rng, 3) {
                fields.push(("feedback", t));
            }
        }
        for (name, low, high) in [("csat", 1, 5), ("nps", 0, 10), ("effort", 1, 5)] {
            if rng.below(2) == 0 {
                fields.push((name, (low + rng.below(high - low + 1)).to_string()));
            }
        }
        // Few customers, so repeats, FCR and customers at risk happen.
        if rng.below(5) > 0 {
            fields.push(("customer", format!("u{}", rng.below(8))));
        }
        if rng.below(2) == 0 {
            fields.push(("reason", rng.pick(&["billing", "repair"]).to_string()));
        }
        if fields.iter().any(|(n, _)| *n == "complaint") && rng.below(2) == 0 {
            fields.push(("cause", rng.pick(&["courier", "part"]).to_string()));
        }
        if rng.below(2) == 0 {
            fields.push(("handle_time", rng.below(1200).to_string()));
        }
        contacts += &(row(&CONTACT_COLUMNS, &fields) + "\n");
    }
    let mut cases = String::from("case,journey,step,entered,left,csat\n");
    for case in 0..rng.below(15) {
        let mut day = 2 + rng.below(10);
        for _ in 0..1 + rng.below(4) {
            let step = rng.pick(&["call", "visit", "check"]);
            let minute = rng.below(600);
            let csat = if rng.below(3) == 0 {
                (1 + rng.below(5)).to_string()
            } else {
                String::new()
            };
            let left = if rng.below(2) == 0 {
                time(day, minute + 30)
            } else {
                String::new()
            };
            cases += &format!(
                "k{case},repair,{step},{},{left},{csat}\n",
                time(day, minute)
            );
            day += rng.below(3);
        }
    }
    (contacts, cases)
}

/// `fields` with `extra` in place of the fields of the same name.
fn with(
    mut fields: Vec<(&'static str, String)>,
    extra: &[(&'static str, String)],
) -> Vec<(&'static str, String)> {
    for (name, value) in extra {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value.clone()));
    }
    fields
}

/// Every kind of bad contact row, as a row of `header` (None: the kind
/// needs a column the export lacks). `existing` names a contact id of the
/// export; the rows name a segment of the spec, so they would count if
/// they were not set aside.
fn bad_contacts(
    header: &[&str],
    segment: &str,
    channel: &str,
    complaint: &str,
    day: u64,
) -> Vec<Vec<u8>> {
    let t = |m| time(day, m);
    let base = |extra: &[(&'static str, String)]| {
        let fields = vec![
            ("id", "bad".to_string()),
            ("segment", segment.to_string()),
            ("channel", channel.to_string()),
            ("created", t(120)),
            ("answered", t(121)),
            ("resolved", t(200)),
        ];
        with(fields, extra)
    };
    let mut kinds: Vec<Vec<(&str, String)>> = vec![
        base(&[("id", String::new())]),
        base(&[("segment", String::new())]),
        base(&[("channel", String::new())]),
        base(&[("created", String::new())]),
        base(&[("created", "yesterday".into())]),
        base(&[("answered", "2026-13-01T00:00:00Z".into())]),
        base(&[("resolved", "soon".into())]),
        base(&[("segment", "nobody".into())]),
        base(&[("channel", "pigeon".into())]),
        base(&[("complaint", "no_such_rule".into())]),
        base(&[("answered", t(100))]),
        base(&[("resolved", t(60))]),
        base(&[("first_response", t(10))]),
        base(&[("csat", "6".into())]),
        base(&[("csat", "great".into())]),
        base(&[("nps", "11".into())]),
        base(&[("effort", "0".into())]),
        base(&[("handle_time", "-5".into())]),
        base(&[("handle_time", "long".into())]),
        base(&[
            ("customer", "u1".into()),
            ("nps", "0".into()),
            ("resolved", t(60)),
        ]),
        base(&[
            ("customer", "u2".into()),
            ("handle_time", "99999999".into()),
        ]),
        base(&[("complaint", complaint.into()), ("acknowledged", t(30))]),
        base(&[("complaint", complaint.into()), ("feedback", t(30))]),
        base(&[("complaint", complaint.into()), ("escalated", t(30))]),
    ];
    // A kind whose column the export lacks cannot be written in it.
    kinds.retain(|fields| fields.iter().all(|(name, _)| header.contains(name)));
    let mut rows: Vec<Vec<u8>> = kinds
        .iter()
        .map(|fields| row(header, fields).into_bytes())
        .collect();
    // Not UTF-8: the row cannot be read.
    let mut unreadable = row(header, &base(&[])).into_bytes();
    unreadable.splice(0..0, [0xff, 0xfe]);
    rows.push(unreadable);
    rows
}

/// Every kind of bad case row; `case` is a case of the export.
fn bad_visits(header: &[&str], journey: &str, step: &str, case: &str, day: u64) -> Vec<Vec<u8>> {
    let t = |m| time(day, m);
    let base = |extra: &[(&'static str, String)]| {
        let fields = vec![
            ("case", case.to_string()),
            ("journey", journey.to_string()),
            ("step", step.to_string()),
            ("entered", t(120)),
        ];
        with(fields, extra)
    };
    let mut kinds = vec![
        base(&[("case", String::new())]),
        base(&[("journey", String::new())]),
        base(&[("step", String::new())]),
        base(&[("entered", String::new())]),
        base(&[("entered", "noon".into())]),
        base(&[("journey", "nowhere".into())]),
        base(&[("step", "sideways".into())]),
        base(&[("csat", "9".into())]),
        base(&[("left", t(60))]),
        base(&[("left", "later".into())]),
        // A new case whose only visit is bad: it must not add a case.
        base(&[("case", "only-bad".into()), ("left", t(60))]),
    ];
    kinds.retain(|fields| fields.iter().all(|(name, _)| header.contains(name)));
    let mut rows: Vec<Vec<u8>> = kinds
        .iter()
        .map(|fields| row(header, fields).into_bytes())
        .collect();
    let mut unreadable = row(header, &base(&[])).into_bytes();
    unreadable.extend([0xc3, 0x28]);
    rows.push(unreadable);
    rows
}

/// `bad` rows put between the rows of `export` at places `rng` picks.
fn with_bad_rows(export: &str, bad: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = export.lines().map(|l| l.as_bytes().to_vec()).collect();
    for row in bad {
        let at = 1 + rng.below(lines.len() as u64) as usize;
        lines.insert(at, row.clone());
    }
    let mut out = Vec::new();
    for line in lines {
        out.extend(line);
        out.push(b'\n');
    }
    out
}

/// How the contacts export is written.
#[derive(Clone, Copy, Debug)]
enum Format {
    Csv,
    JsonLines,
}

/// A CSV export as JSON Lines: each row an object of its non-empty fields
/// (the generated fields hold no comma or quote); a row that is not UTF-8
/// stays as it is, unreadable either way.
fn json_lines(csv: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(csv);
    let header: Vec<&str> = text.lines().next().unwrap_or("").split(',').collect();
    let mut out = Vec::new();
    for line in csv.split(|&b| b == b'\n').skip(1).filter(|l| !l.is_empty()) {
        match std::str::from_utf8(line) {
            Ok(line) => {
                let record: serde_json::Map<String, serde_json::Value> = header
                    .iter()
                    .zip(line.split(','))
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| (k.to_string(), v.into()))
                    .collect();
                out.extend(serde_json::to_vec(&record).unwrap());
            }
            Err(_) => out.extend(line),
        }
        out.push(b'\n');
    }
    out
}

/// `measure.json` without what counts or describes rows set aside.
fn figures(
    dir: &Path,
    spec: &str,
    contacts: &[u8],
    cases: &[u8],
    format: Format,
) -> serde_json::Value {
    let name = match format {
        Format::Csv => {
            std::fs::write(dir.join("contacts.csv"), contacts).unwrap();
            "contacts.csv"
        }
        Format::JsonLines => {
            std::fs::write(dir.join("contacts.jsonl"), json_lines(contacts)).unwrap();
            "contacts.jsonl"
        }
    };
    std::fs::write(dir.join("cases.csv"), cases).unwrap();
    let (_, mut measured) = super::measure_files(dir, spec, name);
    strip(&mut measured);
    measured
}

/// `tests/measure/spec.cx` with money in it: a cost per contact on e-mail,
/// an hourly cost on the support lead with a queue's `aht` for phone, the
/// segment's profile and an FCR target.
fn spec_with_money(dir: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = std::fs::read_to_string(root.join("tests/measure/spec.cx")).unwrap();
    let replaced = [
        (
            "segment mass { channels phone, email, visit }",
            "segment mass { channels phone, email, visit; customers 50; average_check 700 }",
        ),
        (
            "channel email { kind email; owner support; hours office }",
            "channel email { kind email; owner support; hours office; cost 3 per contact }",
        ),
        (
            "role support_lead { team support; duty \"Leads the contact centre\" }",
            "role support_lead { team support; duty \"Leads the contact centre\"; cost 2400 per hour }",
        ),
        ("  target csat >= 80%", "  target csat >= 80%\n  target fcr >= 90%"),
    ];
    let mut spec = replaced.iter().fold(spec, |s, (from, to)| {
        assert!(s.contains(from), "{from}");
        s.replace(from, to)
    });
    spec += "queue calls { channel phone; team support; aht 5m }\n";
    let path = dir.join("money.cx");
    std::fs::write(&path, spec).unwrap();
    path.to_str().unwrap().to_string()
}

/// Removes the counts of rows set aside, wherever they are.
fn strip(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for key in [
                "set_aside",
                "cases_set_aside",
                // The days of the cases export read, set-aside cases' too.
                "cases_period",
                "bad_data",
                "bad_contacts",
                "bad_visits",
                "nameless_contacts",
                "nameless_visits",
            ] {
                map.remove(key);
            }
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(strip);
            // A segment with only bad rows is listed for them alone.
            items.retain(|item| item.get("contacts") != Some(&serde_json::json!(0)));
        }
        _ => {}
    }
}

fn header(export: &str) -> Vec<&str> {
    export.lines().next().unwrap().split(',').collect()
}

/// The invariant over one pair of exports.
fn bad_rows_change_no_figure(
    spec: &str,
    contacts: &str,
    cases: &str,
    names: [&str; 5],
    seed: u64,
    format: Format,
) {
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = if spec == MONEY {
        spec_with_money(dir.path())
    } else {
        root.join(spec).to_str().unwrap().to_string()
    };
    let spec = spec.as_str();
    let before = figures(
        dir.path(),
        spec,
        contacts.as_bytes(),
        cases.as_bytes(),
        format,
    );
    let [segment, channel, complaint, journey, step] = names;
    let case = cases
        .lines()
        .nth(1)
        .and_then(|l| l.split(',').next())
        .unwrap_or("k0");
    // The oracle for a bad visit that names `case`: the export without any
    // row of that case, measured as it is.
    let without_case: String = cases
        .lines()
        .filter(|l| l.split(',').next() != Some(case))
        .map(|l| format!("{l}\n"))
        .collect();
    let before_without = figures(
        dir.path(),
        spec,
        contacts.as_bytes(),
        without_case.as_bytes(),
        format,
    );
    let day = 2 + rng.below(20);
    let bad_c = bad_contacts(&header(contacts), segment, channel, complaint, day);
    let bad_v = bad_visits(&header(cases), journey, step, case, day);
    // Each kind on its own, then all together.
    let mut trials: Vec<(Rows, Rows)> = Vec::new();
    let pick = rng.below(bad_c.len() as u64) as usize;
    trials.push((vec![bad_c[pick].clone()], Vec::new()));
    let pick = rng.below(bad_v.len() as u64) as usize;
    trials.push((Vec::new(), vec![bad_v[pick].clone()]));
    trials.push((bad_c.clone(), bad_v.clone()));
    for (bad_contacts, bad_visits) in trials {
        // Whether a bad visit that can be read names the case (its first
        // field): a row that is not text names nothing.
        let names_case = bad_visits
            .iter()
            .any(|row| std::str::from_utf8(row).is_ok_and(|r| r.split(',').next() == Some(case)));
        let before = if names_case { &before_without } else { &before };
        let contacts = with_bad_rows(contacts, &bad_contacts, &mut rng);
        let cases = with_bad_rows(cases, &bad_visits, &mut rng);
        let after = figures(dir.path(), spec, &contacts, &cases, format);
        assert!(
            *before == after,
            "seed {seed} ({format:?}): bad rows changed a figure\ncontacts:\n{}\ncases:\n{}\nbefore: {before:#}\nafter: {after:#}",
            String::from_utf8_lossy(&contacts),
            String::from_utf8_lossy(&cases),
        );
    }
}

/// The measure spec with costs, a profile and an FCR target added.
const MONEY: &str = "money";
const MEASURE_NAMES: [&str; 5] = ["mass", "phone", "broken", "repair", "call"];
const KITCHEN_NAMES: [&str; 5] = ["standard", "phone", "defect", "order", "request"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn bad_rows_change_no_figure_of_a_generated_export(seed in any::<u64>()) {
        eprintln!("seed {seed}");
        let (contacts, cases) = generated(&mut Rng(seed));
        bad_rows_change_no_figure("tests/measure/spec.cx", &contacts, &cases, MEASURE_NAMES, seed, Format::Csv);
    }

    #[test]
    fn bad_rows_change_no_money_figure_csv_or_json_lines(seed in any::<u64>()) {
        eprintln!("seed {seed}");
        let (contacts, cases) = generated(&mut Rng(seed));
        for format in [Format::Csv, Format::JsonLines] {
            bad_rows_change_no_figure(MONEY, &contacts, &cases, MEASURE_NAMES, seed, format);
        }
    }

    #[test]
    fn bad_rows_change_no_figure_of_the_kitchen_month(seed in any::<u64>()) {
        eprintln!("seed {seed}");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
        let contacts = read("examples/kitchen/data/contacts.csv");
        let cases = read("examples/kitchen/data/cases.csv");
        bad_rows_change_no_figure(
            "examples/kitchen",
            &contacts,
            &cases,
            KITCHEN_NAMES,
            seed,
            Format::Csv,
        );
    }
}

/// Bad visits naming some of the cases of a generated export: measured,
/// its figures equal those of the export with every row of those cases
/// taken out (the oracle: the file without them, measured as it is).
fn bad_visits_set_aside_their_cases(seed: u64) {
    let mut rng = Rng(seed);
    let (contacts, cases) = generated(&mut rng);
    let ids: std::collections::BTreeSet<&str> = cases
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    let named: Vec<&str> = ids.into_iter().filter(|_| rng.below(3) == 0).collect();
    let header = header(&cases);
    let mut bad = Vec::new();
    for case in &named {
        let day = 2 + rng.below(20);
        // Readable rows that name the case (not the missing id, the
        // unreadable one, nor the one of a case of its own).
        let kinds = bad_visits(&header, "repair", "call", case, day);
        let readable: Vec<&Vec<u8>> = kinds
            .iter()
            .filter(|r| std::str::from_utf8(r).is_ok_and(|r| r.split(',').next() == Some(*case)))
            .collect();
        for _ in 0..1 + rng.below(2) {
            bad.push(readable[rng.below(readable.len() as u64) as usize].clone());
        }
    }
    let without: String = cases
        .lines()
        .filter(|l| !named.contains(&l.split(',').next().unwrap_or("")))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/measure/spec.cx");
    let spec = spec.to_str().unwrap();
    let with_bad = with_bad_rows(&cases, &bad, &mut rng);
    let measured = figures(
        dir.path(),
        spec,
        contacts.as_bytes(),
        &with_bad,
        Format::Csv,
    );
    let oracle = figures(
        dir.path(),
        spec,
        contacts.as_bytes(),
        without.as_bytes(),
        Format::Csv,
    );
    assert!(
        measured == oracle,
        "seed {seed}: cases {named:?} with bad rows are not the export without them\ncases:\n{}\nmeasured: {measured:#}\nwithout them: {oracle:#}",
        String::from_utf8_lossy(&with_bad),
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn bad_visits_set_aside_their_cases_whole(seed in any::<u64>()) {
        eprintln!("seed {seed}");
        bad_visits_set_aside_their_cases(seed);
    }
}
