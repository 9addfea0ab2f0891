//! Queueing formulas: Erlang B and Erlang C (M/M/N), and the search for the
//! fewest agents that meet a service-level target.
//!
//! Everything here is plain `f64` arithmetic over the *offered load* `a`
//! (arrival rate × handle time, in Erlangs) and `n` agents. No factorials and
//! no powers: Erlang B comes from its recursion, carried as `1/B` so that it
//! only ever grows, and Erlang C and the service level are derived from it.
//! The one transcendental function, `exp`, comes from `libm`, so results are
//! the same to the last bit on every machine.

use libm::exp;

/// Loads above this many Erlangs are refused before any formula runs: the
/// recursion costs about `10·√a` steps, and no contact centre has a hundred
/// thousand agents on one queue.
pub const MAX_LOAD: f64 = 100_000.0;

/// `1 / B(n, a)`, the reciprocal of the Erlang B blocking probability.
///
/// The recursion `r(k) = 1 + (k/a)·r(k-1)`, `r(0) = 1`, is the textbook stable
/// form. Its relative error shrinks by a factor `1 - B(k)` at every step, so for
/// a large load it may start well below `n` from the approximation
/// `r ≈ a/(a-k)` (exact as `k/a → 0`). Below the load `B(k) ≈ 1 - k/a`, so
/// `w` steps before `min(n, a)` damp the starting error by about
/// `exp(-w²/2a)`: ten standard deviations (`w = 10·√a`) make it `e^-50`,
/// below the last bit of an `f64` (checked against the full recursion for
/// loads from 3 to 100,000 Erlangs). That keeps large queues at `O(√a)`
/// steps without giving up accuracy.
///
/// Returns `f64::INFINITY` once `B` underflows, which callers read as `B = 0`.
pub fn inverse_erlang_b(a: f64, n: u32) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if a <= 0.0 {
        return f64::INFINITY;
    }
    let window = (10.0 * a.sqrt()).ceil();
    let anchor = (n as f64).min(a.floor());
    let (mut k, mut r) = if anchor > window && anchor - window > 0.0 {
        let k0 = anchor - window;
        (k0 as u32, a / (a - k0))
    } else {
        (0, 1.0)
    };
    while k < n {
        k += 1;
        r = 1.0 + (k as f64 / a) * r;
        if r.is_infinite() {
            break;
        }
    }
    r
}

/// Erlang B: the probability that an arrival finds all `n` lines busy in a
/// loss system offered `a` Erlangs.
pub fn erlang_b(a: f64, n: u32) -> f64 {
    1.0 / inverse_erlang_b(a, n)
}

/// Erlang C: the probability that an arrival has to wait, or `None` when
/// `n <= a` (the queue grows without bound and no steady state exists).
pub fn erlang_c(a: f64, n: u32) -> Option<f64> {
    let agents = n as f64;
    if agents <= a {
        return None;
    }
    if a <= 0.0 {
        return Some(0.0);
    }
    Some(erlang_c_from(a, n, inverse_erlang_b(a, n)))
}

/// Erlang C from `r = 1/B(n, a)`, for `n > a > 0`:
/// C = n·B / (n − a·(1 − B)), multiplied through by r.
fn erlang_c_from(a: f64, n: u32, r: f64) -> f64 {
    if r.is_infinite() {
        return 0.0;
    }
    let agents = f64::from(n);
    agents / (r * (agents - a) + a)
}

/// How one queue performs with a given number of agents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Performance {
    /// Share of all arrivals answered within the target time.
    pub service_level: f64,
    /// Share of arrivals that find every agent busy.
    pub wait_probability: f64,
    /// Average wait of answered contacts; `None` when nobody is answered.
    pub asa_seconds: Option<f64>,
    /// Share of agent time spent handling contacts.
    pub occupancy: f64,
    /// Share of arrivals that hang up before an answer (Erlang A only).
    pub abandon_probability: Option<f64>,
}

/// The outcome of staffing a queue with some agents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Stable(Performance),
    /// More work arrives than the agents can handle (Erlang C with `n <= a`).
    Overloaded,
}

impl Outcome {
    pub fn service_level(self) -> f64 {
        match self {
            Outcome::Stable(p) => p.service_level,
            Outcome::Overloaded => 0.0,
        }
    }
}

/// What arrives at a queue in one interval, in rates per second.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Traffic {
    /// Arrivals per second.
    pub arrival_rate: f64,
    /// Average handle time in seconds.
    pub aht: f64,
    /// Average patience in seconds; `Some` selects Erlang A.
    pub patience: Option<f64>,
}

impl Traffic {
    /// Offered load in Erlangs.
    pub fn load(&self) -> f64 {
        self.arrival_rate * self.aht
    }

    /// Performance with `n` agents for a target "answered within `within` seconds".
    pub fn evaluate(&self, n: u32, within: f64) -> Outcome {
        match self.patience {
            Some(patience) => Outcome::Stable(super::erlang_a::evaluate(self, patience, n, within)),
            None => erlang_c_performance(self.load(), self.aht, n, within),
        }
    }

