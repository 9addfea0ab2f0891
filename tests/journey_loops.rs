//! The longest way through a journey with loops, each loop once
//! (`cxc::base::loops`), held against a brute-force oracle on small
//! generated journeys: a random DAG of steps, random `next`s back to earlier
//! steps (loops that share steps), step deadlines in running time and in
//! working days, `end`s anywhere. The oracle lists every walk from the
//! start that takes each loop (each back edge of a depth-first search in
//! the spec's order, found by its own recursive search) at most once.
//!
//! What must hold: check's longest way is never shorter than any such walk
//! (a case that goes round each loop once never takes longer than check
//! says); the way it names is a real walk taking each loop at most once,
//! never longer than the total; and where no step of a group of loops is
//! reached by two non-loop `next`s from inside the group, the total is
//! exactly the oracle's and the way named adds up to it. The same for a
//! promise's part of the journey (`from` a step, up to the first arrival at
//! a step, that step's own deadline in or out).

use cxc::check::journeys::{deadline_until, longest_deadline, longest_deadline_between};
use cxc::check::Options;
use cxc::model::{Extreme, Idx, Journey, Step};
use std::collections::HashMap;

/// xorshift64*, as the crate's unit tests use: runs repeat from the seed
/// printed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent as usize
    }
}

/// A generated journey: steps in spec order, each with its `next`s (in
/// order), deadline and whether it is an `end`.
struct Shape {
    next: Vec<Vec<usize>>,
    within: Vec<Option<&'static str>>,
    end: Vec<bool>,
}

const DEADLINES: &[&str] = &["30m", "1h", "2h", "6h", "1d", "2d", "1wd", "2wd", "3wd"];

fn shape(random: &mut Random) -> Shape {
    let n = 2 + random.below(6);
    // A DAG on a hidden order, then loops back, written in a shuffled order
    // (step 0 stays the start).
    let mut rank: Vec<usize> = (1..n).collect();
    for i in (1..rank.len()).rev() {
        rank.swap(i, random.below(i as u64 + 1));
    }
    rank.insert(0, 0);
    let mut edges = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if random.chance(40) {
                edges.push((rank[a], rank[b]));
            }
        }
    }
    for _ in 0..random.below(5) {
        let a = random.below(n as u64);
        let b = random.below(a as u64 + 1);
        edges.push((rank[a], rank[b]));
    }
    let mut next = vec![Vec::new(); n];
    for i in (1..edges.len()).rev() {
        edges.swap(i, random.below(i as u64 + 1));
    }
    for (a, b) in edges {
        if !next[a].contains(&b) {
            next[a].push(b);
        }
    }
    let within = (0..n)
        .map(|_| match random.below(DEADLINES.len() as u64 + 2) {
            i if i < DEADLINES.len() => Some(DEADLINES[i]),
            _ => None,
        })
        .collect();
    let end = (0..n).map(|_| random.chance(40)).collect();
    Shape { next, within, end }
}

fn spec(shape: &Shape) -> String {
    let mut text = String::from("team t {}\njourney j {\n  start s0\n");
    for (i, next) in shape.next.iter().enumerate() {
        text.push_str(&format!("  step s{i} {{ owner t"));
        if let Some(w) = shape.within[i] {
            text.push_str(&format!("; within {w}"));
        }
        if shape.end[i] {
            text.push_str("; end");
        }
        for b in next {
            text.push_str(&format!("; next s{b}"));
        }
        text.push_str(" }\n");
    }
    text.push_str("}\n");
    text
}

/// The back edges of a depth-first search from `start` over `next`, in order.
fn back_edges(next: &[Vec<usize>], start: usize) -> Vec<(usize, usize)> {
    fn go(v: usize, next: &[Vec<usize>], state: &mut [u8], back: &mut Vec<(usize, usize)>) {
        state[v] = 1;
        for &w in &next[v] {
            match state[w] {
                0 => go(w, next, state, back),
                1 => back.push((v, w)),
                _ => {}
            }
        }
        state[v] = 2;
    }
    let mut state = vec![0; next.len()];
    let mut back = Vec::new();
    go(start, next, &mut state, &mut back);
    back
}

/// The longest walk from step 0 to a target taking each back edge at most
/// once (weights of every step entered, the target's own when `last`).
struct Oracle<'a> {
    next: &'a [Vec<usize>],
    weight: &'a [u64],
    target: &'a dyn Fn(usize) -> bool,
    back: &'a [(usize, usize)],
    last: bool,
    memo: HashMap<(usize, u32), Option<u64>>,
}

impl Oracle<'_> {
    fn longest(&mut self, v: usize, used: u32) -> Option<u64> {
        if let Some(&known) = self.memo.get(&(v, used)) {
            return known;
        }
        let mut best = (self.target)(v).then(|| if self.last { self.weight[v] } else { 0 });
        for &w in &self.next[v] {
            let used = match self.back.iter().position(|&e| e == (v, w)) {
                Some(k) if used & (1 << k) != 0 => continue,
                Some(k) => used | 1 << k,
                None => used,
            };
            if let Some(rest) = self.longest(w, used) {
                best = best.max(Some(self.weight[v] + rest));
            }
        }
        self.memo.insert((v, used), best);
        best
    }
}

fn oracle(
    next: &[Vec<usize>],
    weight: &[u64],
    target: &dyn Fn(usize) -> bool,
    back: &[(usize, usize)],
    last: bool,
) -> Option<u64> {
    Oracle {
        next,
        weight,
        target,
        back,
        last,
        memo: HashMap::new(),
    }
    .longest(0, 0)
}

