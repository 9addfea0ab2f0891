//! Names: every identifier of a spec is a [`Name`], and every mention of one
//! name in a file shares one allocation, so a million `owner support` lines
//! hold one `support` and the model's references cost a pointer each.

use serde::{Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An identifier as written.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    pub fn new(text: &str) -> Name {
        Name(Arc::from(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Name {
    fn default() -> Name {
        Name::new("")
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Hands out one [`Name`] per distinct text of a file. (foldhash: several
/// times faster than SipHash on short names, and seeded per process, so a
/// spec cannot be written to collide.)
#[derive(Default)]
pub(crate) struct Interner<'t> {
    names: foldhash::HashMap<&'t str, Name>,
}

impl<'t> Interner<'t> {
    /// Sized for the names a text of this length usually holds (one new
    /// name per 100 bytes or so), so the table rarely grows.
    pub(crate) fn for_text(text: &str) -> Interner<'_> {
        Interner {
            names: foldhash::HashMap::with_capacity_and_hasher(
                text.len() / 100,
                Default::default(),
            ),
        }
    }

    /// The name of `text` in Unicode's composed form ([`nfc`]).
    pub(crate) fn intern(&mut self, text: &'t str) -> Name {
        self.names
            .entry(text)
            .or_insert_with(|| Name::new(&nfc(text)))
            .clone()
    }
}

/// `text` in Unicode Normalization Form C: an identifier written with a
/// decomposed letter (и + U+0306 for «й», е + U+0308 for «ё», e + U+0301 for
/// «é», as text copied from macOS file names or PDFs arrives) is the same
/// name as the composed one (UAX #31 §1.3). ASCII, and text already
/// composed, is returned as it is.
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(text)
}

/// A name is a message argument as written (here, not in `i18n`, which
/// sits below `syntax` and knows no names).
impl From<&Name> for crate::i18n::Arg {
    fn from(name: &Name) -> Self {
        crate::i18n::Arg::Text(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_allocation_per_text() {
        let mut interner = Interner::default();
        let a = interner.intern("support");
        let b = interner.intern("support");
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "support");
        assert_ne!(a, interner.intern("sales"));
    }
}
