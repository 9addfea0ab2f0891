//! TaskQueue names as Twilio takes them: a `FriendlyName` has 1 to 64
//! characters (error 20002), and two TaskQueues with one name cannot be
//! told apart in the console. A queue's display name, or a waiting queue's
//! names joined, can be longer (audit 11, M2: 66 Cyrillic characters), so
//! a long name is cut at a word where it can be and ends in "…", and a
//! name already taken gets " (2)", " (3)"… — both inside the limit.

use serde_json::Value;
use std::collections::BTreeSet;

/// Twilio's limit on a TaskQueue's `FriendlyName`, in characters.
pub(super) const FRIENDLY_NAME_LIMIT: usize = 64;

/// Fits every `friendly_name` of `queues` to Twilio's limit and makes each
/// one unique, in the queues' order (so the output stays deterministic).
pub(super) fn fit_friendly_names(queues: &mut [Value]) {
    let mut taken = BTreeSet::new();
    for queue in queues {
        let wanted = queue["friendly_name"].as_str().unwrap_or_default();
        let wanted = match wanted.trim() {
            "" => queue["queue"].as_str().unwrap_or("queue").to_string(),
            name => name.to_string(),
        };
        let mut name = shorten(&wanted, FRIENDLY_NAME_LIMIT);
        let mut copy = 1;
        while taken.contains(&name) {
            copy += 1;
            let suffix = format!(" ({copy})");
            name = shorten(&wanted, FRIENDLY_NAME_LIMIT - suffix.chars().count()) + &suffix;
        }
        taken.insert(name.clone());
        queue["friendly_name"] = Value::String(name);
    }
}

/// `name` in at most `limit` characters: whole if it fits, else cut before
/// a word that would not fit (unless that leaves less than half) and ended
/// with "…".
fn shorten(name: &str, limit: usize) -> String {
    if name.chars().count() <= limit {
        return name.to_string();
    }
    let kept: String = name.chars().take(limit - 1).collect();
    let at_word = kept
        .char_indices()
        .rev()
        .find(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .filter(|&i| kept[..i].chars().count() >= limit / 2);
    let kept = match at_word {
        Some(i) => &kept[..i],
        None => &kept[..],
    };
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || "/-—–,;:(".contains(c));
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn names(queues: &[Value]) -> Vec<&str> {
        queues
            .iter()
            .map(|q| q["friendly_name"].as_str().unwrap())
            .collect()
    }

    #[test]
    fn a_name_that_fits_is_kept_whole() {
        let mut queues = vec![json!({"queue": "phone", "friendly_name": "Телефон — частные"})];
        fit_friendly_names(&mut queues);
        assert_eq!(names(&queues), ["Телефон — частные"]);
    }

    #[test]
    fn a_long_waiting_queue_name_is_cut_at_a_word_within_the_limit() {
        // Audit 11, M2: 66 characters, Twilio takes 64.
        let long = "Телефон — частные (Екатеринбург) / Телефон — частные (Новосибирск)";
        assert_eq!(long.chars().count(), 66);
        let mut queues = vec![json!({"queue": "w", "friendly_name": long})];
        fit_friendly_names(&mut queues);
        let name = names(&queues)[0];
        assert!(name.chars().count() <= FRIENDLY_NAME_LIMIT, "{name}");
        assert_eq!(
            name,
            "Телефон — частные (Екатеринбург) / Телефон — частные…"
        );
    }

    #[test]
    fn names_that_meet_after_cutting_stay_apart_and_within_the_limit() {
        let stem = "x".repeat(70);
        let mut queues = vec![
            json!({"queue": "a", "friendly_name": format!("{stem} a")}),
            json!({"queue": "b", "friendly_name": format!("{stem} b")}),
            json!({"queue": "c", "friendly_name": format!("{stem} c")}),
            json!({"queue": "d", "friendly_name": ""}),
        ];
        fit_friendly_names(&mut queues);
        let got = names(&queues);
        assert!(
            got.iter().all(|n| n.chars().count() <= FRIENDLY_NAME_LIMIT),
            "{got:?}"
        );
        assert_eq!(got.iter().collect::<BTreeSet<_>>().len(), 4, "{got:?}");
        assert!(
            got[1].ends_with("… (2)") && got[2].ends_with("… (3)"),
            "{got:?}"
        );
        assert_eq!(got[3], "d");
    }
}
