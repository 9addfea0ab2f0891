//! The customer's lane (courier audit, M2): a row's cards stand level
//! with it and apart. The card of «Вручение отправления получателю» sat
//! about 150 px above its step, touching the next, because the long card
//! of «Согласование…» on the same row was stacked under it and the row
//! had no room for both.

use super::read::{tags, Box2};
use super::shipped_and_outside;
use cxc::generate::journey::svg::svg;
use cxc::generate::journey::Graph;
use cxc::syntax::values::Language;

/// The least room between two cards of a stack.
const APART: f64 = 4.0;

/// Each card of the customer's lane with the box of its step, read from
/// the SVG by the names in their titles.
fn cards(map: &str) -> Vec<(Box2, Box2)> {
    let tags = tags(map);
    let mut steps = Vec::new();
    let mut chips = Vec::new();
    for (k, t) in tags.iter().enumerate() {
        let rect = tags
            .get(k + 1)
            .filter(|r| r.name == "rect")
            .map(|r| r.rect());
        match (t.name.as_str(), rect) {
            ("title", Some(r)) if t.within("step") => {
                steps.push((t.text.lines().next().unwrap_or("").to_string(), r))
            }
            ("title", Some(r)) if t.within("touchpoint") => {
                if let Some((name, _)) = t.text.rsplit_once(": ") {
                    chips.push((name.to_string(), r));
                }
            }
            _ => {}
        }
    }
    chips
        .into_iter()
        .filter_map(|(name, chip)| {
            let (_, step) = steps.iter().find(|(n, _)| *n == name)?;
            Some((chip, *step))
        })
        .collect()
}

/// The first card of `map` that is not level with its row or stands too
/// close to the next: each row's cards (steps whose middles are within 2
/// px), stacked, have their middle within 2 px of the row's, APART or more
/// between them, and overlap the height of no other row's steps.
pub fn cards_off_their_rows(map: &str) -> Option<String> {
    let cards = cards(map);
    let middle = |b: &Box2| b.y + b.h / 2.0;
    let mut rows: Vec<Vec<(Box2, Box2)>> = Vec::new();
    let mut sorted = cards.clone();
    sorted.sort_by(|a, b| middle(&a.1).total_cmp(&middle(&b.1)));
    for card in sorted {
        match rows.last_mut() {
            Some(row) if (middle(&card.1) - middle(&row[0].1)).abs() <= 2.0 => row.push(card),
            _ => rows.push(vec![card]),
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let mut stack: Vec<Box2> = row.iter().map(|c| c.0).collect();
        stack.sort_by(|a, b| a.y.total_cmp(&b.y));
        for pair in stack.windows(2) {
            let gap = pair[1].y - (pair[0].y + pair[0].h);
            if gap < APART {
                return Some(format!(
                    "cards {:?} and {:?} {gap} px apart",
                    pair[0], pair[1]
                ));
            }
        }
        let top = stack[0].y;
        let bottom = stack.iter().map(|b| b.y + b.h).fold(f64::MIN, f64::max);
        let row_top = row.iter().map(|c| c.1.y).fold(f64::MAX, f64::min);
        let row_bottom = row.iter().map(|c| c.1.y + c.1.h).fold(f64::MIN, f64::max);
        let off = (top + bottom) / 2.0 - (row_top + row_bottom) / 2.0;
        if off.abs() > 2.0 {
            return Some(format!(
                "the cards {top}..{bottom} stand {off} px off their row {row_top}..{row_bottom}"
            ));
        }
        for (o, other) in rows.iter().enumerate() {
            for (_, step) in other.iter().filter(|_| o != r) {
                if top < step.y + step.h && step.y < bottom {
                    return Some(format!("the cards {top}..{bottom} reach the step {step:?}"));
                }
            }
        }
    }
    None
}

/// M2 on the courier's delivery map, and every shipped and outside map in
/// both languages.
#[test]
fn customer_cards_stand_level_with_their_rows_and_apart() {
    let mut stacked = 0;
    for dir in shipped_and_outside() {
        let compiled =
            cxc::pipeline::compile(std::slice::from_ref(&dir), &Default::default(), None).unwrap();
        for spec in &compiled.specs {
            for (_, journey) in spec.model.journeys.iter() {
                let graph = Graph::new(&spec.model, journey, &Default::default());
                for language in [Language::En, Language::Ru] {
                    let (map, _, _) = svg(&graph, &graph.title, language);
                    if let Some(problem) = cards_off_their_rows(&map) {
                        panic!(
                            "{} {} ({language:?}): {problem}",
                            dir.display(),
                            graph.title
                        );
                    }
                    stacked += map.matches("font-size=\"11\" font-weight=\"bold\"").count();
                }
            }
        }
    }
    assert!(stacked > 0, "no map stacks cards");
}

/// The check is live: the courier's cards as the audit saw them (the
/// stack pushed up from its row, cards 2 px apart) are refused.
#[test]
fn cards_off_their_row_are_refused() {
    let step = |y: i64, name: &str| {
        format!("<g class=\"step\"><title>{name}</title><rect x=\"200\" y=\"{y}\" width=\"80\" height=\"60\"/></g>")
    };
    let card = |y: i64, h: i64, name: &str| {
        format!("<g class=\"touchpoint\"><title>{name}: phone</title><rect x=\"0\" y=\"{y}\" width=\"60\" height=\"{h}\"/></g>")
    };
    let map = |cards: &str| {
        format!(
            "<svg viewBox=\"0 0 400 800\">{}{}{cards}</svg>",
            step(100, "A"),
            step(400, "B") + &step(400, "C").replace("x=\"200\"", "x=\"300\"")
        )
    };
    let level = card(100, 60, "A") + &card(370, 55, "B") + &card(431, 55, "C");
    assert_eq!(cards_off_their_rows(&map(&level)), None);
    let pushed = card(100, 60, "A") + &card(300, 55, "B") + &card(361, 55, "C");
    assert!(cards_off_their_rows(&map(&pushed)).is_some());
    let touching = card(100, 60, "A") + &card(372, 55, "B") + &card(429, 55, "C");
    assert!(cards_off_their_rows(&map(&touching)).is_some());
}