    /// Searches for agents stop here: far beyond any staffing that could
    /// matter, `O(√a)` above the load.
    pub fn search_limit(&self) -> u32 {
        let a = self.load();
        (a.ceil() + 100.0 * a.sqrt() + 100.0) as u32
    }

    /// The fewest agents whose service level reaches `target` (a fraction),
    /// or `None` when no staffing below the search limit reaches it.
    pub fn required_agents(&self, target: f64, within: f64) -> Option<u32> {
        let a = self.load();
        if a <= 0.0 {
            return Some(0);
        }
        // Answered contacts cannot exceed what n agents can handle, so the
        // service level is at most n/a: nothing below target·a can work.
        // Erlang C also needs n > a.
        let limit = self.search_limit();
        let meets = |level: f64| level + 1e-12 >= target;
        match self.patience {
            Some(_) => smallest((target * a).floor() as u32, limit, |n| {
                meets(self.evaluate(n, within).service_level())
            }),
            None => {
                // One recursion step per extra agent: from the first stable
                // staffing up, the answer is rarely more than √a away.
                // The waiting tail `exp(-(n - a)·t/aht)` shrinks by the
                // same factor for each agent added: one `exp` per search.
                let mut n = a.floor() as u32 + 1;
                let mut r = inverse_erlang_b(a, n);
                let mut tail = exp(-(f64::from(n) - a) * within / self.aht);
                let per_agent = exp(-within / self.aht);
                loop {
                    let c = erlang_c_from(a, n, r);
                    if meets(1.0 - c * tail) {
                        return Some(n);
                    }
                    if n >= limit {
                        return None;
                    }
                    n += 1;
                    r = 1.0 + (f64::from(n) / a) * r;
                    tail *= per_agent;
                }
            }
        }
    }
}

/// Erlang C performance measures for `n` agents offered `a` Erlangs.
fn erlang_c_performance(a: f64, aht: f64, n: u32, within: f64) -> Outcome {
    let Some(c) = erlang_c(a, n) else {
        return Outcome::Overloaded;
    };
    let agents = n as f64;
    let spare = agents - a;
    let (service_level, asa) = if a <= 0.0 {
        (1.0, 0.0)
    } else {
        (1.0 - c * exp(-spare * within / aht), c * aht / spare)
    };
    Outcome::Stable(Performance {
        service_level,
        wait_probability: c,
        asa_seconds: Some(asa),
        occupancy: if n == 0 { 0.0 } else { a / agents },
        abandon_probability: None,
    })
}

