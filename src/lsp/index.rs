//! What each name in a file is: the declaration it introduces, or the kinds
//! of declaration it may refer to (from the statement's form: `owner
//! TEAM-OR-ROLE`, `next STEP`). Read from the lossless tree, so it works on a
//! file that does not parse yet; steps are named within their journey.

use crate::source::FileId;
use crate::syntax::ast::DeclKind;
use crate::syntax::forms;
use crate::syntax::tree::{NodeKind, SyntaxTree, TokenKind};
use std::ops::Range;

/// A name in the text.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    pub range: Range<usize>,
    pub name: String,
    /// It declares the name (rather than refers to it).
    pub definition: bool,
    /// What it declares (one kind), or what it may refer to.
    pub kinds: Vec<DeclKind>,
    /// The journey of a step: steps are named within their journey.
    pub journey: Option<String>,
}

impl Occurrence {
    /// Whether `self` (a reference or a definition) names the declaration `def`.
    pub(crate) fn names(&self, def: &Occurrence) -> bool {
        def.definition
            && def.name == self.name
            && self.kinds.contains(&def.kinds[0])
            && (def.kinds[0] != DeclKind::Step || def.journey == self.journey)
    }
}

/// A declaration, for the outline.
#[derive(Debug, Clone)]
pub(crate) struct Symbol {
    pub kind: DeclKind,
    pub name: Option<String>,
    pub title: Option<String>,
    /// The whole declaration.
    pub range: Range<usize>,
    /// Its name (or keyword when it has none).
    pub selection: Range<usize>,
    /// Its body, `{` to `}`, when it has one.
    pub body: Option<Range<usize>>,
    pub children: Vec<Symbol>,
}

#[derive(Debug, Default)]
pub(crate) struct FileIndex {
    pub occurrences: Vec<Occurrence>,
    pub symbols: Vec<Symbol>,
    /// Every duration written (`20s`, `3d`, `3wd`), for hover.
    pub durations: Vec<Range<usize>>,
}

impl FileIndex {
    pub(crate) fn at(&self, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.range.start <= offset && offset <= o.range.end)
    }

    /// The innermost declaration whose body holds `offset`, with the
    /// journey around it.
    pub(crate) fn enclosing(&self, offset: usize) -> Option<(&Symbol, Option<&Symbol>)> {
        let inside = |s: &&Symbol| {
            s.body
                .as_ref()
                .is_some_and(|b| b.start < offset && offset < b.end.max(b.start + 1))
        };
        let outer = self.symbols.iter().find(inside)?;
        match outer.children.iter().find(inside) {
            Some(step) => Some((step, Some(outer))),
            None => Some((outer, None)),
        }
    }
}

/// The kinds a placeholder of a statement's form names.
fn placeholder_kinds(word: &str) -> &'static [DeclKind] {
    match word.trim_end_matches(',') {
        "TEAM-OR-ROLE" => &[DeclKind::Team, DeclKind::Role],
        "TEAM" => &[DeclKind::Team],
        "ROLE" => &[DeclKind::Role],
        "CALENDAR" => &[DeclKind::Calendar],
        "SEGMENT" => &[DeclKind::Segment],
        "CHANNEL" => &[DeclKind::Channel],
        "CUSTOMER-TYPE" => &[DeclKind::CustomerType],
        "JOURNEY" => &[DeclKind::Journey],
        "STEP" => &[DeclKind::Step],
        _ => &[],
    }
}

