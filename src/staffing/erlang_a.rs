//! Erlang A (M/M/N+M, Palm's queue with impatient callers): like Erlang C, but a
//! waiting caller hangs up after an exponentially distributed patience.
//!
//! With `x = n·patience/aht` and `y = λ·patience`, the stationary distribution
//! beyond `n` busy agents is Erlang B's at `n` times the terms
//! `t_j = y^j / ((x+1)(x+2)…(x+j))`. Summing those terms (a Kummer series)
//! gives every measure in closed form:
//!
//! * `S = Σ t_j`; P(wait) `= 1 / (1 + (1/B − 1)/S)`, and `π_n = P(wait)/S`;
//! * P(abandon) `= π_n · Σ j·t_j / y` (Little's law on the queue);
//! * the time a caller who finds `j` ahead needs to reach an agent is
//!   `−ln(U)/θ` with `U ~ Beta(x, j+1)`; integrating that over `j` gives the
//!   share answered after `t` as `π_n · x/(x+1) · z^(x+1) · e^(y(1−z)) · G(x+1, yz)`
//!   with `z = e^(−θt)` and `G` the same series, and the mean wait of answered
//!   callers from `Σ t_j/(x+j+1) · H_j`, `H_j = Σ_{k≤j+1} 1/(x+k)`.
//!
//! The series can be astronomically large (`e^y` when agents are scarce);
//! [`super::series`] sums it around its peak in time independent of `y`.

use super::erlang::{inverse_erlang_b, Performance, Traffic};
use super::series::Kummer;
use libm::{exp, expm1, log};

/// Above this `y = λ·patience` (a million callers arriving within one
/// caller's patience) the queue is no longer a queue of impatient callers:
/// Erlang C describes it.
pub const MAX_PATIENT_ARRIVALS: f64 = 1_000_000.0;

