//! Candidate probabilities where the exact count would not fit: the maximum-entropy
//! approximation of the same probability space.
//!
//! The exact space (`count.rs`) is every pair (a selection of `size` candidates, a value
//! for each unknown attribute of a selected person) meeting every key's target, all pairs
//! equally likely. Its maximum-entropy relative keeps the targets only on average: each
//! person is selected on their own, with odds `exp(θ + Σₖ λₖ·vₖ)` for the attribute values
//! `v` they would be counted with (a known value as it is, an unknown one either way, each
//! way counted once, as in the exact space), and the multipliers `θ, λ` are those under
//! which the expected selection size and key counts are the targets. This is the
//! grand-canonical form of the same counting problem: for large waves the two agree
//! closely (docs/performance.md, "Larger waves, approximately", measures how closely
//! against the exact count), and it costs one small Newton solve per distinct attribute
//! type, whatever the wave's size.
//!
//! The multipliers minimise the convex function
//! `F(θ, λ) = Σₜ nₜ·ln(1 + wₜ) − θ·size − Σₖ λₖ·targetₖ`, with `wₜ` a type's odds; its
//! gradient is expected minus target, its Hessian the statistics' covariance, so Newton's
//! method with a backtracking line search converges in a few dozen steps. Targets met
//! only at the edge (a key's target 0 with someone known to count for it, or every
//! selected person needed for it) have no finite multipliers: the probabilities then
//! approach their limit, and the persons the targets rule out (known to count for a key
//! whose target is 0, or known not to for a key whose target is the size) are given 0,
//! as the exact count gives them. Targets that cannot be met even on average give no
//! answer. Targets met on average but by no actual selection (a parity-like case, which
//! needs few attribute types, all known — where the exact count fits) are not detected.

use std::collections::BTreeMap;

use super::count::Attrs;

/// Steps of Newton's method before giving up.
const STEPS: usize = 200;

/// The expected counts must meet the targets to within this, per candidate (sums over
/// many candidates round at about 10⁻¹² each).
const TOLERANCE: f64 = 1e-11;

/// A distinct attribute type and how many candidates have it.
type Types = Vec<(Attrs, f64)>;

fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// ln(1 + eˣ) without overflow.
fn softplus(x: f64) -> f64 {
    if x > 0.0 {
        x + (-x).exp().ln_1p()
    } else {
        x.exp().ln_1p()
    }
}

/// For one type at `x = (θ, λ…)`: the log odds of being selected, and each key's
/// probability of counting once selected.
fn odds(t: &Attrs, x: &[f64]) -> (f64, Vec<f64>) {
    let mut ln = x[0];
    let mut g = Vec::with_capacity(t.len());
    for (k, a) in t.iter().enumerate() {
        let l = x[k + 1];
        match a {
            Some(true) => {
                ln += l;
                g.push(1.0);
            }
            Some(false) => g.push(0.0),
            None => {
                ln += softplus(l);
                g.push(sigmoid(l));
            }
        }
    }
    (ln, g)
}

/// `F` at `x` (see the module's documentation).
fn objective(types: &Types, size: f64, targets: &[f64], x: &[f64]) -> f64 {
    let mut f = -x[0] * size;
    for (k, t) in targets.iter().enumerate() {
        f -= x[k + 1] * t;
    }
    for (t, n) in types {
        f += n * softplus(odds(t, x).0);
    }
    f
}

/// The gradient and Hessian of `F` at `x`.
fn derivatives(types: &Types, size: f64, targets: &[f64], x: &[f64]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let dim = x.len();
    let mut grad = vec![0.0; dim];
    grad[0] = -size;
    for (k, target) in targets.iter().enumerate() {
        grad[k + 1] = -target;
    }
    let mut hess = vec![vec![0.0; dim]; dim];
    for (attrs, many) in types {
        let (ln_odds, counts) = odds(attrs, x);
        let chosen = sigmoid(ln_odds);
        // The statistics a selected person adds: one to the size, and to each key the
        // chance of counting there.
        let mut stat = Vec::with_capacity(dim);
        stat.push(1.0);
        stat.extend(&counts);
        for (a, row) in hess.iter_mut().enumerate() {
            grad[a] += many * chosen * stat[a];
            for (b, cell) in row.iter_mut().enumerate() {
                *cell += many * chosen * (1.0 - chosen) * stat[a] * stat[b];
            }
        }
        for (k, known) in attrs.iter().enumerate() {
            if known.is_none() {
                hess[k + 1][k + 1] += many * chosen * counts[k] * (1.0 - counts[k]);
            }
        }
    }
    (grad, hess)
}

