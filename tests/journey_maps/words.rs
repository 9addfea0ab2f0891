//! Audit 10, M4: lane titles and the customer's chips wrap at spaces; a
//! word is broken inside only where its lane could not hold it: the word
//! is wider than the most a lane grows for a word ([`TITLE_MOST`],
//! [`CUSTOMER_MOST`]), or holding it would make the map (its curve
//! beside it) wider than [`BUDGET`]. Read back from the SVG: each lane's
//! title (its tooltip the whole name, its lines as drawn) and its width,
//! each chip's channels (the tooltip after the step's name).

use super::read::{tags, Tag};
use cxc::generate::journey::metrics::{px, Face};
use cxc::generate::journey::svg::{BUDGET, CUSTOMER_MOST, TITLE_MOST};

/// The words of `whole` that no line of `lines` holds whole.
fn broken<'a>(whole: &'a str, lines: &[&str]) -> Vec<&'a str> {
    whole
        .split_whitespace()
        .filter(|w| !lines.iter().any(|l| l.split_whitespace().any(|t| t == *w)))
        .collect()
}

/// The texts drawn in the group that `tags[at]` (its tooltip) opens.
fn lines_after<'a>(tags: &'a [Tag], at: usize, class: &str, bold: bool) -> Vec<&'a str> {
    let depth = tags[at].groups.len();
    tags[at + 1..]
        .iter()
        .take_while(|t| t.groups.len() >= depth)
        .filter(|t| t.name == "text" && t.groups.len() == depth && t.within(class))
        .filter(|t| (t.get("font-weight") == Some("bold")) == bold)
        .map(|t| t.text.as_str())
        .collect()
}

/// Every word broken inside a lane title or a chip, where its lane could
/// have held it: an error naming it. `curve`: the experience curve's
/// width beside the map (0 without).
pub fn words_whole(map: &str, curve: i64) -> Result<(), String> {
    let tags = tags(map);
    let width: i64 = super::read::width_of(map).parse().unwrap();
    let mut customer = 0;
    for (at, t) in tags.iter().enumerate() {
        if t.name != "title" {
            continue;
        }
        if t.within("lane") {
            // The lane's band is the rect drawn just before its title.
            let lane = tags[..at]
                .iter()
                .rev()
                .find(|r| r.name == "rect")
                .expect("a lane's band")
                .num("width") as i64;
            if tags[..at].iter().all(|r| !r.within("lane")) {
                customer = lane;
            }
            for word in broken(&t.text, &lines_after(&tags, at, "lane", true)) {
                let need = px(word, Face::SansBold, 13.0) + 8;
                if need <= TITLE_MOST && width + curve + need - lane <= BUDGET {
                    return Err(format!(
                        "lane title {:?} breaks {word:?} ({need} px) in a lane {lane} px wide, map {width} px",
                        t.text
                    ));
                }
            }
        } else if t.within("touchpoint") {
            // After the step's name (which may hold ": " itself).
            let channels = t.text.rsplit_once(": ").map_or("", |(_, c)| c);
            for word in broken(channels, &lines_after(&tags, at, "touchpoint", false)) {
                let need = px(word, Face::Sans, 11.0) + 20;
                if need <= CUSTOMER_MOST && width + curve + need - customer <= BUDGET {
                    return Err(format!(
                        "a chip {:?} breaks {word:?} ({need} px) in a lane {customer} px wide, map {width} px",
                        t.text
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The check is live: the clinic's title as audit 10 saw it, broken in
/// a lane with room to spare, is refused; where it breaks inside a word
/// wider than the most a lane grows, it stands.
#[test]
fn a_word_broken_where_the_lane_had_room_is_refused() {
    let lane = |name: &str, lines: &[&str]| {
        let texts: String = lines.iter().map(|l| format!("<text>{l}</text>")).collect();
        format!(
            "<svg viewBox=\"0 0 600 400\"><rect x=\"0\" width=\"70\"/><g class=\"lane\"><title>Customer</title><text>Customer</text></g><rect x=\"70\" width=\"80\"/><g class=\"lane\"><title>{name}</title>{texts}</g></svg>"
        )
    };
    let seen = lane(
        "Booking Coordinator, Manchester hub",
        &["Booking", "Coordinat", "or,", "Manchester", "hub"],
    )
    .replace("<text>", "<text font-weight=\"bold\">");
    assert!(words_whole(&seen, 0).is_err());
    let whole = lane(
        "Booking Coordinator, Manchester hub",
        &["Booking", "Coordinator,", "Manchester hub"],
    )
    .replace("<text>", "<text font-weight=\"bold\">");
    words_whole(&whole, 0).unwrap();
    let long = "Электроэнергоснабжениеэлектроэнергоснабжение";
    let too_long =
        lane(long, &[&long[..40], &long[40..]]).replace("<text>", "<text font-weight=\"bold\">");
    words_whole(&too_long, 0).unwrap();
}
