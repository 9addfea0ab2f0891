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
//! The series can be astronomically large (`e^y` when agents are scarce), so
//! it is summed in log space. Its length is about `max(0, y−x) + 40·√y`.

use super::erlang::{inverse_erlang_b, Performance, Traffic};

/// Above this `y = λ·patience` the series would take millions of terms per
/// evaluation; such patience is so long that Erlang C describes the queue.
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
    let x = agents * patience / traffic.aht;
    let y = traffic.arrival_rate * patience;
    let r = inverse_erlang_b(a, n);
    let sums = Kummer::sum(x, y);
    let wait = if r.is_infinite() {
        0.0
    } else {
        1.0 / (1.0 + (r - 1.0) * (-sums.ln_total).exp())
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
    let ln_pi = wait.ln() - sums.ln_total;
    let abandon = ((ln_pi + sums.ln_queued).exp() / y).clamp(0.0, 1.0);
    let answered = 1.0 - abandon;
    let late = if n == 0 {
        0.0
    } else {
        let ln_z = -within / patience;
        let tail = Kummer::sum(x + 1.0, y * ln_z.exp());
        (ln_pi + (x / (x + 1.0)).ln() + (x + 1.0) * ln_z - y * ln_z.exp_m1() + tail.ln_total).exp()
    };
    let asa = (answered > 0.0).then(|| {
        if n == 0 {
            0.0
        } else {
            (ln_pi + x.ln() + sums.ln_wait).exp() * patience / answered
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

/// Logarithms of the three sums over `t_j = w^j / ((x+1)…(x+j))` that the
/// measures need.
struct Kummer {
    /// `ln Σ t_j`
    ln_total: f64,
    /// `ln Σ j·t_j`: callers waiting, for abandonment.
    ln_queued: f64,
    /// `ln Σ t_j/(x+j+1) · H_j`: waiting time of answered callers.
    ln_wait: f64,
}

impl Kummer {
    fn sum(x: f64, w: f64) -> Kummer {
        let mut sums: [LogSum; 3] = Default::default();
        let ln_w = w.ln();
        let (mut ln_term, mut harmonic) = (0.0f64, 0.0f64);
        let mut j = 0u64;
        loop {
            let jf = j as f64;
            harmonic += 1.0 / (x + jf + 1.0);
            sums[0].add(ln_term);
            sums[1].add(ln_term + jf.ln());
            sums[2].add(ln_term + (harmonic / (x + jf + 1.0)).ln());
            if w <= 0.0 {
                break;
            }
            // Past the peak the terms fall at least geometrically with ratio
            // ρ, so the rest is below t_j·(j+1)·ρ/(1−ρ)² for every weight.
            let ratio = w / (x + jf + 1.0);
            if ratio < 1.0 {
                let ln_tail = ln_term + (jf + 1.0).ln() + ratio.ln() - 2.0 * (-ratio).ln_1p();
                if sums.iter().all(|s| s.negligible(ln_tail)) || j > 50_000_000 {
                    break;
                }
            }
            j += 1;
            ln_term += ln_w - (x + j as f64).ln();
        }
        Kummer {
            ln_total: sums[0].ln(),
            ln_queued: sums[1].ln(),
            ln_wait: sums[2].ln(),
        }
    }
}

/// A sum of terms given by their logarithms, kept as `e^max · scaled` so
/// that neither huge nor tiny terms overflow.
struct LogSum {
    max: f64,
    scaled: f64,
}

impl Default for LogSum {
    fn default() -> Self {
        LogSum {
            max: f64::NEG_INFINITY,
            scaled: 0.0,
        }
    }
}

impl LogSum {
    fn add(&mut self, ln_term: f64) {
        if ln_term == f64::NEG_INFINITY {
            return;
        }
        if ln_term > self.max {
            self.scaled *= (self.max - ln_term).exp();
            self.max = ln_term;
        }
        self.scaled += (ln_term - self.max).exp();
    }

    /// Whether adding `e^ln_tail` would change no digit of the sum.
    fn negligible(&self, ln_tail: f64) -> bool {
        ln_tail < self.ln() - 40.0
    }

    fn ln(&self) -> f64 {
        self.max + self.scaled.ln()
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
