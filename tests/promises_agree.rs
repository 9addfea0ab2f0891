//! `check` and `measure` agree on every promise of the corpus: for each
//! promise on a channel that `check` accepts (no `promise-exceeds-sla`, no
//! `promise-below-keep-rate`), contacts that meet its backing target at
//! exactly that target's percentage — the rest never answered — keep the
//! promise at `measure.promise_keep_rate`. `measure` counts on its own
//! clock code; the backing target comes from `check::backing`, the one
//! definition both commands share.

use cxc::check::backing::{at_keep_rate, KeepRate};
use cxc::check::{Options, Timed};
use cxc::diagnostic::Code;
use cxc::measure::rows::{csv_rows, Columns};
use cxc::measure::{Measurement, Settings};

mod common;

/// A weekday morning, written without an offset: in the clock's own zone.
const CREATED: &str = "2026-10-07T10:00:00";

fn after(seconds: u64) -> String {
    let created: jiff::civil::DateTime = CREATED.parse().unwrap();
    let seconds = i64::try_from(seconds).unwrap();
    created
        .checked_add(jiff::SignedDuration::from_secs(seconds))
        .unwrap()
        .to_string()
}

#[test]
fn data_meeting_the_backing_targets_keeps_every_promise_check_accepted() {
    let mut judged = Vec::new();
    for unit in common::corpus_units() {
        let Ok(compilation) =
            cxc::pipeline::compile(std::slice::from_ref(&unit), &Options::default(), None)
        else {
            continue;
        };
        for spec in &compilation.specs {
            let model = &spec.model;
            let options = spec.config.options(&Options::default());
            let rate = options.promise_keep_rate;
            for (id, promise) in model.promises.iter() {
                let (Some(within), Some(channel)) = (
                    promise.within,
                    promise.channel.as_ref().and_then(|c| c.target),
                ) else {
                    continue;
                };
                let refused = compilation.diagnostics.iter().any(|d| {
                    d.span == within.span
                        && matches!(d.code, Code::PromiseExceedsSla | Code::PromiseBelowKeepRate)
                });
                if refused {
                    continue;
                }
                let channel_id = &model.channels[channel].header.id;
                let mut csv = String::from("id,segment,channel,created,answered,first_response\n");
                let mut row = 0;
                for segment in model.served(&promise.segments) {
                    let clock = model.promise_clock(promise, segment);
                    let promised = Timed::new(model, within.value, clock);
                    let KeepRate::Backed(target) =
                        at_keep_rate(model, segment, channel, promised, rate)
                    else {
                        panic!(
                            "{}: check accepted promise `{}` with no target at {rate} for `{}`",
                            unit.display(),
                            promise.header.id,
                            model.segments[segment].header.id
                        );
                    };
                    // 100 contacts; the target's share answered exactly at
                    // its time, the others never.
                    let met = target.percent.map_or(100, |p| p.value().ceil() as usize);
                    let reply = after(target.within.longest.seconds());
                    let segment_id = &model.segments[segment].header.id;
                    for i in 0..100 {
                        row += 1;
                        let reply = if i < met { reply.as_str() } else { "" };
                        let (answered, first) = match target.percent {
                            Some(_) => (reply, ""),
                            None => ("", reply),
                        };
                        csv.push_str(&format!(
                            "{row},{segment_id},{channel_id},{CREATED},{answered},{first}\n"
                        ));
                    }
                }
                let settings = Settings {
                    promise_keep_rate: rate,
                    ..Settings::default()
                };
                let mut measurement = Measurement::new(model, settings);
                csv_rows(
                    std::io::Cursor::new(csv.into_bytes()),
                    &Columns::default(),
                    |contact| measurement.contact(contact),
                );
                let report = measurement.finish();
                assert_eq!(report.flaws.all.len(), 0, "{}: bad rows", unit.display());
                let kept = report.promises.get(&id).copied().unwrap_or_default();
                assert!(
                    kept.meets(rate),
                    "{}: promise `{}` accepted by check, kept for {:?}% of {} contacts",
                    unit.display(),
                    promise.header.id,
                    kept.percent(),
                    kept.n
                );
                judged.push(format!("{}:{}", unit.display(), promise.header.id));
            }
        }
    }
    // The corpus holds accepted promises on 24x7 lines, on office clocks,
    // and on lines whose clock is their SLA's.
    assert!(judged.len() >= 6, "{judged:?}");
}
