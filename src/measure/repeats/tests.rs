//! Repeats held to a brute-force oracle over generated contacts, in any
//! order and split between two readers at any row.

use super::*;
use proptest::prelude::*;

/// A contact: customer, reason (none: 0), created and resolved (seconds
/// after created), segment, channel.
type Row = (u8, u8, i64, Option<u32>, u8, u8);

fn tally(rows: &[Row]) -> Tally {
    let mut tally = Tally::default();
    for &(customer, reason, created, resolved, segment, channel) in rows {
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        let reason = (reason > 0).then(|| format!("r{reason}"));
        tally.add(
            &format!("c{customer}"),
            reason.as_deref(),
            at(created),
            resolved.map(|r| at(created + i64::from(r))),
            Idx::new(segment as usize),
            Idx::new(channel as usize),
            unhappy(customer, created),
        );
    }
    tally
}

/// Which generated contacts complained or were detractors.
fn unhappy(customer: u8, created: i64) -> bool {
    (i64::from(customer) + created) % 3 == 0
}

/// Distinct unhappy customers per segment, by looking at every row.
fn unhappy_oracle(rows: &[Row]) -> BTreeMap<Idx<Segment>, u64> {
    let pairs: std::collections::BTreeSet<(u8, u8)> = rows
        .iter()
        .filter(|r| unhappy(r.0, r.2))
        .map(|r| (r.4, r.0))
        .collect();
    let mut out = BTreeMap::new();
    for (segment, _) in pairs {
        *out.entry(Idx::new(segment as usize)).or_default() += 1;
    }
    out
}

/// Every pair looked at: the definitions, literally.
fn oracle(rows: &[Row], window: i64) -> BTreeMap<(u8, u8), RepeatFigures> {
    let mut out: BTreeMap<(u8, u8), RepeatFigures> = BTreeMap::new();
    for &(customer, reason, created, resolved, segment, channel) in rows {
        let limit = created + i64::from(resolved.unwrap_or(0)) + window;
        let later: Vec<&Row> = rows
            .iter()
            .filter(|o| o.0 == customer && o.2 > created && o.2 <= limit)
            .collect();
        let f = out.entry((segment, channel)).or_default();
        f.contacts += 1;
        if let Some(first) = later.iter().map(|o| o.2).min() {
            f.repeated += 1;
            let next_channel = later.iter().filter(|o| o.2 == first).map(|o| o.5).min();
            if next_channel != Some(channel) {
                f.switched += 1;
            }
        }
        if resolved.is_some() {
            f.resolved += 1;
            let again = later
                .iter()
                .any(|o| reason == 0 || o.1 == 0 || o.1 == reason);
            f.first_contact += u64::from(!again);
        }
    }
    out
}

fn cells(repeats: &Repeats) -> BTreeMap<(u8, u8), RepeatFigures> {
    repeats
        .by_cell
        .iter()
        .map(|(&(s, c), &f)| ((s.index() as u8, c.index() as u8), f))
        .collect()
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    proptest::collection::vec(
        (
            0u8..4,
            0u8..3,
            0i64..40,
            proptest::option::of(0u32..15),
            0u8..2,
            0u8..3,
        ),
        0..40,
    )
}

proptest! {
    #[test]
    fn repeats_agree_with_every_pair_looked_at(rows in rows(), window in 0u64..20) {
        let repeats = tally(&rows).finish(window);
        prop_assert_eq!(cells(&repeats), oracle(&rows, window as i64));
        prop_assert_eq!(&repeats.unhappy, &unhappy_oracle(&rows));
    }

    #[test]
    fn order_and_a_split_between_two_readers_change_nothing(
        rows in rows(),
        cut in 0usize..40,
        window in 0u64..20,
    ) {
        let whole = tally(&rows).finish(window);
        let mut reversed = rows.clone();
        reversed.reverse();
        prop_assert_eq!(&tally(&reversed).finish(window), &whole);
        let cut = cut.min(rows.len());
        let mut first = tally(&rows[..cut]);
        first.absorb(tally(&rows[cut..]));
        prop_assert_eq!(&first.finish(window), &whole);
    }
}

#[test]
fn a_call_after_an_unanswered_chat_is_a_switch_and_a_new_reason_keeps_fcr() {
    // c0: chat at 0 resolved at 10, phone at 15 on the same reason: repeat,
    // switch, not FCR. c1: resolved at 0, again at 5 on another reason: a
    // repeat, but resolved at first contact.
    let rows = [
        (0, 1, 0, Some(10), 0, 1),
        (0, 1, 15, None, 0, 0),
        (1, 1, 0, Some(0), 0, 0),
        (1, 2, 5, None, 0, 0),
    ];
    let repeats = tally(&rows).finish(7);
    let chat = repeats.by_cell[&(Idx::new(0), Idx::new(1))];
    assert_eq!(
        (chat.repeated, chat.switched, chat.first_contact),
        (1, 1, 0)
    );
    assert_eq!(repeats.switches[&(Idx::new(1), Idx::new(0))], 1);
    let phone = repeats.by_cell[&(Idx::new(0), Idx::new(0))];
    assert_eq!(
        (
            phone.contacts,
            phone.repeated,
            phone.resolved,
            phone.first_contact
        ),
        (3, 1, 1, 1)
    );
    assert_eq!(repeats.customers, 2);
}
