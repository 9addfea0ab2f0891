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