/// Erlang A performance of `n` agents, target time `within` seconds.
pub fn evaluate(traffic: &Traffic, patience: f64, n: u32, within: f64) -> Performance {
    let a = traffic.load();
    let agents = n as f64;
    if a <= 0.0 {
        return Performance {
            service_level: 1.0,
            wait_probability: 0.0,
            asa_seconds: Some(0.0),
            occupancy: 0.0,
            abandon_probability: Some(0.0),
        };
    }
    if n == 0 {
        // Nobody answers: everyone waits, and everyone hangs up.
        return Performance {
            service_level: 0.0,
            wait_probability: 1.0,
            asa_seconds: None,
            occupancy: 0.0,
            abandon_probability: Some(1.0),
        };
    }
    let x = agents * patience / traffic.aht;
    let y = traffic.arrival_rate * patience;
    let r = inverse_erlang_b(a, n);
    let sums = Kummer::sum(x, y);
    let wait = if r.is_infinite() {
        0.0
    } else {
        1.0 / (1.0 + (r - 1.0) * exp(-sums.ln_total))
    };
    if wait == 0.0 {
        return Performance {
            service_level: 1.0,
            wait_probability: 0.0,
            asa_seconds: Some(0.0),
            occupancy: a / agents,
            abandon_probability: Some(0.0),
        };
    }
    let ln_pi = log(wait) - sums.ln_total;
    let abandon = (exp(ln_pi + sums.ln_queued) / y).clamp(0.0, 1.0);
    let answered = 1.0 - abandon;
    let late = if n == 0 {
        0.0
    } else {
        let ln_z = -within / patience;
        let tail = Kummer::sum(x + 1.0, y * exp(ln_z));
        exp(ln_pi + log(x / (x + 1.0)) + (x + 1.0) * ln_z - y * expm1(ln_z) + tail.ln_total)
    };
    let asa = (answered > 0.0).then(|| {
        if n == 0 {
            0.0
        } else {
            exp(ln_pi + log(x) + sums.ln_wait) * patience / answered
        }
    });
    Performance {
        service_level: (answered - late).clamp(0.0, 1.0),
        wait_probability: wait,
        asa_seconds: asa,
        occupancy: if n == 0 {
            0.0
        } else {
            (a * answered / agents).min(1.0)
        },
        abandon_probability: Some(abandon),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same queue solved without any of the algebra above: the
    /// birth–death chain truncated far into its tail and normalised
    /// numerically; the answered-within-t share by uniformisation of the
    /// tagged caller's own Markov chain; the mean wait from the Laplace
    /// transform of a sum of exponentials.
    struct Chain {
        wait: f64,
        abandon: f64,
        service_level: f64,
        asa: f64,
    }

    fn chain(lambda: f64, aht: f64, patience: f64, n: usize, within: f64) -> Chain {
        let (mu, theta) = (1.0 / aht, 1.0 / patience);
        let depth = n + 600;
        let mut weight = vec![1.0f64; depth + 1];
        for k in 1..=depth {
            let death = if k <= n {
                k as f64 * mu
            } else {
                n as f64 * mu + (k - n) as f64 * theta
            };
            weight[k] = weight[k - 1] * lambda / death;
        }
        let total: f64 = weight.iter().sum();
        let pi: Vec<f64> = weight.iter().map(|w| w / total).collect();
        let wait: f64 = pi[n..].iter().sum();
        let queued: f64 = (n..=depth).map(|k| (k - n) as f64 * pi[k]).sum();
        let abandon = theta * queued / lambda;

        // Tagged caller with `k` ahead: moves on at rate nμ + kθ (to "served"
        // from k = 0), hangs up at rate θ. P(served by `within`) for every k.
        let ahead = depth - n;
        let rate = |k: usize| n as f64 * mu + k as f64 * theta;
        let uniform = rate(ahead) + theta;
        let mut v = vec![0.0f64; ahead + 1];
        let mut served_by = vec![0.0f64; ahead + 1];
        let mut poisson = (-uniform * within).exp();
        let mut m = 0u32;
        loop {
            for k in 0..=ahead {
                served_by[k] += poisson * v[k];
            }
            if m as f64 > uniform * within && poisson < 1e-20 {
                break;
            }
            let previous = v.clone();
            for k in 0..=ahead {
                let next = if k == 0 { 1.0 } else { previous[k - 1] };
                let stay = 1.0 - (rate(k) + theta) / uniform;
                v[k] = stay * previous[k] + rate(k) / uniform * next;
            }
            m += 1;
            poisson *= uniform * within / m as f64;
        }

        let mut service_level: f64 = pi[..n].iter().sum();
        let mut answered_wait = 0.0;
        let mut answered: f64 = service_level;
        let (mut transform, mut mean_terms) = (1.0f64, 0.0f64);
        for j in 0..=ahead {
            let r = rate(j);
            transform *= r / (theta + r);
            mean_terms += 1.0 / (theta + r);
            service_level += pi[n + j] * served_by[j];
            answered += pi[n + j] * transform;
            answered_wait += pi[n + j] * transform * mean_terms;
        }
        Chain {
            wait,
            abandon,
            service_level,
            asa: answered_wait / answered,
        }
    }

    fn assert_agree(lambda: f64, aht: f64, patience: f64, n: u32, within: f64) {
        let traffic = Traffic {
            arrival_rate: lambda,
            aht,
            patience: Some(patience),
        };
        let formula = evaluate(&traffic, patience, n, within);
        let chain = chain(lambda, aht, patience, n as usize, within);
        let pairs = [
            ("wait", formula.wait_probability, chain.wait),
            (
                "abandon",
                formula.abandon_probability.unwrap(),
                chain.abandon,
            ),
            ("service level", formula.service_level, chain.service_level),
        ];
        for (what, ours, theirs) in pairs {
            assert!(
                (ours - theirs).abs() < 1e-9,
                "{what} at n={n}: {ours} vs chain {theirs}"
            );
        }
        let asa = formula.asa_seconds.unwrap();
        assert!(
            (asa - chain.asa).abs() < 1e-9 * chain.asa.max(1.0),
            "ASA at n={n}: {asa} vs chain {}",
            chain.asa
        );
    }

    #[test]
    fn agrees_with_the_birth_death_chain() {
        // The textbook queue, 2-minute patience, from heavy overload to ample staff.
        for n in [1, 5, 8, 10, 12, 14, 20] {
            assert_agree(100.0 / 1800.0, 180.0, 120.0, n, 20.0);
        }
        // Patient callers, short calls, a longer target.
        for n in [30, 40, 45] {
            assert_agree(400.0 / 1800.0, 180.0, 600.0, n, 60.0);
        }
        // Impatient callers, answered on the spot.
        assert_agree(0.05, 240.0, 30.0, 9, 0.0);
    }

    #[test]
    fn without_agents_every_caller_abandons() {
        let traffic = Traffic {
            arrival_rate: 0.05,
            aht: 180.0,
            patience: Some(60.0),
        };
        let p = evaluate(&traffic, 60.0, 0, 20.0);
        assert_eq!(p.wait_probability, 1.0);
        assert!((p.abandon_probability.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(p.service_level, 0.0);
        assert_eq!(p.asa_seconds, None);
    }

    #[test]
    fn impatience_lets_fewer_agents_reach_the_target_than_erlang_c() {
        let patient = Traffic {
            arrival_rate: 100.0 / 1800.0,
            aht: 180.0,
            patience: None,
        };
        let impatient = Traffic {
            patience: Some(120.0),
            ..patient
        };
        let c = patient.required_agents(0.8, 20.0).unwrap();
        let a = impatient.required_agents(0.8, 20.0).unwrap();
        assert!(a <= c, "Erlang A {a}, Erlang C {c}");
        let at = evaluate(&impatient, 120.0, a, 20.0);
        assert!(at.service_level >= 0.8);
        assert!(evaluate(&impatient, 120.0, a - 1, 20.0).service_level < 0.8);
    }

    #[test]
    fn overload_stays_finite() {
        // 2,000 Erlangs on 1,500 agents with patient callers: the series terms
        // reach e^(y−x) ≈ e^100000 and must not overflow.
        let traffic = Traffic {
            arrival_rate: 2000.0 / 180.0,
            aht: 180.0,
            patience: Some(600.0),
        };
        let p = evaluate(&traffic, 600.0, 1500, 20.0);
        for value in [
            p.service_level,
            p.wait_probability,
            p.abandon_probability.unwrap(),
        ] {
            assert!(value.is_finite() && (0.0..=1.0).contains(&value), "{p:?}");
        }
        // A quarter of the work cannot be handled, so about a quarter hang up.
        assert!(
            (p.abandon_probability.unwrap() - 0.25).abs() < 0.01,
            "{p:?}"
        );
    }
}
