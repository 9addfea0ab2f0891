//! The bottom layer: what every other layer shares and which names nothing
//! above it. The language a text is written in, lengths of time and how
//! they were written, and number formatting live here because `i18n` words
//! them, `diagnostic` renders in a language and `syntax` parses them.
//! Parsing stays in `syntax::values` (the errors it gives are messages, a
//! layer up), which re-exports these types for the rest of the crate.
//!
//! The layers, lowest first (tests/layers.rs keeps them, reading the
//! source; imports go down only): `base`, `escape`, `source` → `i18n` →
//! `diagnostic` → `syntax` → `config`, `loader` (reading a spec's files
//! and `cxc.yaml`) → `model` → `check` → `generate`, `staffing`,
//! `measure`, `pipeline`, `format` → `explain`, `init` → `cli`, `lsp`.
//! Graph walks (`base::graph`) are here too: the loader orders includes
//! with them and `check` finds circles with them; `base::loops` is the
//! longest way through a journey, each loop once.

pub mod graph;
pub mod loops;
pub mod time;

/// Declares a closed set of words the language accepts in one position, with
/// its parser (`None` for an unknown word) and its spelling.
macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub const WORDS: &'static [&'static str] = &[$($word),*];

            pub fn from_word(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$variant),)* _ => None }
            }

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

word_enum! {
    /// The language of generated documents.
    Language { En = "en", Ru = "ru" }
}

/// `12.50` → `12.5`, `80.0` → `80`.
pub fn trim_float(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// "64 MB", "1.5 KB", "12 bytes".
pub fn bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")];
    for (size, unit) in UNITS {
        if n >= size {
            let value = n as f64 / size as f64;
            let text = format!("{value:.1}");
            return format!("{} {unit}", text.trim_end_matches(".0"));
        }
    }
    format!("{n} bytes")
}