/// What a name in statement `keyword` of a `within` declaration may refer
/// to, given the word before it; empty when it is not a reference (a metric,
/// a channel kind, a remedy).
pub(crate) fn expected(within: DeclKind, keyword: &str, before: &str) -> Vec<DeclKind> {
    if before == "escalate" || (keyword == "escalate" && before == "to") {
        return vec![DeclKind::Role];
    }
    if keyword == "journey" && within == DeclKind::Promise {
        return vec![if before == "from" || before == "to" {
            DeclKind::Step
        } else {
            DeclKind::Journey
        }];
    }
    let Some(form) = forms::statements(within)
        .iter()
        .find(|f| f.keyword == keyword)
    else {
        return Vec::new();
    };
    let mut kinds: Vec<DeclKind> = Vec::new();
    for word in form.form.split_whitespace().skip(1) {
        for &kind in placeholder_kinds(word.trim_matches(['[', ']'])) {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    kinds
}

/// The closed set of words a statement takes, if its form lists one
/// (`kind phone|chat|...`, `language en|ru`).
pub(crate) fn choices(within: DeclKind, keyword: &str) -> Vec<&'static str> {
    forms::statements(within)
        .iter()
        .find(|f| f.keyword == keyword)
        .and_then(|f| f.form.split_whitespace().find(|w| w.contains('|')))
        .map(|w| w.split('|').collect())
        .unwrap_or_default()
}

pub(crate) fn index(text: &str) -> FileIndex {
    let parsed = crate::syntax::parse_with(FileId(0), text, true);
    let Some(tree) = parsed.tree else {
        return FileIndex::default();
    };
    let mut index = Indexer {
        text,
        tree: &tree,
        out: FileIndex::default(),
    }
    .run();
    index.durations = tree
        .tokens()
        .filter(|(kind, _)| *kind == TokenKind::Duration)
        .map(|(_, range)| range)
        .collect();
    index
}

struct Indexer<'a> {
    text: &'a str,
    tree: &'a SyntaxTree,
    out: FileIndex,
}

