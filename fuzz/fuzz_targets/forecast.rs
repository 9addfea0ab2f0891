//! A forecast CSV from bytes, staffed against a fixed queue.
#![no_main]

use cxc::pipeline::compile_bytes;
use cxc::source::FileId;
use cxc::staffing::forecast::ForecastFiles;
use libfuzzer_sys::fuzz_target;

const SPEC: &str = "team t {}\nchannel phone { kind phone; owner t }\nsegment s { channels phone }\n\
sla sla for s { answer phone 80% within 20s }\n\
queue q { channel phone; segments s; agents 10; forecast file \"f.csv\" per 30m; aht 3m; patience 2m }\n";

struct Bytes<'a>(&'a [u8]);

impl ForecastFiles for Bytes<'_> {
    fn open(&self, _: FileId, _: &str) -> Result<Box<dyn std::io::Read>, cxc::i18n::Message> {
        Ok(Box::new(std::io::Cursor::new(self.0.to_vec())))
    }
}

fuzz_target!(|bytes: &[u8]| {
    let compiled = compile_bytes("spec.cx", SPEC.as_bytes(), &Default::default());
    let model = &compiled.specs[0].model;
    let files = Bytes(bytes);
    let (plans, _problems) = cxc::staffing::plan(model, &files);
    let queues: Vec<_> = plans
        .iter()
        .map(|plan| cxc::staffing::report::Staffed {
            model,
            plan,
            files: &files,
        })
        .collect();
    let mut out = Vec::new();
    cxc::staffing::report::json(&mut out, &queues).unwrap();
    let _: serde_json::Value = serde_json::from_slice(&out).expect("the report is JSON");
});