/// Solves `a·s = b` by Gaussian elimination with partial pivoting; `None` when `a` is
/// singular (a key no candidate can move).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let d = b.len();
    for c in 0..d {
        let pivot = (c..d).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        if a[pivot][c].abs() < 1e-300 {
            return None;
        }
        a.swap(c, pivot);
        b.swap(c, pivot);
        for r in c + 1..d {
            let f = a[r][c] / a[c][c];
            let (above, below) = a.split_at_mut(r);
            for (x, y) in below[0][c..].iter_mut().zip(&above[c][c..]) {
                *x -= f * y;
            }
            b[r] -= f * b[c];
        }
    }
    let mut s = vec![0.0; d];
    for c in (0..d).rev() {
        let rest: f64 = (c + 1..d).map(|k| a[c][k] * s[k]).sum();
        s[c] = (b[c] - rest) / a[c][c];
    }
    s.iter().all(|v| v.is_finite()).then_some(s)
}

/// The approximate probability that each person is among the `size` selected (the
/// module's documentation says which approximation); `None` when the targets cannot be
/// met on average or Newton's method did not meet them.
#[must_use]
pub fn inclusion(persons: &[Attrs], size: usize, targets: &[usize]) -> Option<Vec<f64>> {
    if persons.is_empty() || size == 0 || size >= persons.len() {
        return None;
    }
    // A key no candidate can count for (or every candidate counts for) adds no
    // multiplier: its target is 0 (or the size), or no selection meets it.
    let mut keep = Vec::new();
    for (k, &t) in targets.iter().enumerate() {
        let never = persons.iter().all(|p| p[k] == Some(false));
        let always = persons.iter().all(|p| p[k] == Some(true));
        match (never, always) {
            (true, _) if t == 0 => {}
            (_, true) if t == size => {}
            (true, _) | (_, true) => return None,
            _ => keep.push(k),
        }
    }
    // A key that is another's complement for every candidate (men beside women), or the
    // same key again, repeats its constraint: kept once, when the two targets agree.
    let mut kept: Vec<usize> = Vec::new();
    for &k in &keep {
        let both_known = |o: usize, same: bool| {
            persons
                .iter()
                .all(|p| matches!((p[k], p[o]), (Some(a), Some(b)) if (a == b) == same))
        };
        let complement = kept.iter().copied().find(|&o| both_known(o, false));
        let copy = kept.iter().copied().find(|&o| both_known(o, true));
        match (complement, copy) {
            (Some(o), _) if targets[k] + targets[o] == size => {}
            (_, Some(o)) if targets[k] == targets[o] => {}
            (Some(_), _) | (_, Some(_)) => return None,
            (None, None) => kept.push(k),
        }
    }
    // Whom the targets rule out: known to count for a key whose target is 0, or known
    // not to for a key whose target is the whole selection.
    let ruled_out = |p: &Attrs| {
        kept.iter().any(|&k| {
            (targets[k] == 0 && p[k] == Some(true)) || (targets[k] == size && p[k] == Some(false))
        })
    };
    let mut grouped: BTreeMap<Attrs, f64> = BTreeMap::new();
    for p in persons {
        *grouped
            .entry(kept.iter().map(|&k| p[k]).collect())
            .or_default() += 1.0;
    }
    let types: Types = grouped.into_iter().collect();
    let size_f = size as f64;
    let goal: Vec<f64> = kept.iter().map(|&k| targets[k] as f64).collect();
    // Start at the selection's share, every key indifferent.
    let share = size_f / persons.len() as f64;
    let mut x = vec![0.0; kept.len() + 1];
    x[0] = (share / (1.0 - share)).ln();
    let mut f = objective(&types, size_f, &goal, &x);
    let tolerance = TOLERANCE * persons.len().max(100) as f64;
    for _ in 0..STEPS {
        let (grad, hess) = derivatives(&types, size_f, &goal, &x);
        if grad.iter().all(|g| g.abs() <= tolerance) {
            return Some(
                persons
                    .iter()
                    .map(|p| {
                        if ruled_out(p) {
                            return 0.0;
                        }
                        let t: Attrs = kept.iter().map(|&k| p[k]).collect();
                        sigmoid(odds(&t, &x).0)
                    })
                    .collect(),
            );
        }
        let step = solve(hess, grad.iter().map(|g| -g).collect())?;
        let slope: f64 = grad.iter().zip(&step).map(|(g, s)| g * s).sum();
        // Near the minimum F's change is below its rounding: the full step is taken.
        let settled = slope.abs() <= 1e-12 * (1.0 + f.abs());
        let mut t = 1.0;
        loop {
            let next: Vec<f64> = x.iter().zip(&step).map(|(a, s)| a + t * s).collect();
            let fnext = objective(&types, size_f, &goal, &next);
            if settled || fnext <= f + 1e-4 * t * slope || t < 1e-12 {
                x = next;
                f = fnext;
                break;
            }
            t /= 2.0;
        }
        if x.iter().any(|v| !v.is_finite() || v.abs() > 700.0) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identify::count;
    use crate::identify::scale::{candidates, five_keys};

    /// The expected size and key counts under the approximation are the targets.
    fn meets(persons: &[Attrs], size: usize, targets: &[usize], p: &[f64]) {
        let sum: f64 = p.iter().sum();
        assert!((sum - size as f64).abs() < 1e-6, "{sum} for {size}");
        assert!(p.iter().all(|&v| (0.0..=1.0).contains(&v)));
        for (k, &t) in targets.iter().enumerate() {
            let known: f64 = persons
                .iter()
                .zip(p)
                .filter(|(q, _)| q[k] == Some(true))
                .map(|(_, v)| v)
                .sum();
            // Known yes alone cannot exceed the target, unknowns make up the rest.
            assert!(known <= t as f64 + 1e-6, "key {k}: {known} > {t}");
        }
    }

    #[test]
    fn agrees_with_the_exact_count_on_generated_waves() {
        for (n, size, seed) in [(1_300, 29, 1), (2_000, 40, 2), (3_000, 60, 3)] {
            let (persons, targets) = candidates(n, size, seed);
            let (five, targets) = five_keys(&persons, &targets);
            let exact = count::inclusion(&five, size, &targets, Some(0)).unwrap();
            let approx = inclusion(&five, size, &targets).unwrap();
            meets(&five, size, &targets, &approx);
            let worst = exact
                .iter()
                .zip(&approx)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            println!("{size} of {n}: the approximation differs by at most {worst:.2e}");
            // What the answer tells a monitor (measured: 1.9e-4, 2.1e-4, 1.0e-4).
            assert!(
                worst < crate::identify::APPROXIMATION_ERROR,
                "{size} of {n}: {worst}"
            );
        }
    }

    #[test]
    fn a_key_met_only_at_the_edge_is_its_limit_and_one_not_met_has_no_answer() {
        // Two of four are women; two are selected.
        let persons: Vec<Attrs> = [true, true, false, false]
            .iter()
            .map(|&w| vec![Some(w)])
            .collect();
        // Both women: the multipliers grow without end, the probabilities settle, and the
        // men, ruled out, are 0 as in the exact count (not merely small: a candidate
        // list keeps everyone above 0).
        let p = inclusion(&persons, 2, &[2]).unwrap();
        let exact = count::inclusion(&persons, 2, &[2], Some(0)).unwrap();
        assert_eq!(exact, [1.0, 1.0, 0.0, 0.0]);
        for (a, b) in p.iter().zip(&exact) {
            assert!((a - b).abs() < 1e-6, "{p:?}");
        }
        assert_eq!(&p[2..], [0.0, 0.0]);
        // No woman: the women are ruled out.
        let p = inclusion(&persons, 2, &[0]).unwrap();
        assert_eq!(&p[..2], [0.0, 0.0]);
        assert!(p[2..].iter().all(|v| (v - 1.0).abs() < 1e-6), "{p:?}");
        assert!(
            inclusion(&persons, 2, &[3]).is_none(),
            "more women than there are"
        );
        let p = inclusion(&persons, 2, &[1]).unwrap();
        for v in p {
            assert!((v - 0.5).abs() < 1e-9, "{v}");
        }
    }

    #[test]
    fn a_key_given_twice_is_one_constraint() {
        // 12 candidates, every fourth disabled; "disabled" given as two keys.
        let one: Vec<Attrs> = (0..12).map(|i| vec![Some(i % 4 == 0)]).collect();
        let twice: Vec<Attrs> = one.iter().map(|p| vec![p[0], p[0]]).collect();
        let want = inclusion(&one, 4, &[1]).unwrap();
        assert_eq!(inclusion(&twice, 4, &[1, 1]).unwrap(), want);
        assert!(
            inclusion(&twice, 4, &[1, 2]).is_none(),
            "the copies disagree"
        );
    }

    #[test]
    fn an_unknown_attribute_counts_either_way() {
        // One known woman, one of unknown sex, two men; one woman among two selected:
        // the unknown person is as likely as in the exact space, near enough.
        let persons: Vec<Attrs> = vec![
            vec![Some(true)],
            vec![None],
            vec![Some(false)],
            vec![Some(false)],
        ];
        let exact = count::inclusion(&persons, 2, &[1], Some(0)).unwrap();
        let approx = inclusion(&persons, 2, &[1]).unwrap();
        meets(&persons, 2, &[1], &approx);
        // Exact: pairs {w,m}×2, {u as woman, m}×2, {w, u as man} → w 3/5, u 3/5, m 2/5.
        assert!((exact[0] - 0.6).abs() < 1e-9 && (exact[2] - 0.4).abs() < 1e-9);
        // So few persons are the approximation's worst case: only the order is kept.
        assert!(approx[0] > approx[2] && approx[1] > approx[2]);
    }
}
