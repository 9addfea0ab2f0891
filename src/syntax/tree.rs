//! The lossless syntax tree: every byte of the source is in exactly one
//! token — whitespace, comments, even text that does not parse — so the
//! text round-trips and a formatter or an editor can work from it.
//!
//! It is flat and small on purpose: a token is a kind and a start offset
//! (5 bytes), a node a kind and a token range, in preorder. rust-analyzer's
//! `rowan` was the alternative: it shares identical subtrees and has parent
//! pointers and cheap edits, which an IDE of a big language needs; a spec is
//! parsed whole in milliseconds, so cxc re-parses on every edit and keeps
//! the tree at a fraction of rowan's size (no per-node allocation or
//! reference count), which matters at a million steps.

use super::ast::DeclKind;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Whitespace,
    Newline,
    Comment,
    /// A word the grammar reads as a keyword here.
    Keyword,
    Ident,
    String,
    Integer,
    Decimal,
    Percent,
    Duration,
    Date,
    Time,
    /// `mon-fri`
    DayRange,
    /// `24x7`
    Always,
    /// `>=` and friends.
    Comparison,
    LBrace,
    RBrace,
    Semicolon,
    Comma,
    Dash,
    /// Text skipped after a syntax error.
    Error,
}

impl TokenKind {
    /// Whitespace and comments: what the grammar skips between tokens.
    pub fn is_trivia(self) -> bool {
        matches!(self, TokenKind::Whitespace | TokenKind::Comment)
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    File,
    Include,
    /// A declaration (a step is a declaration inside a journey).
    Declaration(DeclKind),
    /// `{ ... }` of a declaration.
    Body,
    /// One statement, from its keyword to before its separator.
    Statement,
}

/// A node: its kind and the tokens it covers, `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    pub first: u32,
    pub end: u32,
    /// Nesting depth: 0 for the file.
    pub depth: u16,
}

#[derive(Debug, Default, Clone)]
pub struct SyntaxTree {
    kinds: Vec<TokenKind>,
    starts: Vec<u32>,
    /// Preorder: a node comes before the nodes inside it.
    nodes: Vec<Node>,
    len: u32,
}

impl SyntaxTree {
    pub fn token_count(&self) -> usize {
        self.kinds.len()
    }

    pub fn token_kind(&self, i: usize) -> TokenKind {
        self.kinds[i]
    }

    /// The byte range of token `i`.
    pub fn token_range(&self, i: usize) -> std::ops::Range<usize> {
        let start = self.starts[i] as usize;
        let end = self.starts.get(i + 1).map_or(self.len, |&s| s) as usize;
        start..end
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The byte range a node covers.
    pub fn node_range(&self, node: &Node) -> std::ops::Range<usize> {
        if node.first == node.end {
            let at = self
                .starts
                .get(node.first as usize)
                .map_or(self.len, |&s| s) as usize;
            return at..at;
        }
        self.token_range(node.first as usize).start..self.token_range(node.end as usize - 1).end
    }

    /// The tokens, as (kind, range), in order.
    pub fn tokens(&self) -> impl Iterator<Item = (TokenKind, std::ops::Range<usize>)> + '_ {
        (0..self.kinds.len()).map(|i| (self.kinds[i], self.token_range(i)))
    }
}

/// Builds a tree as the parser goes; a no-op when no tree is wanted.
#[derive(Default)]
pub struct TreeBuilder {
    tree: Option<SyntaxTree>,
    open: Vec<usize>,
}

impl TreeBuilder {
    pub fn new(wanted: bool) -> Self {
        TreeBuilder {
            tree: wanted.then(SyntaxTree::default),
            open: Vec::new(),
        }
    }

    pub fn token(&mut self, kind: TokenKind, start: usize) {
        if let Some(tree) = &mut self.tree {
            tree.kinds.push(kind);
            tree.starts.push(start as u32);
        }
    }

    pub fn start(&mut self, kind: NodeKind) {
        if let Some(tree) = &mut self.tree {
            let first = tree.kinds.len() as u32;
            tree.nodes.push(Node {
                kind,
                first,
                end: first,
                depth: self.open.len() as u16,
            });
            self.open.push(tree.nodes.len() - 1);
        }
    }

    pub fn finish(&mut self) {
        if let (Some(tree), Some(node)) = (&mut self.tree, self.open.pop()) {
            tree.nodes[node].end = tree.kinds.len() as u32;
        }
    }

    pub fn build(mut self, len: usize) -> Option<SyntaxTree> {
        while !self.open.is_empty() {
            self.finish();
        }
        let mut tree = self.tree?;
        tree.len = len as u32;
        Some(tree)
    }
}