/// The smallest `n` in `lower..=limit` with `meets(n)`, for a `meets` that is
/// false and then true as `n` grows. Doubling steps then bisection, so a
/// search costs `O(log)` evaluations wherever the answer lies. The limit is
/// tried second: a target no staffing meets (an SLA `target` of 0% waiting,
/// a load of 100,000 Erlangs) costs two evaluations, not a walk to the limit.
pub(super) fn smallest(lower: u32, limit: u32, meets: impl Fn(u32) -> bool) -> Option<u32> {
    if meets(lower) {
        return Some(lower);
    }
    if lower >= limit || !meets(limit) {
        return None;
    }
    let (mut failing, mut step) = (lower, 1u32);
    let passing = loop {
        let probe = failing.saturating_add(step).min(limit);
        if probe >= limit || meets(probe) {
            break probe;
        }
        failing = probe;
        step = step.saturating_mul(2);
    };
    let (mut lo, mut hi) = (failing, passing);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if meets(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} is not within {tolerance} of {expected}"
        );
    }

    /// Peer queues (audit 11, M1; grammar README "Peer queues"): routing
    /// offers a contact to all of them at once, while staffing checks each
    /// with its own agents against its own forecast. The split stays right
    /// because pooling never hurts: agents that meet the target for each
    /// load apart meet it for the loads together, by Erlang C and Erlang A
    /// alike, and together need no more of them. A sweep, no randomness.
    #[test]
    fn peers_staffed_apart_meet_the_target_pooled() {
        let mut checked = 0;
        for per_half_hour in [[5.0, 90.0], [30.0, 30.0], [120.0, 7.0], [300.0, 90.0]] {
            for aht in [180.0, 330.0] {
                for within in [20.0, 60.0] {
                    for patience in [None, Some(180.0)] {
                        let traffic = |calls: f64| Traffic {
                            arrival_rate: calls / 1800.0,
                            aht,
                            patience,
                        };
                        let [a, b] = per_half_hour.map(traffic);
                        let (Some(na), Some(nb)) = (
                            a.required_agents(0.8, within),
                            b.required_agents(0.8, within),
                        ) else {
                            panic!("{per_half_hour:?} cannot be staffed");
                        };
                        let pooled = traffic(per_half_hour[0] + per_half_hour[1]);
                        let level = pooled.evaluate(na + nb, within).service_level();
                        assert!(
                            level + 1e-12 >= 0.8,
                            "{per_half_hour:?} calls, {na}+{nb} agents pooled: {level}"
                        );
                        let together = pooled.required_agents(0.8, within).unwrap();
                        assert!(together <= na + nb, "{per_half_hour:?}: {together}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 32);
    }

    /// 100 calls per 30 minutes, 3 minutes each: the worked example used
    /// throughout call-centre textbooks and calculators.
    fn textbook() -> Traffic {
        Traffic {
            arrival_rate: 100.0 / 1800.0,
            aht: 180.0,
            patience: None,
        }
    }

    fn stable(outcome: Outcome) -> Performance {
        match outcome {
            Outcome::Stable(p) => p,
            Outcome::Overloaded => panic!("expected a stable queue"),
        }
    }

    #[test]
    fn textbook_example_at_fourteen_agents() {
        let traffic = textbook();
        close(traffic.load(), 10.0, 1e-12);
        let p = stable(traffic.evaluate(14, 20.0));
        close(p.wait_probability, 0.174132, 1e-6);
        close(p.service_level, 0.888350, 1e-6);
        close(p.asa_seconds.unwrap(), 7.836, 1e-3);
        close(p.occupancy, 0.714, 1e-3);
        assert_eq!(p.abandon_probability, None);
    }

    #[test]
    fn textbook_example_needs_fourteen_for_80_20() {
        let traffic = textbook();
        close(traffic.evaluate(13, 20.0).service_level(), 0.795595, 1e-6);
        assert_eq!(traffic.required_agents(0.8, 20.0), Some(14));
    }

    #[test]
    fn erlang_b_matches_the_published_table() {
        close(erlang_b(25.0, 30), 0.052603, 1e-6);
        close(erlang_b(10.0, 0), 1.0, 0.0);
        close(erlang_b(1.0, 1), 0.5, 1e-15);
    }

    #[test]
    fn no_agents_at_or_below_the_load_is_overloaded() {
        let traffic = textbook();
        assert_eq!(traffic.evaluate(10, 20.0), Outcome::Overloaded);
        assert_eq!(traffic.evaluate(0, 20.0), Outcome::Overloaded);
        assert_eq!(erlang_c(10.0, 10), None);
        assert!(erlang_c(10.0, 11).is_some());
    }

    #[test]
    fn large_loads_stay_finite_and_sensible() {
        // 1,000 Erlangs: a factorial or a power would overflow long before.
        let b = erlang_b(1000.0, 1000);
        assert!(b.is_finite() && b > 0.0 && b < 0.05, "{b}");
        let c = erlang_c(1000.0, 1030).unwrap();
        assert!(c.is_finite() && c > 0.0 && c < 1.0, "{c}");
        let traffic = Traffic {
            arrival_rate: 1000.0 / 180.0,
            aht: 180.0,
            patience: None,
        };
        let needed = traffic.required_agents(0.8, 20.0).unwrap();
        assert!((1001..1100).contains(&needed), "{needed}");
        assert!(traffic.evaluate(needed, 20.0).service_level() >= 0.8);
        assert!(traffic.evaluate(needed - 1, 20.0).service_level() < 0.8);
    }

    #[test]
    fn the_shortcut_start_agrees_with_the_full_recursion() {
        for &(a, n) in &[
            (5000.0, 5000u32),
            (5000.0, 4700),
            (5000.0, 5300),
            (20000.5, 20100),
        ] {
            let mut full = 1.0f64;
            for k in 1..=n {
                full = 1.0 + (k as f64 / a) * full;
            }
            let fast = inverse_erlang_b(a, n);
            assert!(
                ((fast - full) / full).abs() < 1e-14,
                "a={a} n={n}: {fast} vs {full}"
            );
        }
    }

    #[test]
    fn zero_load_needs_no_agents() {
        let idle = Traffic {
            arrival_rate: 0.0,
            aht: 180.0,
            patience: None,
        };
        assert_eq!(idle.required_agents(0.8, 20.0), Some(0));
        let p = stable(idle.evaluate(3, 20.0));
        assert_eq!((p.service_level, p.occupancy), (1.0, 0.0));
    }

    #[test]
    fn an_impossible_target_is_reported_not_searched_forever() {
        // Everyone answered within no time at all: only infinitely many agents.
        let traffic = textbook();
        assert_eq!(traffic.required_agents(1.0 + 1e-9, 0.0), None);
    }

    #[test]
    fn a_search_past_every_staffing_stops_at_the_limit_at_once() {
        let probes = std::cell::Cell::new(0u32);
        let found = smallest(80_000, 131_700, |_| {
            probes.set(probes.get() + 1);
            false
        });
        assert_eq!((found, probes.get()), (None, 2));
    }

    #[test]
    fn the_search_finds_the_first_passing_value() {
        for answer in 0..200u32 {
            assert_eq!(
                smallest(3, 150, |n| n >= answer),
                (answer <= 150).then_some(answer.max(3))
            );
        }
    }
}
