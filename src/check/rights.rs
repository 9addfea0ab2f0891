//! What a role may decide: right-conflict.
//!
//! A role's job description states its declared rights (`right "..."`) and
//! the rights the model gives it: a role that handles a complaint rule may
//! grant that rule's remedies without further approval. When the declared
//! right caps compensation ("up to 500 without approval") and a complaint
//! the role handles compensates with no amount, or a larger one, the two
//! rights contradict each other on the same page. A compensation stated as
//! a share ("10% off") is not compared with a sum of money; a `refund`
//! returns what the customer paid and is no compensation.

use super::Ctx;
use crate::diagnostic::{Code, CodeDoc, Diagnostic};
use crate::model::{Crew, Remedy};
use crate::msg;

pub const DOCS: &[CodeDoc] = &[CodeDoc {
    code: Code::RightConflict,
    context: r#"role agent { team support; duty "Answers"; right "Offer compensation up to 500 without approval" }"#,
    bad: r#"complaint late { owner agent; resolve within 1d; remedy apologize, compensate "A free month" }"#,
    fix: r#"complaint late { owner agent; resolve within 1d; remedy apologize, compensate "300 off the next bill" }"#,
}];

/// A number written in a text, and whether a `%` follows it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Figure {
    value: f64,
    percent: bool,
}

/// The first number of a text: digits with thousands separators (`5,000`,
/// `5 000`, `5.000`) and an optional decimal part.
fn first_figure(text: &str) -> Option<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().position(char::is_ascii_digit)?;
    let mut digits = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            digits.push(c);
            i += 1;
            continue;
        }
        let group = chars
            .get(i + 1..i + 4)
            .filter(|g| g.iter().all(char::is_ascii_digit));
        let group_ends = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}') && group.is_some() && group_ends {
            i += 1;
            continue;
        }
        if matches!(c, '.' | ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            digits.push('.');
            i += 1;
            continue;
        }
        break;
    }
    let percent = chars[i..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| c == '%');
    Some(Figure {
        value: digits.parse().ok()?,
        percent,
    })
}

/// The cap a declared right puts on compensation, if it speaks of one.
fn compensation_cap(right: &str) -> Option<f64> {
    let lower = right.to_lowercase();
    if !(lower.contains("compensat") || lower.contains("компенсац")) {
        return None;
    }
    first_figure(right).filter(|f| !f.percent).map(|f| f.value)
}

pub fn check(ctx: &mut Ctx) {
    let model = ctx.model;
    let caps: Vec<Option<(f64, &str)>> = model
        .roles
        .values()
        .map(|r| {
            r.rights
                .iter()
                .find_map(|right| Some((compensation_cap(right)?, right.as_str())))
        })
        .collect();
    if caps.iter().all(Option::is_none) {
        return;
    }
    let crew = Crew::new(model);
    for complaint in model.complaints.values() {
        let Some(owner) = complaint.owner.as_ref().and_then(|o| o.target) else {
            continue;
        };
        let doers = crew.doers(owner);
        for remedy in &complaint.remedies {
            let Remedy::Compensate(what) = &remedy.value else {
                continue;
            };
            let amount = what.as_deref().and_then(first_figure);
            if amount.is_some_and(|a| a.percent) {
                continue;
            }
            // Every role the job descriptions give the remedy right: the
            // performers and the lead who organises them.
            for &(role, _) in &doers {
                let Some((cap, right)) = caps[role.index()] else {
                    continue;
                };
                if amount.is_some_and(|a| a.value <= cap) {
                    continue;
                }
                let r = &model.roles[role];
                // No text written: the rule grants any amount, and says so.
                let grants = what.as_deref().unwrap_or_default();
                let written = if grants.trim().is_empty() {
                    "none"
                } else {
                    "text"
                };
                ctx.report(
                    Diagnostic::new(
                        Code::RightConflict,
                        remedy.span,
                        msg!(
                            "right-conflict",
                            complaint = &complaint.header.id,
                            role = &r.header.id,
                            grants = crate::escape::shorten(grants, 80),
                            written = written,
                            right = crate::escape::shorten(right, 80)
                        ),
                    )
                    .help(msg!("right-conflict-help", role = &r.header.id))
                    .label(
                        r.header.span,
                        msg!("right-conflict-role", role = &r.header.id),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_with_their_separators_and_percent_signs() {
        let f = |t: &str| first_figure(t).map(|f| (f.value, f.percent));
        assert_eq!(f("up to 5,000 RUB"), Some((5000.0, false)));
        assert_eq!(f("до 5 000 руб."), Some((5000.0, false)));
        assert_eq!(f("до 500 рублей"), Some((500.0, false)));
        assert_eq!(f("4.50 per call"), Some((4.5, false)));
        assert_eq!(f("10% off"), Some((10.0, true)));
        assert_eq!(f("10 % off"), Some((10.0, true)));
        assert_eq!(f("a free month"), None);
        assert_eq!(f("1,5"), Some((1.5, false)));
    }

    #[test]
    fn only_compensation_rights_with_a_sum_are_caps() {
        assert_eq!(
            compensation_cap("Offer compensation up to 5,000 RUB without approval"),
            Some(5000.0)
        );
        assert_eq!(
            compensation_cap("Начислять компенсацию до 500 рублей без согласования"),
            Some(500.0)
        );
        assert_eq!(
            compensation_cap("Согласовывать компенсации без ограничения суммы"),
            None
        );
        assert_eq!(
            compensation_cap("Call a technician out of turn within 2 hours"),
            None
        );
    }
}
