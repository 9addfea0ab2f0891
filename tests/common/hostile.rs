//! The small inputs of issue 23 that once cost minutes or all memory, as
//! files to write into a folder: shared by the tests that assert each stays
//! bounded (`tests/cost.rs`) and the benchmark that times it
//! (`benches/hostile.rs`).
#![allow(dead_code)]

/// Files of one input: (path inside its folder, content).
pub type Files = Vec<(String, String)>;

/// Two queues of about 100,000 Erlangs (8-hour calls, callers who wait 7
/// hours) sharing a forecast of `rows` rows of one volume, and SLA targets
/// nothing can meet.
pub fn erlang_impossible(rows: usize) -> Files {
    let spec = "team t {}\nchannel phone { kind phone; owner t }\nsegment s { channels phone }\n\
        sla x for s { answer phone 80% within 20s; target abandonment < 0%; target asa < 0s }\n\
        queue q1 { channel phone; segments s; agents 100; aht 8h; patience 7h\n  forecast file \"f.csv\" per 30m }\n\
        queue q2 { channel phone; segments s; agents 100; aht 8h; patience 7h\n  forecast file \"f.csv\" per 30m }\n";
    let mut csv = String::from("start,volume\n");
    for i in 0..rows {
        csv.push_str(&format!("{},6240\n", half_hour(i)));
    }
    vec![("spec.cx".into(), spec.into()), ("f.csv".into(), csv)]
}

/// The start of the `i`-th half-hour from 2027-01-11 00:00 UTC, as a
/// forecast writes it.
pub fn half_hour(i: usize) -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_799_625_600 + i as i64 * 1800).expect("in range")
}

/// A 61-character step name.
pub fn long_step(k: usize) -> String {
    format!("step_{k:056}")
}

/// `steps` steps with 61-character names, and `promises` promises naming
/// steps of the journey that do not exist (each close to a real one).
pub fn unknown_steps(steps: usize, promises: usize) -> Files {
    let mut s = String::from("team t {}\nrole r { team t; duty \"d\" }\njourney j {\n");
    s.push_str(&format!("  start {}\n", long_step(0)));
    for k in 0..steps {
        let next = if k + 1 == steps {
            "end".to_string()
        } else {
            format!("next {}", long_step(k + 1))
        };
        s.push_str(&format!("  step {} {{ owner r; {next} }}\n", long_step(k)));
    }
    s.push_str("}\n");
    for p in 0..promises {
        let from = long_step(p).replace("step_", "stap_");
        let to = long_step(p + 1).replace("step_", "stpe_");
        s.push_str(&format!(
            "promise p{p} \"P\" {{\n  journey j from {from} to {to}\n  within 1h\n  on_breach apologize\n}}\n"
        ));
    }
    vec![("a.cx".into(), s)]
}

/// A valid declaration, then `kb` KB of junk with no line break at all.
pub fn junk_after_a_declaration(kb: usize) -> Files {
    let mut s = String::from("team t {}\n");
    while s.len() < kb * 1024 {
        s.push_str("@@ junk ");
    }
    vec![("a.cx".into(), s)]
}

/// A `cxc.yaml` naming `keys` rules that do not exist.
pub fn unknown_config_keys(keys: usize) -> Files {
    let mut yaml = String::from("rules:\n");
    for i in 0..keys {
        yaml.push_str(&format!("  no-such-rule-{i}: off\n"));
    }
    vec![
        ("a.cx".into(), "team t {}\n".into()),
        ("cxc.yaml".into(), yaml),
    ]
}

/// A journey whose every step leads to every other (`dense`), or a chain
/// whose every step also loops back to the start.
pub fn tangled_journey(steps: usize, dense: bool) -> Files {
    let mut s = String::from("team t {}\nrole r { team t; duty \"d\" }\njourney j {\n  start s0\n");
    for k in 0..steps {
        let next: Vec<String> = if dense {
            (0..steps)
                .filter(|&o| o != k)
                .map(|o| format!("next s{o}"))
                .collect()
        } else if k + 1 < steps {
            vec![format!("next s{}", k + 1), "next s0".into()]
        } else {
            vec!["next s0".into()]
        };
        s.push_str(&format!(
            "  step s{k} {{ owner r; {}; end }}\n",
            next.join("; ")
        ));
    }
    s.push_str("}\n");
    vec![
        ("a.cx".into(), s),
        (
            "cxc.yaml".into(),
            "rules:\n  unreachable-step: off\n  unused: off\n".into(),
        ),
    ]
}

/// Audit 17, M1: a chain of `steps` steps and a last one in another lane
/// whose way "again" leads back to the first: one loop over the whole
/// journey (the auditor's `gen_long_journey.py`). `looped`: without the
/// way back, the control.
pub fn looped_chain(steps: usize, looped: bool) -> Files {
    let mut s = String::from(
        "service \"E\" { owner boss; review every 6 months; reviewed 2026-11-01 }\n\
         calendar office { timezone \"Asia/Kathmandu\"; open sun-fri 09:00-18:00 }\n\
         team t { lead boss }\nrole boss { team t; headcount 1; duty \"x\" }\n\
         role agent { team t; reports_to boss; headcount 5; duty \"y\" }\n\
         channel phone { kind phone; hours office; owner t }\nsegment s { channels phone }\n\
         sla sl for s { hours office; answer phone 80% within 20s; resolution within 8h }\n\
         journey j { segments s\n  start s0\n",
    );
    for i in 0..steps {
        s.push_str(&format!(
            "  step s{i} {{ owner agent; channel phone; within 1m; next s{} }}\n",
            i + 1
        ));
    }
    let back = if looped {
        "next s0 when \"again\"; "
    } else {
        ""
    };
    s.push_str(&format!(
        "  step s{steps} {{ owner t; channel phone; {back}end \"done\" }}\n}}\n"
    ));
    vec![("s.cx".into(), s)]
}

/// The kitchen's spec is not needed: a spec with one segment and channel,
/// and a contacts export whose last field opens a quote that never closes,
/// `mb` MB into the file.
pub fn open_quote_export(mb: usize) -> Files {
    let spec = "team t {}\nchannel phone { kind phone; owner t }\nsegment s { channels phone }\n\
        sla x for s { answer phone 80% within 20s }\n";
    let mut csv = String::from("id,segment,channel,created,answered\n");
    csv.push_str("1,s,phone,2026-10-01T09:00:00Z,2026-10-01T09:00:10Z\n");
    csv.push_str("2,s,phone,2026-10-01T09:00:00Z,\"never closed ");
    while csv.len() < mb << 20 {
        csv.push_str("and on, and on\n");
    }
    vec![("a.cx".into(), spec.into()), ("contacts.csv".into(), csv)]
}

/// A user template that indents a long text by a wide margin (20 GB), one
/// that joins a list repeated a trillion times (1 TB), and one that doubles
/// a text with `~` 23 times in a loop (64 MB; each more pass doubles it).
pub const GROWING_TEMPLATES: [&str; 3] = [
    "{{ ('line\\n' * 5000)|indent(4000000) }}",
    "{{ ([1] * 1000000000000)|join(',') }}",
    "{% set ns = namespace(s='12345678') %}{% for i in range(23) %}\
     {% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
];
