//! promise-below-keep-rate: a promise whose backing target, met exactly,
//! keeps it for fewer customers than `cxc measure` demands. "Every call
//! within 20 seconds" behind `answer phone 80% within 20s` passes
//! `promise-exceeds-sla` (the times agree) and then `measure` calls it
//! broken against the 95% keep rate while the SLA is met. What backs a
//! promise is [`super::backing`]'s definition, shared with `measure`.

use super::backing::{at_keep_rate, KeepRate};
use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::msg;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::PromiseBelowKeepRate,
    context: "segment mass { channels phone }",
    bad: "sla mass_sla for mass { answer phone 80% within 20s }\npromise quick \"Every call answered within 20 seconds\" { segments mass; channel phone; within 20s; on_breach apologize }",
    fix: "sla mass_sla for mass { answer phone 80% within 20s; answer phone 95% within 1m }\npromise quick \"Every call answered within a minute\" { segments mass; channel phone; within 1m; on_breach apologize }",
}];

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let rate = ctx.options.promise_keep_rate;
    for (_, promise) in model.promises.iter() {
        let (Some(within), Some(channel)) = (
            promise.within,
            promise.channel.as_ref().and_then(|c| c.target),
        ) else {
            continue;
        };
        // One finding per backing target, whichever segments share it.
        let mut reported = Vec::new();
        for segment in model.served(&promise.segments) {
            if !ctx.slas_read(segment) {
                continue; // its unread target may be the one that keeps it
            }
            let clock = model.promise_clock(promise, segment);
            let promised = Timed::new(model, within.value, clock);
            let KeepRate::Below(target) =
                at_keep_rate(model, segment, channel, (promised, clock), rate)
            else {
                continue;
            };
            if reported.contains(&target) {
                continue;
            }
            reported.push(target);
            let percent = target.percent.map(|p| p.to_string()).unwrap_or_default();
            ctx.report(
                Diagnostic::new(
                    Code::PromiseBelowKeepRate,
                    within.span,
                    msg!(
                        "promise-below-keep-rate",
                        promise = &promise.header.id,
                        segment = &model.segments[segment].header.id,
                        sla = &model.slas[target.sla].header.id,
                        percent = percent.as_str(),
                        target = target.within.shown(),
                        rate = rate.to_string()
                    ),
                )
                .help(msg!(
                    "promise-below-keep-rate-help",
                    rate = rate.to_string(),
                    within = promised.shown()
                )),
            );
        }
    }
}