impl Indexer<'_> {
    fn words(&self, range: Range<u32>) -> Vec<(TokenKind, Range<usize>)> {
        (range.start as usize..range.end as usize)
            .map(|i| (self.tree.token_kind(i), self.tree.token_range(i)))
            .filter(|(k, _)| !k.is_trivia() && *k != TokenKind::Newline)
            .collect()
    }

    fn run(mut self) -> FileIndex {
        let nodes = self.tree.nodes();
        // The declarations open around the current node, by depth.
        let mut open: Vec<(DeclKind, Option<String>)> = Vec::new();
        let mut depths: Vec<u16> = Vec::new();
        for node in nodes {
            while depths.last().is_some_and(|&d| d >= node.depth) {
                depths.pop();
                open.pop();
            }
            let journey = open
                .iter()
                .rev()
                .find(|(k, _)| *k == DeclKind::Journey)
                .and_then(|(_, n)| n.clone());
            match node.kind {
                NodeKind::Declaration(kind) => {
                    // The block runs from its `{` (the body node itself
                    // starts at its first statement) to the declaration's end.
                    let brace = (node.first..node.end)
                        .find(|&t| self.tree.token_kind(t as usize) == TokenKind::LBrace);
                    let header_end = brace.unwrap_or(node.end);
                    let range = self.tree.node_range(node);
                    let name = self.declaration(kind, node.first..header_end, journey.clone());
                    let symbol = Symbol {
                        kind,
                        name: name.as_ref().map(|(n, _)| n.clone()),
                        title: self.title(node.first..header_end),
                        range: range.clone(),
                        selection: name
                            .map_or_else(|| self.tree.token_range(node.first as usize), |(_, r)| r),
                        body: brace.map(|b| self.tree.token_range(b as usize).start..range.end),
                        children: Vec::new(),
                    };
                    // Steps and phases belong to the journey around them.
                    match (kind.is_nested(), self.out.symbols.last_mut()) {
                        (true, Some(parent)) if parent.kind == DeclKind::Journey => {
                            parent.children.push(symbol)
                        }
                        _ => self.out.symbols.push(symbol),
                    }
                    open.push((kind, self.out_name_of_last(kind)));
                    depths.push(node.depth);
                }
                NodeKind::Statement => {
                    if let Some(&(within, _)) = open.last() {
                        self.statement(within, node.first..node.end, journey);
                    }
                }
                _ => {}
            }
        }
        self.out
    }

    fn out_name_of_last(&self, kind: DeclKind) -> Option<String> {
        let last = self.out.symbols.last()?;
        if kind.is_nested() {
            last.children.last()?.name.clone()
        } else {
            last.name.clone()
        }
    }

    fn title(&self, header: Range<u32>) -> Option<String> {
        self.words(header)
            .into_iter()
            .find(|(k, _)| *k == TokenKind::String)
            .map(|(_, r)| self.text[r].trim_matches('"').to_string())
    }

    /// The header of a declaration: its name, and the segments of an SLA.
    fn declaration(
        &mut self,
        kind: DeclKind,
        header: Range<u32>,
        journey: Option<String>,
    ) -> Option<(String, Range<usize>)> {
        let words = self.words(header);
        let name = match words.get(1) {
            Some((TokenKind::Ident, range)) => {
                let name = self.text[range.clone()].to_string();
                self.out.occurrences.push(Occurrence {
                    range: range.clone(),
                    name: name.clone(),
                    definition: true,
                    kinds: vec![kind],
                    journey: (kind == DeclKind::Step).then_some(journey).flatten(),
                });
                Some((name, range.clone()))
            }
            _ => None,
        };
        if kind == DeclKind::Sla {
            let after_for = words
                .iter()
                .skip_while(|(_, r)| &self.text[r.clone()] != "for")
                .skip(1);
            for (k, range) in after_for {
                if *k == TokenKind::Ident && &self.text[range.clone()] != "any" {
                    self.out.occurrences.push(Occurrence {
                        range: range.clone(),
                        name: self.text[range.clone()].to_string(),
                        definition: false,
                        kinds: vec![DeclKind::Segment],
                        journey: None,
                    });
                }
            }
        }
        name
    }

    fn statement(&mut self, within: DeclKind, tokens: Range<u32>, journey: Option<String>) {
        let words = self.words(tokens);
        let Some((_, first)) = words.first() else {
            return;
        };
        let keyword = &self.text[first.clone()];
        // `journey J from S to S`: the steps are J's.
        let promised = (keyword == "journey")
            .then(|| words.get(1))
            .flatten()
            .map(|(_, r)| self.text[r.clone()].to_string());
        for pair in words.windows(2) {
            let ((_, before), (kind, range)) = (&pair[0], &pair[1]);
            let name = &self.text[range.clone()];
            if *kind != TokenKind::Ident || name == "any" {
                continue;
            }
            let kinds = expected(within, keyword, &self.text[before.clone()]);
            if kinds.is_empty() {
                continue;
            }
            let journey = if kinds == [DeclKind::Step] && keyword == "journey" {
                promised.clone()
            } else {
                journey.clone()
            };
            self.out.occurrences.push(Occurrence {
                range: range.clone(),
                name: name.to_string(),
                definition: false,
                kinds,
                journey,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_definitions_or_references_of_the_right_kind() {
        let text = "team t { lead r }\nrole r { team t }\nsla s for v { hours c }\n\
            journey j {\n  start a\n  step a { owner t; next b }\n  step b { end }\n}\n\
            promise p { journey j from a to b }\n\
            complaint c { escalate after 1h to r; remedy escalate r, apologize }\n";
        let index = index(text);
        let find = |name: &str, nth: usize| {
            index
                .occurrences
                .iter()
                .filter(|o| o.name == name)
                .nth(nth)
                .unwrap()
                .clone()
        };
        assert!(find("t", 0).definition);
        assert_eq!(find("r", 0).kinds, [DeclKind::Role]);
        assert_eq!(find("v", 0).kinds, [DeclKind::Segment]);
        assert_eq!(find("c", 0).kinds, [DeclKind::Calendar]);
        let a_def = find("a", 1);
        assert!(a_def.definition && a_def.journey.as_deref() == Some("j"));
        assert!(find("a", 0).names(&a_def), "start a");
        assert!(find("a", 2).names(&a_def), "promise from a");
        assert_eq!(find("t", 2).kinds, [DeclKind::Team, DeclKind::Role]);
        assert_eq!(find("j", 1).kinds, [DeclKind::Journey]);
        assert_eq!(
            find("r", 3).kinds,
            [DeclKind::Role],
            "escalate after .. to r"
        );
        assert_eq!(find("r", 3).kinds, [DeclKind::Role], "remedy escalate r");
        assert!(index.occurrences.iter().all(|o| o.name != "apologize"));
        assert_eq!(index.symbols.len(), 6);
        assert_eq!(index.symbols[3].children.len(), 2);
    }
}
