//! The shipped maps read closely: chips of the customer's lane, and the
//! hotel's booking and stay maps (its audit, L5).

use cxc::generate::journey::metrics::Face;
use cxc::generate::journey::svg::svg;
use cxc::generate::journey::Graph;
use cxc::syntax::values::Language;

/// Audit 3, finding 10, and map task 5: a chip in the customer's lane
/// breaks its channel names at spaces only, never inside a word that fits
/// the widened lane, not even after its hyphen ("E-" / "mail" on the
/// hotel's chips): "Sheremetyevo", "E-mail", "WhatsApp", "8-800" stay
/// whole on NordRent's, the hotel's and Domoset's site maps in both
/// languages. A word wider than its chip alone would break inside: none
/// is on these maps. Read back from each chip's text lines.
#[test]
fn customer_chips_keep_their_words_whole() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut chips = 0;
    let specs = [
        "tests/specs/nordrent",
        "tests/specs/hotel",
        "tests/specs/outside/domoset",
        "tests/specs/bank",
    ];
    for spec in specs {
        let compiled =
            cxc::pipeline::compile(&[root.join(spec)], &Default::default(), None).unwrap();
        let model = &compiled.specs[0].model;
        let maps = model.journeys.iter().flat_map(|(_, journey)| {
            let graph = Graph::new(model, journey, &Default::default());
            [Language::En, Language::Ru].map(|language| {
                let (map, _, _) = svg(&graph, &graph.title, language);
                (format!("{spec}: {} ({language:?})", graph.title), map)
            })
        });
        for (journey, page) in maps {
            let map = page.split("<svg").nth(1).unwrap();
            let map = format!("<svg{}", map.split("</svg>").next().unwrap());
            // Each chip: its title ("step: channels"), then its lines.
            for chip in map.split("<g class=\"touchpoint\">").skip(1) {
                // The chip's group ends its line (its icons' groups do not).
                let chip = chip.split("</g>\n").next().unwrap();
                let title = chip.split("<title>").nth(1).unwrap();
                let title = title.split("</title>").next().unwrap();
                // The step's name (on a chip that names it) and its channels.
                let whole: Vec<&str> = title
                    .split_whitespace()
                    .flat_map(|w| [w, w.trim_end_matches(':')])
                    .collect();
                let box_width: f64 = chip
                    .split("width=\"")
                    .nth(1)
                    .and_then(|w| w.split('"').next())
                    .and_then(|w| w.parse().ok())
                    .expect("the chip's width");
                // The lane widens to 140 px for a word (its chips' text
                // 120 px), a stacked chip's bold step name too (the bank's
                // "Согласова" / "ние"): only a word wider breaks.
                let too_wide = |word: &str| {
                    let bold = cxc::generate::journey::metrics::width(word, Face::SansBold, 11.0);
                    bold > 120.0 && bold > box_width - 8.0
                };
                let lines: Vec<&str> = chip
                    .split("<text ")
                    .skip(1)
                    .map(|l| l.split('>').nth(1).unwrap().split('<').next().unwrap())
                    .collect();
                assert!(!lines.is_empty(), "{chip}");
                for text in lines {
                    for token in text.split_whitespace() {
                        let inside = whole.iter().any(|w| w.contains(token) && too_wide(w));
                        assert!(
                            whole.contains(&token) || inside,
                            "“{token}” is part of a word in the chip “{title}” ({journey})"
                        );
                    }
                }
                chips += 1;
            }
        }
    }
    assert!(chips > 10, "{chips} chips");
}

/// The hotel's journeys, drawn.
fn hotel() -> Vec<Graph> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/specs/hotel");
    let compiled = cxc::pipeline::compile(&[dir], &Default::default(), None).unwrap();
    let spec = &compiled.specs[0];
    spec.model
        .journeys
        .iter()
        .map(|(_, journey)| Graph::new(&spec.model, journey, &Default::default()))
        .collect()
}

