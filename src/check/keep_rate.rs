//! promise-below-keep-rate: a promise whose backing targets guarantee its
//! time for fewer contacts than `cxc measure` demands. "Every call within
//! 20 seconds" behind `answer phone 80% within 20s` passes
//! `promise-exceeds-sla` (the times agree), yet the SLA guarantees the
//! promised time for 80% of calls only: the share is a floor the standard
//! holds, not what happens, so up to 20% are promised a time nothing
//! guarantees, and `measure` calls the promise broken if it is kept for
//! fewer than the keep rate (95%). What backs a promise is
//! [`super::backing`]'s definition, shared with `measure`.

use super::backing::{at_keep_rate, KeepRate};
use super::{Ctx, Timed};
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::msg;
use crate::syntax::values::Percent;

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
            // Only an `answer` line holds for a share; a first response is
            // a deadline for every contact and never falls short.
            let Some(share) = target.percent else {
                continue;
            };
            let rest = Percent::new(((100.0 - share.value()).max(0.0) * 1e6).round() / 1e6);
            ctx.report(
                Diagnostic::new(
                    Code::PromiseBelowKeepRate,
                    within.span,
                    msg!(
                        "promise-below-keep-rate",
                        promise = &promise.header.id,
                        within = promised.shown_genitive(),
                        segment = &model.segments[segment].header.id,
                        sla = &model.slas[target.sla].header.id,
                        percent = share.figure(),
                        target = target.within.shown_genitive(),
                        rest = rest.figure(),
                        rate = rate.figure()
                    ),
                )
                .help(msg!(
                    "promise-below-keep-rate-help",
                    rate = rate.to_string(),
                    within = promised.shown_genitive(),
                    written = within.value.to_string(),
                    channel = &model.channels[channel].header.id,
                    percent = share.figure()
                )),
            );
        }
    }
}