/// Whether every step of a group of loops (steps that reach each other) is
/// reached by at most one non-loop `next` from inside its group: then each
/// loop hangs on one tree and one case can go round all of them.
fn one_tree(next: &[Vec<usize>], back: &[(usize, usize)]) -> bool {
    let n = next.len();
    let mut reach = vec![vec![false; n]; n];
    for (a, next) in next.iter().enumerate() {
        reach[a][a] = true;
        for &b in next {
            reach[a][b] = true;
        }
    }
    for k in 0..n {
        for a in 0..n {
            for b in 0..n {
                reach[a][b] |= reach[a][k] && reach[k][b];
            }
        }
    }
    (0..n).all(|b| {
        (0..n)
            .filter(|&a| {
                next[a].contains(&b) && !back.contains(&(a, b)) && reach[b][a] && reach[a][b]
            })
            .count()
            <= 1
    })
}

/// Checks one way check found against the oracle's longest.
fn judge(
    what: &str,
    found: Option<(u64, Vec<usize>)>,
    next: &[Vec<usize>],
    weight: &[u64],
    target: &dyn Fn(usize) -> bool,
    last: bool,
    exact: bool,
) {
    let back = back_edges(next, 0);
    let expected = oracle(next, weight, target, &back, last);
    let Some((total, way)) = found else {
        assert_eq!(expected.unwrap_or(0), 0, "{what}: check found no way");
        return;
    };
    let expected = expected.unwrap_or_else(|| panic!("{what}: check found {way:?}, no walk does"));
    assert!(
        total >= expected,
        "{what}: check's longest {total} is shorter than a walk taking each loop once ({expected})"
    );
    assert_eq!(way.first(), Some(&0), "{what}: {way:?}");
    assert!(
        target(*way.last().unwrap()),
        "{what}: {way:?} ends off target"
    );
    for pair in way.windows(2) {
        assert!(
            next[pair[0]].contains(&pair[1]),
            "{what}: {way:?} is no walk"
        );
    }
    for edge in &back {
        let times = way.windows(2).filter(|p| (p[0], p[1]) == *edge).count();
        assert!(
            times <= 1,
            "{what}: {way:?} takes the loop {edge:?} {times} times"
        );
    }
    let mut sum: u64 = way.iter().map(|&s| weight[s]).sum();
    if !last {
        sum -= weight[*way.last().unwrap()];
    }
    assert!(
        sum <= total,
        "{what}: {way:?} adds up to {sum}, more than {total}"
    );
    if exact {
        assert_eq!(total, expected, "{what}: loops on one tree: exact");
        assert_eq!(sum, total, "{what}: {way:?} should add up to the total");
    }
}

fn steps(way: Vec<Idx<Step>>) -> Vec<usize> {
    way.into_iter().map(Idx::index).collect()
}

fn journey(compiled: &cxc::pipeline::Compilation) -> &Journey {
    compiled.specs[0].model.journeys.values().next().unwrap()
}

#[test]
fn the_longest_way_takes_each_loop_once_as_every_walk_does() {
    let seed = 0x00c0_ffee_2026_0606;
    println!("seed {seed:#x}");
    let mut random = Random(seed);
    let (mut judged, mut exact_cases, mut looped) = (0, 0, 0);
    for round in 0..3000 {
        let shape = shape(&mut random);
        let text = spec(&shape);
        let compiled = cxc::pipeline::compile_bytes("j.cx", text.as_bytes(), &Options::default());
        let journey = journey(&compiled);
        let weight: Vec<u64> = journey
            .steps
            .values()
            .map(|s| {
                s.within.map_or(0, |w| {
                    cxc::model::workdays::running(w.value, None, Extreme::Longest).seconds()
                })
            })
            .collect();
        let what = format!("seed {seed:#x} round {round}\n{text}");
        let is_end = |s: usize| shape.end[s];
        let back = back_edges(&shape.next, 0);
        let exact = one_tree(&shape.next, &back);
        looped += usize::from(back.len() > 1);
        exact_cases += usize::from(exact && back.len() > 1);
        // The whole journey: a way may go on past an `end` that has a next.
        let found = longest_deadline(journey).map(|(d, w)| (d.seconds(), steps(w)));
        judge(&what, found, &shape.next, &weight, &is_end, true, exact);
        // A promise from the start up to a step: the way stops at its first
        // arrival there (no way on from it).
        let to = random.below(shape.next.len() as u64);
        let mut stopped = shape.next.clone();
        stopped[to].clear();
        let back = back_edges(&stopped, 0);
        let exact = one_tree(&stopped, &back);
        let at_to = |s: usize| s == to;
        let (from, to_step) = (Idx::new(0), Some(Idx::new(to)));
        let found =
            longest_deadline_between(journey, from, to_step).map(|(d, w)| (d.seconds(), steps(w)));
        judge(&what, found, &stopped, &weight, &at_to, true, exact);
        // Up to that step, its own deadline left out (the way named stops
        // before it).
        let found = deadline_until(journey, from, to_step).map(|(d, mut w)| {
            w.push(Idx::new(to));
            (d.seconds(), steps(w))
        });
        judge(&what, found, &stopped, &weight, &at_to, false, exact);
        judged += 1;
    }
    println!("{judged} journeys, {looped} with two loops or more, {exact_cases} of them exact");
    assert!(looped > 500 && exact_cases > 200, "{looped} {exact_cases}");
}