/// Hotel audit, L5: on the booking map the loop "Booking changed →
/// Booking confirmed" ran 10 px (then 18 px) beside the line of "guest
/// wants a change" for 100 px, which read as a junction. A loop straightened
/// up a lane keeps well clear of the lines beside it where the lane has
/// room: 24 px at least wherever the two run side by side.
#[test]
fn the_hotel_booking_loop_keeps_clear_of_the_change_line() {
    use cxc::generate::journey::svg::{draw, Kind};
    let graphs = hotel();
    let graph = graphs
        .iter()
        .find(|g| g.title == "Booking")
        .expect("the booking map");
    let d = draw(graph);
    let label = |v: usize| match d.kinds[v] {
        Kind::Step(i) => graph.nodes[i].label.as_str(),
        _ => "",
    };
    let back = d
        .edges
        .iter()
        .position(|(a, b, _)| label(*a) == "Booking changed" && label(*b) == "Booking confirmed")
        .expect("the loop");
    let change = d
        .edges
        .iter()
        .position(|(_, _, w)| w.as_deref() == Some("guest wants a change"))
        .expect("the change");
    let down = |e: usize| -> Vec<(i64, i64, i64)> {
        d.placed.paths[e]
            .windows(2)
            .filter(|w| w[0].0 == w[1].0 && w[0].1 != w[1].1)
            .map(|w| (w[0].0, w[0].1.min(w[1].1), w[0].1.max(w[1].1)))
            .collect()
    };
    let mut beside = 0;
    for (x, top, bottom) in down(back) {
        for (x2, top2, bottom2) in down(change) {
            if top.max(top2) < bottom.min(bottom2) {
                beside += 1;
                assert!((x - x2).abs() >= 24, "{} px apart", (x - x2).abs());
            }
        }
    }
    assert!(beside > 0, "the two lines no longer run side by side");
}

/// Hotel audit, L5: on the stay map "Check-out" and "Noise complaint" are
/// on one row, their chips stacked in the customer's lane with nothing to
/// tell which is whose. Chips sharing a row name their step (bold, first)
/// and follow their steps' order across the map; a chip alone on its row
/// stays as it was. Read back from the site's SVG in both languages.
#[test]
fn stacked_chips_name_their_steps() {
    let graphs = hotel();
    let graph = graphs
        .iter()
        .find(|g| g.title.starts_with("Stay"))
        .expect("the stay map");
    for language in [Language::En, Language::Ru] {
        let (map, _, _) = svg(graph, &graph.title, language);
        let chips: Vec<(String, Vec<String>)> = map
            .split("<g class=\"touchpoint\">")
            .skip(1)
            .map(|chip| {
                let chip = chip.split("</g>\n").next().unwrap();
                let title = chip
                    .split("<title>")
                    .nth(1)
                    .unwrap()
                    .split("</title>")
                    .next()
                    .unwrap();
                let bold = chip
                    .split("<text ")
                    .skip(1)
                    .filter(|t| t.contains("font-weight=\"bold\""))
                    .map(|t| {
                        t.split('>')
                            .nth(1)
                            .unwrap()
                            .split('<')
                            .next()
                            .unwrap()
                            .to_string()
                    })
                    .collect();
                (title.to_string(), bold)
            })
            .collect();
        let named = |step: &str| -> (usize, String) {
            let k = chips
                .iter()
                .position(|(t, _)| t.starts_with(&format!("{step}:")))
                .unwrap_or_else(|| panic!("no chip for {step}"));
            (k, chips[k].1.join(" "))
        };
        let (out, out_name) = named("Check-out");
        let (noise, noise_name) = named("Noise complaint");
        assert_eq!(out_name, "Check-out", "{language:?}");
        assert_eq!(noise_name, "Noise complaint", "{language:?}");
        // Check-out is left of the noise complaint: its chip comes first.
        assert_eq!(noise, out + 1, "{language:?}");
        assert_eq!(named("Keys handed over").1, "", "{language:?}");
    }
}
