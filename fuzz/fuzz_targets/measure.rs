//! Exports from bytes: the same bytes read as contacts (CSV and JSON Lines)
//! and as cases against the kitchen-like spec below, measured, found on, and
//! written as reports. Nothing may panic; the reports must be what they say.
#![no_main]

use cxc::measure::rows::{csv_rows, jsonl_rows, Columns, Contact, Visit};
use cxc::measure::{Measurement, Settings};
use cxc::pipeline::compile_bytes;
use libfuzzer_sys::fuzz_target;

const SPEC: &str = r#"calendar office { timezone "Europe/Moscow"; open mon-fri 09:00-18:00; closed 2026-11-04 }
team t { lead l }
role l { team t; duty "Lead" }
channel phone { kind phone; owner t; hours office }
channel email { kind email; owner t; hours office }
segment s { channels phone, email }
sla sla for s { hours office; answer phone 80% within 20s; first_response email within 1h; resolution within 1d; target csat >= 80%; target asa <= 30s }
promise p { segments s; channel email; within 1d; on_breach apologize }
complaint c { segments any; owner t; hours office; acknowledge within 1h; resolve within 1d; escalate after 4h to l; remedy apologize; feedback required }
journey j { segments s; within 5d; start a
  step a { owner t; channel phone; within 1d; next b }
  step b { owner l; channel email; next a when "again"; next e when "done" }
  step e { owner t; channel phone; end "Done" } }
"#;

fuzz_target!(|bytes: &[u8]| {
    let compiled = compile_bytes("spec.cx", SPEC.as_bytes(), &Default::default());
    let model = &compiled.specs[0].model;
    let mut measurement = Measurement::new(model, Settings::default());
    let columns = Columns::default();
    csv_rows::<Contact>(std::io::Cursor::new(bytes.to_vec()), &columns, |r| measurement.contact(r));
    jsonl_rows::<Contact>(bytes, &columns, |r| measurement.contact(r));
    csv_rows::<Visit>(std::io::Cursor::new(bytes.to_vec()), &columns, |r| measurement.visit(r));
    let report = measurement.finish();
    let span = cxc::source::Span::new(cxc::source::FileId(0), 0, 0);
    let _ = cxc::measure::findings::findings(model, &report, &mut |_, _| span);
    let files = cxc::generate::report::render(model, &report, cxc::syntax::values::Language::En)
        .expect("the reports render");
    let json: serde_json::Value =
        serde_json::from_slice(&files["measure.json"]).expect("measure.json is JSON");
    assert!(json["rows"].is_object());
});
