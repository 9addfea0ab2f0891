//! Syntax errors where the writer needs more than the grammar's list.

use super::parse;
use crate::base::Language;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// The syntax errors of `text`, said in `language`.
fn errors(text: &str, language: Language) -> Vec<Diagnostic> {
    let (_, mut diagnostics) = parse(FileId(0), text);
    for d in &mut diagnostics {
        d.localize(language);
    }
    diagnostics
}

/// Outside audit 11, L12: `open Сб 10:00-16:00` said what was expected but
/// not that the day was found with a capital, nor how to write it.
#[test]
fn a_capitalised_day_is_named_with_the_day_to_write() {
    let spec = "calendar a {\n  open Сб 10:00-16:00\n}\n";
    let ru = errors(spec, Language::Ru);
    assert_eq!(ru.len(), 1, "{ru:?}");
    assert!(ru[0].message.contains("найдено: `Сб`"), "{}", ru[0].message);
    assert!(ru[0].message.contains("строчными"), "{}", ru[0].message);
    assert!(ru[0].help.starts_with("пишите `сб`"), "{}", ru[0].help);
    assert_eq!(ru[0].replacement.as_deref(), Some("сб"));
    let en = errors(
        "calendar a {\n  open Mon-Fri 09:00-18:00\n}\n",
        Language::En,
    );
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(
        en[0].message.contains("found `Mon-Fri`"),
        "{}",
        en[0].message
    );
    assert!(en[0].message.contains("lower case"), "{}", en[0].message);
    assert!(en[0].help.starts_with("write `mon-fri`"), "{}", en[0].help);
}

/// A word that is no day, capitalised or not, gets the grammar's list as
/// before, and a day written right is no error.
#[test]
fn other_words_where_days_go_are_said_as_before() {
    let ru = errors(
        "calendar a {\n  open Суббота 10:00-16:00\n}\n",
        Language::Ru,
    );
    assert_eq!(ru.len(), 1, "{ru:?}");
    assert!(
        ru[0].message.contains("найдено: `Суббота`"),
        "{}",
        ru[0].message
    );
    assert!(!ru[0].message.contains("строчными"), "{}", ru[0].message);
    assert_eq!(ru[0].replacement, None);
    assert!(errors("calendar a {\n  open сб 10:00-16:00\n}\n", Language::Ru).is_empty());
}

/// Attack 12, L5: a negative number past the range read "is too large".
/// Each side is named for what it is, with the range in the help.
#[test]
fn a_number_out_of_range_is_too_large_or_too_small_with_the_range() {
    let said = |number: &str, language| {
        let spec = format!("sla s for m {{\n  target nps >= {number}\n}}\n");
        let found = errors(&spec, language);
        assert_eq!(found.len(), 1, "{number}: {found:?}");
        (found[0].message.clone(), found[0].help.clone())
    };
    let (message, help) = said("-9223372036854775809", Language::En);
    assert_eq!(message, "the number -9223372036854775809 is too small");
    assert!(
        help.contains("between −1,000,000,000,000 and 1,000,000,000,000"),
        "{help}"
    );
    let (message, _) = said("9223372036854775809", Language::En);
    assert_eq!(message, "the number 9223372036854775809 is too large");
    let (message, help) = said("-99999999999999", Language::Ru);
    assert_eq!(message, "число -99999999999999 слишком мало");
    assert!(help.contains("−1 000 000 000 000"), "{help}");
    // In range either way: silent.
    assert!(errors("sla s for m {\n  target nps >= -50\n}\n", Language::En).is_empty());
}
