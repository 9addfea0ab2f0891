//! Lanes wide enough for their words (audit 10, M4): titles and chips
//! wrap at spaces only, and a word is broken inside only where it is
//! wider than the most its lane may grow, or where growing the lane would
//! make the map wider than the budget.

use super::{draw_in, parts, Drawing, Kind, Style, SMALL};
use crate::generate::journey::metrics::{self, Face};
use crate::generate::journey::Graph;
use crate::syntax::values::Language;

/// The widest the customer's lane grows for a word of its chips: a longer
/// word is broken rather than the map made wider.
pub const CUSTOMER_MOST: i64 = 200;

/// The widest an owner's lane grows for a word of its title (a title's
/// text is 8 px narrower than its lane): a longer word is broken.
pub const TITLE_MOST: i64 = 180;

/// The widths the customer's lane needs so that each word of its chips
/// (a channel's name, "Sheremetyevo,", "(care@harleythistle.co.uk)": a
/// chip's text is 20 px narrower than the lane) and of its title
/// ("Customer", in either language) is whole: those up to
/// [`CUSTOMER_MOST`].
fn customer_needs(graph: &Graph) -> Vec<i64> {
    let title = [customer_title()];
    let chips = graph.nodes.iter().flat_map(|n| {
        let text = n.channels.join(", ");
        let words: Vec<i64> = text
            .split_whitespace()
            .map(|w| metrics::px(w, Face::Sans, SMALL) + 20)
            .collect();
        words
    });
    title
        .into_iter()
        .chain(chips)
        .filter(|&need| need <= CUSTOMER_MOST)
        .collect()
}

/// The width the customer's lane needs for its title ("Customer" in
/// either language) whole: every style's lane is as wide at least.
pub(super) fn customer_title() -> i64 {
    [Language::En, Language::Ru]
        .map(|l| metrics::px(parts::customer_word(l), Face::SansBold, 13.0) + 8)
        .into_iter()
        .max()
        .unwrap_or(0)
}

/// The widest the customer's lane grows so that no word of a chip or its
/// title is broken inside.
pub(super) fn customer_for_words(graph: &Graph) -> i64 {
    customer_needs(graph).into_iter().max().unwrap_or(0)
}

/// The widest the customer's lane grows so that no word of a stacked
/// chip's bold step name is broken inside (chips stack where front-stage
/// steps share a row of `d`), up to [`CUSTOMER_MOST`].
pub(super) fn customer_for_names(graph: &Graph, d: &Drawing) -> i64 {
    let mut rows: std::collections::BTreeMap<i64, Vec<usize>> = Default::default();
    for (v, kind) in d.kinds.iter().enumerate() {
        if let Kind::Step(i) = *kind {
            if !graph.nodes[i].channels.is_empty() {
                rows.entry(d.placed.boxes[v].center().1)
                    .or_default()
                    .push(i);
            }
        }
    }
    let widest = rows
        .values()
        .filter(|steps| steps.len() > 1)
        .flatten()
        .flat_map(|&i| graph.nodes[i].label.split_whitespace())
        .map(|w| metrics::px(w, Face::SansBold, SMALL) + 21)
        .max()
        .unwrap_or(0);
    widest.min(CUSTOMER_MOST)
}

/// The widths a lane titled `name` needs so that each of its words is
/// whole (an unnamed lane's title in either language): those up to
/// [`TITLE_MOST`].
fn title_needs(name: &str) -> Vec<i64> {
    let names = if name.is_empty() {
        [Language::En, Language::Ru].map(parts::no_owner).to_vec()
    } else {
        vec![name]
    };
    names
        .iter()
        .flat_map(|n| n.split_whitespace())
        .map(|w| metrics::px(w, Face::SansBold, 13.0) + 8)
        .filter(|&need| need <= TITLE_MOST)
        .collect()
}

/// The customer's lane among the owners' in [`widen_lanes`].
const CUSTOMER: usize = usize::MAX;

/// `d` with its lanes widened so that the words of their titles are
/// whole, as far as the map stays within `most` px: the words that need
/// least first (taking the room the budget has spare), so a word left
/// broken needs more than the room left. The layout is the same, only
/// lanes wider (a compact drawing's lanes keep the shares they had: a
/// wider customer's lane does not re-divide the room); if it came out
/// wider than `most` all the same, `d` as it was.
pub(super) fn widen_lanes(graph: &Graph, d: Drawing, most: i64) -> Drawing {
    let widths: Vec<i64> = d.placed.lanes.iter().map(|l| l.width).collect();
    let mut short: Vec<(i64, usize, i64)> = d
        .lanes
        .iter()
        .enumerate()
        .flat_map(|(l, name)| title_needs(name).into_iter().map(move |need| (l, need)))
        .filter(|&(l, need)| need > widths[l])
        .map(|(l, need)| (need - widths[l], l, need))
        .collect();
    // The customer's lane, if it is drawn, as lane `CUSTOMER`.
    let customer = d.style.customer;
    let drawn = graph.nodes.iter().any(|n| !n.channels.is_empty());
    if drawn {
        short.extend(
            customer_needs(graph)
                .into_iter()
                .filter(|&need| need > customer)
                .map(|need| (need - customer, CUSTOMER, need)),
        );
    }
    if short.is_empty() {
        return d;
    }
    short.sort();
    let mut spare = most - d.width;
    let mut lane_min = widths.clone();
    let mut wide = customer;
    for (_, l, need) in short {
        let width = if l == CUSTOMER {
            &mut wide
        } else {
            &mut lane_min[l]
        };
        let more = need - *width;
        if more > 0 && more <= spare {
            spare -= more;
            *width = need;
        }
    }
    if lane_min == widths && wide == customer {
        return d;
    }
    let style = Style {
        customer: wide,
        ..d.style
    };
    let wider = draw_in(graph, style, &lane_min, customer);
    if wider.width <= most {
        wider
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clinic's words: the e-mail address of a chip and the longest
    /// word of a lane title fit the most their lanes grow.
    #[test]
    fn the_clinics_words_fit_the_most_a_lane_grows() {
        let mail = metrics::px("(care@harleythistle.co.uk)", Face::Sans, SMALL) + 21;
        assert!(mail <= CUSTOMER_MOST, "{mail}");
        let needs = title_needs("Booking Coordinator, Manchester hub");
        assert_eq!(needs.len(), 4, "{needs:?}");
        assert!(title_needs("").len() > title_needs("No owner").len());
    }
}
