//! What each figure rests on: the rows measured and the rows set aside
//! from it as bad data, with why. A row that names a segment (contacts) or
//! a journey (cases) of the spec is set aside from that one's figures; a
//! row that names none is set aside from every figure of its export.

use crate::measure::flaws::{DataFile, Flaw, Subject};
use crate::measure::Report;
use crate::model::{Idx, Journey, Model, Segment};
use serde::Serialize;
use std::collections::BTreeMap;

/// Rows set aside from one figure, per kind (`before:answered`, …).
#[derive(Debug, Default, Serialize)]
pub struct SetAsideView {
    pub rows: u64,
    pub why: Vec<WhyView>,
    /// As `measure.json` prints it: `3 (before:answered 2, bad-time:created
    /// 1)`, empty for none (the reports say it in words, see `Said`).
    pub text: String,
    /// The kinds, for the reports' words.
    #[serde(skip)]
    pub kinds: Vec<(Flaw, u64)>,
}

#[derive(Debug, Serialize)]
pub struct WhyView {
    pub kind: String,
    pub count: u64,
}

impl SetAsideView {
    fn of(kinds: BTreeMap<Flaw, u64>) -> SetAsideView {
        let rows = kinds.values().sum();
        let listed: Vec<(Flaw, u64)> = kinds.iter().map(|(&f, &n)| (f, n)).collect();
        let why: Vec<WhyView> = kinds
            .into_iter()
            .map(|(flaw, count)| WhyView {
                kind: flaw.name(),
                count,
            })
            .collect();
        let words: Vec<String> = why
            .iter()
            .map(|w| format!("{} {}", w.kind, w.count))
            .collect();
        let text = if rows == 0 {
            String::new()
        } else {
            format!("{rows} ({})", words.join(", "))
        };
        SetAsideView {
            rows,
            why,
            text,
            kinds: listed,
        }
    }
}

/// The rows set aside per subject, and those that name none, per export.
pub struct Basis<'a> {
    report: &'a Report,
    /// Per export: the rows set aside that name no segment or journey of
    /// the spec, per kind.
    nameless: BTreeMap<DataFile, BTreeMap<Flaw, u64>>,
}

impl<'a> Basis<'a> {
    pub fn new(report: &'a Report) -> Basis<'a> {
        let mut nameless: BTreeMap<DataFile, BTreeMap<Flaw, u64>> = BTreeMap::new();
        let rows = report.flaws.all.iter().filter(|((_, f), _)| f.is_row());
        for (&(file, flaw), seen) in rows {
            *nameless.entry(file).or_default().entry(flaw).or_default() += seen.count;
        }
        for (subject, kinds) in &report.flaws.by_subject {
            let file = match subject {
                Subject::Segment(_) => DataFile::Contacts,
                Subject::Journey(_) => DataFile::Cases,
            };
            let left = nameless.entry(file).or_default();
            for (flaw, count) in kinds {
                if let Some(n) = left.get_mut(flaw) {
                    *n -= count;
                }
            }
        }
        for kinds in nameless.values_mut() {
            kinds.retain(|_, n| *n > 0);
        }
        Basis { report, nameless }
    }

    /// Set aside from a figure over these subjects: theirs, and the rows of
    /// the export that name none.
    fn set_aside(&self, file: DataFile, subjects: impl Iterator<Item = Subject>) -> SetAsideView {
        let mut kinds = self.nameless.get(&file).cloned().unwrap_or_default();
        for subject in subjects {
            for (&flaw, &count) in self.report.flaws.of(subject).into_iter().flatten() {
                *kinds.entry(flaw).or_default() += count;
            }
        }
        SetAsideView::of(kinds)
    }

    /// Rows set aside from the figures of a segment.
    pub fn segment(&self, segment: Idx<Segment>) -> SetAsideView {
        self.set_aside(DataFile::Contacts, [Subject::Segment(segment)].into_iter())
    }

    /// From a figure over several segments (a promise, a complaint rule);
    /// none listed: every segment.
    pub fn segments(&self, model: &Model, listed: &[Idx<Segment>]) -> SetAsideView {
        let all: Vec<Idx<Segment>> = if listed.is_empty() {
            model.segments.iter().map(|(id, _)| id).collect()
        } else {
            listed.to_vec()
        };
        self.set_aside(DataFile::Contacts, all.into_iter().map(Subject::Segment))
    }

    pub fn journey(&self, journey: Idx<Journey>) -> SetAsideView {
        self.set_aside(DataFile::Cases, [Subject::Journey(journey)].into_iter())
    }

    /// Rows set aside that name no segment or journey of the spec.
    pub fn nameless(&self, file: DataFile) -> SetAsideView {
        SetAsideView::of(self.nameless.get(&file).cloned().unwrap_or_default())
    }
}
