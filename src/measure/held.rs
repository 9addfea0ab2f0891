//! Every visit of a cases export, held until the export ends so that its
//! rows need not be sorted: a case is every row with its id, wherever the
//! row lies. A visit takes 48 bytes and a case's id is kept once, with the
//! segment its visits name (the cases export's optional `segment`).

use super::journeys::Stop;
use crate::model::{Idx, Journey, Segment, Step};
use jiff::Timestamp;

/// The segment a case's visits name: none (no visit names one: the case
/// counts for every segment, as without the column), one (visits naming
/// none agree with it), or several — the case contradicts itself, and the
/// line of the first visit that named a second segment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseSegment {
    #[default]
    Unnamed,
    One(Idx<Segment>),
    Mixed(u64),
}

impl CaseSegment {
    fn with(self, segment: Option<Idx<Segment>>, line: u64) -> CaseSegment {
        match (self, segment) {
            (_, None) | (CaseSegment::Mixed(_), _) => self,
            (CaseSegment::Unnamed, Some(s)) => CaseSegment::One(s),
            (CaseSegment::One(a), Some(b)) if a == b => self,
            (CaseSegment::One(_), Some(_)) => CaseSegment::Mixed(line),
        }
    }
}

/// One id's visits, as [`Held::cases`] gives them back.
pub struct HeldCase {
    /// Its number, as [`Held::number`] gives it.
    pub number: u32,
    pub journey: Idx<Journey>,
    pub id: Box<str>,
    pub segment: CaseSegment,
    /// In no particular order.
    pub stops: Vec<Stop>,
}

/// One visit, packed: `left_ns` −1 and `NaN` say "none".
#[derive(Debug, Clone, Copy)]
struct Packed {
    case: u32,
    step: u32,
    entered_s: i64,
    left_s: i64,
    entered_ns: i32,
    left_ns: i32,
    csat: f64,
    effort: f64,
}

const _: () = assert!(std::mem::size_of::<Packed>() == 48);

#[derive(Default)]
pub struct Held {
    /// Per journey, each case id and its number; foldhash, seeded per
    /// process (the order is never seen: `cases` sorts by id).
    ids: Vec<foldhash::HashMap<Box<str>, u32>>,
    count: u32,
    visits: Vec<Packed>,
    /// Per case number, the segment its visits name.
    segments: Vec<CaseSegment>,
}

impl Held {
    /// A visit of `case`, read at `line`, naming `segment` (or none).
    pub fn add(
        &mut self,
        journey: Idx<Journey>,
        case: &str,
        stop: Stop,
        segment: Option<Idx<Segment>>,
        line: u64,
    ) {
        if self.ids.len() <= journey.index() {
            self.ids.resize_with(journey.index() + 1, Default::default);
        }
        let ids = &mut self.ids[journey.index()];
        let case = match ids.get(case) {
            Some(&n) => n,
            None => {
                let n = self.count;
                self.count = n.checked_add(1).expect("fewer than 2³² cases");
                ids.insert(Box::from(case), n);
                self.segments.push(CaseSegment::Unnamed);
                n
            }
        };
        let named = &mut self.segments[case as usize];
        *named = named.with(segment, line);
        let left = stop.left;
        self.visits.push(Packed {
            case,
            step: u32::try_from(stop.step.index()).expect("a step index fits"),
            entered_s: stop.entered.as_second(),
            entered_ns: stop.entered.subsec_nanosecond(),
            left_s: left.map_or(0, |l| l.as_second()),
            left_ns: left.map_or(-1, |l| l.subsec_nanosecond()),
            csat: stop.csat.unwrap_or(f64::NAN),
            effort: stop.effort.unwrap_or(f64::NAN),
        });
    }

    /// The number of the id `case` in `journey`, when it has visits.
    pub fn number(&self, journey: Idx<Journey>, case: &str) -> Option<u32> {
        self.ids.get(journey.index())?.get(case).copied()
    }

    /// The numbers of the id `case` in every journey it has visits in.
    pub fn numbers<'a>(&'a self, case: &'a str) -> impl Iterator<Item = (Idx<Journey>, u32)> + 'a {
        (self.ids.iter().enumerate())
            .filter_map(move |(j, ids)| ids.get(case).map(|&n| (Idx::new(j), n)))
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// The segment each case names, by number.
    pub fn segments(&self) -> &[CaseSegment] {
        &self.segments
    }

    /// The latest time of the visits of the cases `kept` keeps (by number):
    /// its `left`, or its `entered` when later or without one.
    pub fn latest(&self, kept: impl Fn(u32) -> bool) -> Option<Timestamp> {
        let at = |s: i64, ns: i32| Timestamp::new(s, ns).expect("was a timestamp");
        (self.visits.iter())
            .filter(|v| kept(v.case))
            .map(|v| {
                let entered = at(v.entered_s, v.entered_ns);
                match v.left_ns >= 0 {
                    true => at(v.left_s, v.left_ns).max(entered),
                    false => entered,
                }
            })
            .max()
    }

    /// Each id's visits, by journey and then id.
    pub fn cases(self) -> impl Iterator<Item = HeldCase> {
        let mut order: Vec<(Idx<Journey>, Box<str>, u32)> = self
            .ids
            .into_iter()
            .enumerate()
            .flat_map(|(j, ids)| {
                ids.into_iter()
                    .map(move |(id, n)| (Idx::<Journey>::new(j), id, n))
            })
            .collect();
        order.sort_unstable_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut rank = vec![0u32; order.len()];
        for (r, (_, _, n)) in order.iter().enumerate() {
            rank[*n as usize] = r as u32;
        }
        let segments = self.segments;
        let mut named: Vec<(Idx<Journey>, Option<Box<str>>, CaseSegment)> = order
            .into_iter()
            .map(|(j, id, n)| (j, Some(id), segments[n as usize]))
            .collect();
        let mut visits = self.visits;
        visits.sort_unstable_by_key(|v| rank[v.case as usize]);
        let mut visits = visits.into_iter().peekable();
        std::iter::from_fn(move || {
            let first = visits.next()?;
            let case = first.case;
            let mut stops = vec![unpack(first)];
            while let Some(v) = visits.next_if(|v| v.case == case) {
                stops.push(unpack(v));
            }
            let (journey, id, segment) = &mut named[rank[case as usize] as usize];
            Some(HeldCase {
                number: case,
                journey: *journey,
                id: id.take().unwrap_or_default(),
                segment: *segment,
                stops,
            })
        })
    }
}

fn unpack(v: Packed) -> Stop {
    let at = |s: i64, ns: i32| Timestamp::new(s, ns).expect("was a timestamp");
    let number = |n: f64| (!n.is_nan()).then_some(n);
    Stop {
        step: Idx::<Step>::new(v.step as usize),
        entered: at(v.entered_s, v.entered_ns),
        left: (v.left_ns >= 0).then(|| at(v.left_s, v.left_ns)),
        csat: number(v.csat),
        effort: number(v.effort),
    }
}
