//! Safe file names derived from identifiers. (Writing them is
//! [`super::output`].)

use std::collections::HashSet;

/// A stem leaves room in a file name (255 bytes) for `-N` and an extension.
pub const MAX_STEM_BYTES: usize = 200;

/// Names on Windows that are devices whatever their extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file stem for an identifier: lower case (so `Foo` and `foo` cannot clash
/// on a case-insensitive disk), letters, digits, `_` and `-` only.
pub fn safe_stem(id: &str) -> String {
    let mut stem: String = id
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem = stem.trim_matches('-').to_string();
    // Cut to whole characters within the byte budget: a name of 100 Chinese
    // characters is 300 bytes, more than a file name may hold.
    if stem.len() > MAX_STEM_BYTES {
        let mut cut = MAX_STEM_BYTES;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
    }
    if stem.is_empty() {
        stem.push_str("item");
    }
    if RESERVED.contains(&stem.as_str()) {
        stem.push('_');
    }
    stem
}

/// Hands out unique stems: the second `foo` (or `Foo`) becomes `foo-2`.
#[derive(Default)]
pub struct Stems {
    used: HashSet<String>,
    /// The next number to try for each base, so that many names with one
    /// stem cost linear time, not quadratic.
    next: std::collections::HashMap<String, usize>,
}

impl Stems {
    pub fn unique(&mut self, id: &str) -> String {
        let base = safe_stem(id);
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_and_unique() {
        assert_eq!(safe_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_stem("CON"), "con_");
        assert_eq!(safe_stem("Замер"), "замер");
        assert_eq!(safe_stem("..."), "item");
        let mut stems = Stems::default();
        assert_eq!(stems.unique("Foo"), "foo");
        assert_eq!(stems.unique("foo"), "foo-2");
        assert_eq!(stems.unique("foo-2"), "foo-2-2");
    }

    #[test]
    fn stems_fit_a_file_name_in_bytes() {
        let cjk = "客".repeat(100);
        let stem = safe_stem(&cjk);
        assert!(stem.len() <= MAX_STEM_BYTES, "{}", stem.len());
        let mut stems = Stems::default();
        let a = stems.unique(&cjk);
        let b = stems.unique(&format!("{cjk}x"));
        assert_ne!(a, b);
        assert!(b.len() + ".docx".len() <= super::super::output::MAX_NAME_BYTES);
    }
}
