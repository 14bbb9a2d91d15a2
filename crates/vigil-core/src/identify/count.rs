//! The exact count behind candidate probabilities.
//!
//! What is counted: pairs (a selection of `size` candidates, a value for every unknown
//! attribute of a selected person) in which every key's count equals its target. A
//! person's probability is 1 − (pairs without that person) / (all pairs); persons of one
//! attribute type share it, so the work is per type.
//!
//! How, in three ideas (docs/performance.md has the measurements):
//! - **Halves.** Women and men are counted apart: a known woman moves the selection size
//!   and the women count together, so the women's half needs no women axis and its size
//!   axis stops at the women target; the men's half likewise. The halves (and a third
//!   group for persons of unknown sex, which keeps the axis) meet only at the goal. This
//!   turns one (size+1)·(women+1) plane into (women+1) + (men+1) rows.
//! - **Line transforms.** All persons of a type move along one direction; choosing j of
//!   its n is `C(n, j)` times a shift by j along it, summed in one pass per state.
//! - **Expansion.** The unknown attributes most persons share (usually health, often the
//!   birth date) are left off while the types that have them are counted, then spread at
//!   once: j selected persons with an unknown attribute give `C(j, i)` ways to have i of
//!   them count. That needs the size axis to count only those types, so they come first.
//!
//! - **Blocks** (`blocks.rs`). A group may instead split its keys into outer ones (the age
//!   keys) and inner ones (health): persons of one outer pattern are a block counted on
//!   the inner keys alone, and the blocks are folded by convolution into a table by outer
//!   state, so the outer axes never multiply a stepped array. The cheaper way is taken.
//!
//! The forward pass keeps checkpoints (every √ steps) instead of every intermediate
//! array; the backward pass recomputes a segment at a time. Values are rescaled after
//! every step and their logarithms carried, so thousands of candidates do not overflow.

use std::collections::BTreeMap;

use counter::{Counter, Kept};

mod blocks;
mod counter;
mod join;
mod output;

/// The most values (f64) the count may hold at once: 64M, 512 MB.
pub const STATE_BUDGET: usize = 64_000_000;

/// The most (unknown-sex state × known-sex state) pairs the halves may be joined over.
const JOIN_BUDGET: usize = 2_000_000_000;

/// The most multiply-adds a count may take (a few seconds on one core): an answer a
/// person waits for, not a batch job.
pub const WORK_BUDGET: f64 = 6e9;

/// A person's attribute per key: known yes, known no, or unknown (fits either way).
pub type Attrs = Vec<Option<bool>>;

/// A counting space: axis 0 is how many are selected, then one axis per key kept.
#[derive(Debug, Clone)]
struct Space {
    dims: Vec<usize>,
    strides: Vec<usize>,
    len: usize,
}

impl Space {
    fn new(dims: Vec<usize>) -> Space {
        let mut strides = Vec::with_capacity(dims.len());
        let mut len = 1usize;
        for d in &dims {
            strides.push(len);
            len = len.saturating_mul(*d);
        }
        Space { dims, strides, len }
    }

    /// Calls `f(index, coordinates)` for every state in index order.
    fn each(&self, mut f: impl FnMut(usize, &[usize])) {
        let mut c = vec![0usize; self.dims.len()];
        if self.dims.contains(&0) {
            return;
        }
        for i in 0..self.len {
            f(i, &c);
            for (a, x) in c.iter_mut().enumerate() {
                *x += 1;
                if *x < self.dims[a] {
                    break;
                }
                *x = 0;
            }
        }
    }

    fn unit(&self) -> Vec<f64> {
        let mut v = vec![0.0; self.len];
        v[0] = 1.0;
        v
    }
}

/// ln C(n, k) for k ≤ min(n, cap).
fn log_binomials(n: usize, cap: usize) -> Vec<f64> {
    let top = n.min(cap);
    let mut out = vec![0.0; top + 1];
    for k in 1..=top {
        out[k] = out[k - 1] + ((n - k + 1) as f64).ln() - (k as f64).ln();
    }
    out
}

/// Weights up to e^500 (≈ 10^217) are used as they are; beyond, the excess is taken out.
const LN_ROOM: f64 = 500.0;

/// What to take out of weights whose largest logarithm is `ln_max`.
fn taken(ln_max: f64) -> f64 {
    (ln_max - LN_ROOM).max(0.0)
}

/// `exp(ln − taken)` and what was taken out: nothing unless the largest would overflow,
/// so that small weights beside it do not underflow needlessly.
fn scaled(ln: &[f64]) -> (Vec<f64>, f64) {
    let taken = taken(ln.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    (ln.iter().map(|x| (x - taken).exp()).collect(), taken)
}

/// Divides by the largest value and returns ln of the factor taken out.
fn rescale(v: &mut [f64]) -> f64 {
    let max = v.iter().copied().fold(0.0, f64::max);
    if max == 0.0 || !max.is_finite() {
        return 0.0;
    }
    for x in v.iter_mut() {
        *x /= max;
    }
    max.ln()
}

/// Forward (+1): multiply by the type's generating function; backward (−1): its transpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Forward,
    Backward,
}

/// One type's step: choosing j of its `n` persons (each unknown attribute split every way
/// among the chosen) for every j. Returns the new array and ln of the factor taken out.
fn step(space: &Space, src: &[f64], attrs: &[Option<bool>], n: usize, dir: Dir) -> (Vec<f64>, f64) {
    let touched: Vec<usize> = std::iter::once(0)
        .chain(
            (0..attrs.len())
                .filter(|&k| attrs[k] == Some(true))
                .map(|k| k + 1),
        )
        .collect();
    let unknown: Vec<usize> = (0..attrs.len())
        .filter(|&k| attrs[k].is_none())
        .map(|k| k + 1)
        .collect();
    let off: usize = touched.iter().map(|&a| space.strides[a]).sum();
    let (w, w_scale) = scaled(&log_binomials(n, space.dims[0] - 1));
    let mut out = vec![0.0; space.len];
    if unknown.is_empty() {
        // One pass: out[s] = Σ_j w_j · src[s ∓ j·off], j as far as the box allows.
        space.each(|i, c| {
            let room = touched
                .iter()
                .map(|&a| match dir {
                    Dir::Forward => c[a],
                    Dir::Backward => space.dims[a] - 1 - c[a],
                })
                .min()
                .unwrap_or(0)
                .min(w.len() - 1);
            let mut acc = 0.0;
            for (j, wj) in w.iter().enumerate().take(room + 1) {
                let k = match dir {
                    Dir::Forward => i - j * off,
                    Dir::Backward => i + j * off,
                };
                acc += wj * src[k];
            }
            out[i] = acc;
        });
        return (out, w_scale);
    }
    // With unknowns, by powers: T_j = z·Π(1 + y_k)·T_{j−1} (z the shift along the type's
    // direction, y_k one step along an unknown axis), out = Σ_j C(n, j)·T_j. Each power is
    // one pass per axis moved; the operators commute, so the transpose runs the same way.
    let mut t = src.to_vec();
    let mut next = vec![0.0; space.len];
    for (j, wj) in w.iter().enumerate() {
        if j > 0 {
            for &a in &unknown {
                let stride = space.strides[a];
                space.each(|i, c| {
                    let moved = match dir {
                        Dir::Forward => (c[a] > 0).then(|| t[i - stride]),
                        Dir::Backward => (c[a] + 1 < space.dims[a]).then(|| t[i + stride]),
                    };
                    next[i] = t[i] + moved.unwrap_or(0.0);
                });
                std::mem::swap(&mut t, &mut next);
            }
            let mut any = false;
            space.each(|i, c| {
                let fits = touched.iter().all(|&a| match dir {
                    Dir::Forward => c[a] > 0,
                    Dir::Backward => c[a] + 1 < space.dims[a],
                });
                next[i] = if fits {
                    t[match dir {
                        Dir::Forward => i - off,
                        Dir::Backward => i + off,
                    }]
                } else {
                    0.0
                };
                any |= next[i] != 0.0;
            });
            std::mem::swap(&mut t, &mut next);
            if !any {
                break;
            }
        }
        for (o, x) in out.iter_mut().zip(&t) {
            *o += wj * x;
        }
    }
    (out, w_scale)
}

/// The spread of a reduced space (without the `spread` axes) into the full one: a state
/// with c selected gives `Π C(c, i_a)` ways to have i_a of them count on each spread axis.
struct Expansion {
    reduced: Space,
    full: Space,
    /// For each full axis, its axis in the reduced space (`None` when spread).
    map: Vec<Option<usize>>,
    /// `ln C(c, i)` for c on the size axis.
    ln_binom: Vec<Vec<f64>>,
    /// ln of the factor taken out of every weight (see [`taken`]).
    ln_taken: f64,
}

impl Expansion {
    fn new(full: &Space, spread: &[usize]) -> Expansion {
        let mut map = Vec::with_capacity(full.dims.len());
        let mut dims = Vec::new();
        for (a, &d) in full.dims.iter().enumerate() {
            if spread.contains(&a) {
                map.push(None);
            } else {
                map.push(Some(dims.len()));
                dims.push(d);
            }
        }
        let ln_binom: Vec<Vec<f64>> = (0..full.dims[0]).map(|c| log_binomials(c, c)).collect();
        // The largest weight any state gets, taken out so none overflows.
        let ln_max = ln_binom
            .iter()
            .map(|row| {
                spread
                    .iter()
                    .map(|&a| row.iter().take(full.dims[a]).copied().fold(0.0, f64::max))
                    .sum::<f64>()
            })
            .fold(0.0, f64::max);
        Expansion {
            reduced: Space::new(dims),
            full: full.clone(),
            map,
            ln_binom,
            ln_taken: taken(ln_max),
        }
    }

    /// Calls `f(full index, reduced index, weight)` for every full state that has one.
    fn each(&self, mut f: impl FnMut(usize, usize, f64)) {
        self.full.each(|i, c| {
            let count = c[0];
            let mut r = 0;
            let mut ln = -self.ln_taken;
            for (a, m) in self.map.iter().enumerate() {
                match m {
                    Some(ra) => r += c[a] * self.reduced.strides[*ra],
                    None if c[a] > count => return,
                    None => ln += self.ln_binom[count][c[a]],
                }
            }
            f(i, r, ln.exp());
        });
    }

    fn forward(&self, src: &[f64]) -> (Vec<f64>, f64) {
        let mut out = vec![0.0; self.full.len];
        self.each(|i, r, w| out[i] = w * src[r]);
        (out, self.ln_taken)
    }

    fn backward(&self, src: &[f64]) -> (Vec<f64>, f64) {
        let mut out = vec![0.0; self.reduced.len];
        self.each(|i, r, w| out[r] += w * src[i]);
        (out, self.ln_taken)
    }
}

enum Op {
    /// A type's persons, in the space the pass is in at that point.
    Type {
        index: usize,
        attrs: Attrs,
        n: usize,
    },
    Expand(Expansion),
}

/// One group of candidates (women, men, or of unknown sex) counted in its own space.
struct Group {
    full: Space,
    ops: Vec<Op>,
}

/// A value with the logarithm of the factor taken out of it.
type Scaled = (Vec<f64>, f64);

impl Group {
    /// `types`: (attributes on the group's keys, how many persons, caller's index). Of
    /// the ways to count (spread no unknown set, or one of those the types have), the one
    /// with the least work.
    fn new(full_dims: &[usize], types: &[(Attrs, usize, usize)], way: Way) -> Group {
        let keys = full_dims.len() - 1;
        let mut sets: Vec<Vec<usize>> = types
            .iter()
            .map(|(attrs, _, _)| (0..keys).filter(|&k| attrs[k].is_none()).collect())
            .collect();
        sets.sort();
        sets.dedup();
        if !sets.first().is_some_and(Vec::is_empty) {
            sets.insert(0, Vec::new());
        }
        let mut ways = sets
            .iter()
            .map(|spread| Group::with_spread(full_dims, types, spread));
        match way {
            Way::Cheapest | Way::Dense | Way::Blocks(_) => ways
                .min_by(|a, b| a.work().total_cmp(&b.work()))
                .expect("counting without a spread is always a way"),
            Way::Nth(i) => {
                let n = sets.len();
                ways.nth(i % n).expect("i % n < n")
            }
        }
    }

    fn with_spread(
        full_dims: &[usize],
        types: &[(Attrs, usize, usize)],
        spread: &[usize],
    ) -> Group {
        let full = Space::new(full_dims.to_vec());
        let keys = full.dims.len() - 1;
        // Types whose unknowns include the spread set come first, without its axes.
        let (prefix, rest): (Vec<_>, Vec<_>) = types
            .iter()
            .cloned()
            .partition(|(a, _, _)| !spread.is_empty() && spread.iter().all(|&k| a[k].is_none()));
        let mut ops = Vec::new();
        if !spread.is_empty() {
            let axes: Vec<usize> = spread.iter().map(|k| k + 1).collect();
            let e = Expansion::new(&full, &axes);
            for (attrs, n, index) in prefix {
                let attrs = (0..keys)
                    .filter(|k| !spread.contains(k))
                    .map(|k| attrs[k])
                    .collect();
                ops.push(Op::Type { index, attrs, n });
            }
            ops.push(Op::Expand(e));
        }
        for (attrs, n, index) in rest {
            ops.push(Op::Type { index, attrs, n });
        }
        Group { full, ops }
    }

    fn every(&self) -> usize {
        (self.ops.len() as f64).sqrt().ceil().max(1.0) as usize
    }

    /// The values held at once by a pass: checkpoints, a segment, and temporaries.
    fn values_needed(&self) -> usize {
        let k = self.every();
        self.full.len.saturating_mul(self.ops.len() / k + k + 6)
    }

    /// Multiply-adds of a forward pass, the backward pass (two steps per type) and the
    /// recomputed segments: about four forward passes.
    fn work(&self) -> f64 {
        let one: f64 = (0..self.ops.len())
            .map(|op| {
                let space = self.space_before(op);
                let len = space.len as f64;
                match &self.ops[op] {
                    Op::Expand(_) => len,
                    Op::Type { attrs, n, .. } => {
                        let j = (*n).min(space.dims[0] - 1) as f64 + 1.0;
                        let unknown = attrs.iter().filter(|a| a.is_none()).count();
                        if unknown == 0 {
                            len * j
                        } else {
                            len * j * (2.0 + unknown as f64)
                        }
                    }
                }
            })
            .sum();
        4.0 * one
    }

    /// The space the array is in before `op`: the reduced one until the expansion.
    fn space_before(&self, op: usize) -> &Space {
        match self.ops.iter().position(|o| matches!(o, Op::Expand(_))) {
            Some(e) if op <= e => match &self.ops[e] {
                Op::Expand(x) => &x.reduced,
                Op::Type { .. } => unreachable!("position found an expansion"),
            },
            _ => &self.full,
        }
    }

    fn apply(&self, op: usize, (v, s): &Scaled) -> Scaled {
        let (mut out, add) = match &self.ops[op] {
            Op::Type { attrs, n, .. } => step(self.space_before(op), v, attrs, *n, Dir::Forward),
            Op::Expand(e) => e.forward(v),
        };
        let r = rescale(&mut out);
        (out, s + add + r)
    }

    /// The group's count at every state of its full space, with the checkpoints kept.
    fn forward(&self) -> (Scaled, Vec<Scaled>) {
        let k = self.every();
        let mut x: Scaled = (self.space_before(0).unit(), 0.0);
        let mut checkpoints = Vec::new();
        for op in 0..self.ops.len() {
            if op % k == 0 {
                checkpoints.push(x.clone());
            }
            x = self.apply(op, &x);
        }
        (x, checkpoints)
    }

    /// For each type, ln Σ_s (count without one of its persons)[s] · φ[s].
    fn without_one(&self, checkpoints: &[Scaled], phi: Scaled) -> Vec<(usize, f64)> {
        let k = self.every();
        let mut out = Vec::new();
        let mut b = phi;
        for (seg, start) in checkpoints.iter().enumerate().rev() {
            let first = seg * k;
            let last = (first + k).min(self.ops.len());
            let mut inputs = vec![start.clone()];
            for op in first..last - 1 {
                let next = self.apply(
                    op,
                    inputs.last().expect("a segment starts with its checkpoint"),
                );
                inputs.push(next);
            }
            for op in (first..last).rev() {
                let (x, xs) = &inputs[op - first];
                let (mut nb, add) = match &self.ops[op] {
                    Op::Type { index, attrs, n } => {
                        let space = self.space_before(op);
                        let (through, t_add) = step(space, &b.0, attrs, n - 1, Dir::Backward);
                        let dot: f64 = x.iter().zip(&through).map(|(p, q)| p * q).sum();
                        let ln = if dot > 0.0 {
                            dot.ln() + xs + b.1 + t_add
                        } else {
                            f64::NEG_INFINITY
                        };
                        out.push((*index, ln));
                        step(space, &b.0, attrs, *n, Dir::Backward)
                    }
                    Op::Expand(e) => e.backward(&b.0),
                };
                let r = rescale(&mut nb);
                b = (nb, b.1 + add + r);
            }
        }
        out
    }
}

/// Which way to count each group: the cheapest, or (for tests) the n-th of its ways.
#[derive(Debug, Clone, Copy)]
pub(super) enum Way {
    Cheapest,
    #[cfg_attr(not(test), allow(dead_code))]
    Nth(usize),
    /// The cheapest of the dense ways (what was counted before blocks).
    #[cfg_attr(not(test), allow(dead_code))]
    Dense,
    /// By blocks, on the n-th nonempty set of outer keys (for tests).
    #[cfg_attr(not(test), allow(dead_code))]
    Blocks(usize),
}

/// Why the count was not made, when it would not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge(pub String);

/// The probability that each person (given by attribute type) is among the `size`
/// selected, every key's count equal to its target. `split`: the key that divides
/// the candidates into halves (women), if any.
pub fn inclusion(
    persons: &[Attrs],
    size: usize,
    targets: &[usize],
    split: Option<usize>,
) -> Result<Vec<f64>, TooLarge> {
    inclusion_by(persons, size, targets, split, Way::Cheapest)
}

/// The groups a count is made of, or the answer when no count is needed.
fn setup(
    persons: &[Attrs],
    size: usize,
    targets: &[usize],
    split: Option<usize>,
    way: Way,
) -> Result<Counting, Vec<f64>> {
    // A key that is the split key's complement for every person, both known ("men"
    // beside "women"), counts size − the split key's count: it adds no constraint but
    // that sum, and would only double the halves' axes. It is dropped, and a target
    // breaking the sum leaves no selection. (With an unknown either side the two are
    // counted as independent unknowns, as always.)
    if let Some(k) = split {
        let complement = (0..targets.len()).find(|&o| {
            o != k
                && persons
                    .iter()
                    .all(|p| matches!((p[k], p[o]), (Some(a), Some(b)) if a != b))
        });
        if let Some(o) = complement {
            if targets[k] + targets[o] != size {
                return Err(vec![0.0; persons.len()]);
            }
            let keep: Vec<usize> = (0..targets.len()).filter(|&x| x != o).collect();
            let fewer: Vec<Attrs> = persons
                .iter()
                .map(|p| keep.iter().map(|&x| p[x]).collect())
                .collect();
            let targets: Vec<usize> = keep.iter().map(|&x| targets[x]).collect();
            let split = keep.iter().position(|&x| x == k);
            return setup(&fewer, size, &targets, split, way);
        }
    }
    let keys = targets.len();
    let mut groups: BTreeMap<Attrs, usize> = BTreeMap::new();
    for t in persons {
        *groups.entry(t.clone()).or_default() += 1;
    }
    let types: Vec<(Attrs, usize)> = groups.into_iter().collect();
    // Group 0: split key yes (no axis for it, size up to its target); 1: no (size up to
    // the rest); 2: unknown or no split key (every key has its axis).
    let others: Vec<usize> = (0..keys).filter(|&k| Some(k) != split).collect();
    let mut members: [Vec<(Attrs, usize, usize)>; 3] = Default::default();
    for (i, (attrs, n)) in types.iter().enumerate() {
        let g = match split.map(|k| attrs[k]) {
            Some(Some(true)) => 0,
            Some(Some(false)) => 1,
            _ => 2,
        };
        let kept = if g == 2 {
            attrs.clone()
        } else {
            others.iter().map(|&k| attrs[k]).collect()
        };
        members[g].push((kept, *n, i));
    }
    let other_dims = || others.iter().map(|&k| targets[k] + 1);
    let dims_for = |g: usize, m: &[(Attrs, usize, usize)]| -> Vec<usize> {
        let persons: usize = m.iter().map(|t| t.1).sum();
        if persons == 0 {
            // Nothing to count: the one state "none selected".
            return vec![1; if g == 2 { keys + 1 } else { others.len() + 1 }];
        }
        let cap = match (g, split) {
            (0, Some(k)) => targets[k],
            (1, Some(k)) => size.saturating_sub(targets[k]),
            _ => size,
        };
        let mut d = vec![cap.min(persons) + 1];
        if g == 2 {
            d.extend(targets.iter().map(|t| t + 1));
        } else {
            d.extend(other_dims());
        }
        d
    };
    // The sizes the join reads from each group: with nobody of unknown sex, the women's
    // half gives exactly the women target and the men's the rest; a group alone, `size`.
    let in_group: Vec<usize> = members
        .iter()
        .map(|m| m.iter().map(|t| t.1).sum())
        .collect();
    let keep = |g: usize, dims: &[usize]| -> Vec<bool> {
        let only = match (g, split) {
            (0, Some(k)) if in_group[2] == 0 => Some(targets[k]),
            (1, Some(k)) if in_group[2] == 0 => Some(size.saturating_sub(targets[k])),
            (2, _) if in_group[0] + in_group[1] == 0 => Some(size),
            _ => None,
        };
        (0..dims[0]).map(|s| only.is_none_or(|o| o == s)).collect()
    };
    let groups: Vec<Counter> = members
        .into_iter()
        .enumerate()
        .map(|(g, m)| {
            let dims = dims_for(g, &m);
            let keep = keep(g, &dims);
            Counter::new(&dims, &m, way, keep)
        })
        .collect();
    let needed: usize = groups.iter().map(Counter::values_needed).sum();
    let join = groups[2]
        .out()
        .space
        .len
        .saturating_mul(groups[0].out().space.len);
    let work: f64 = groups.iter().map(Counter::work).sum::<f64>() + join as f64;
    let index: BTreeMap<&Attrs, usize> =
        types.iter().enumerate().map(|(i, (a, _))| (a, i)).collect();
    let of_person = persons.iter().map(|t| index[t]).collect();
    Ok(Counting {
        types: types.len(),
        of_person,
        groups,
        split,
        others,
        targets: targets.to_vec(),
        size,
        needed,
        join,
        work,
    })
}

/// A count set up: its groups, and what it is estimated to need.
struct Counting {
    /// How many attribute types, and each person's.
    types: usize,
    of_person: Vec<usize>,
    groups: Vec<Counter>,
    split: Option<usize>,
    /// The keys other than the split key.
    others: Vec<usize>,
    targets: Vec<usize>,
    size: usize,
    /// Values held at once (f64), at most.
    needed: usize,
    /// (Unknown-sex state × women's state) pairs the join goes over.
    join: usize,
    /// Multiply-adds, about.
    work: f64,
}

/// What a count would hold at once (values) and do (multiply-adds), as estimated before
/// counting; `None` when nothing needs counting.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) fn estimate(
    persons: &[Attrs],
    size: usize,
    targets: &[usize],
    split: Option<usize>,
) -> Option<(usize, f64)> {
    setup(persons, size, targets, split, Way::Cheapest)
        .ok()
        .map(|c| (c.needed, c.work))
}

pub(super) fn inclusion_by(
    persons: &[Attrs],
    size: usize,
    targets: &[usize],
    split: Option<usize>,
    way: Way,
) -> Result<Vec<f64>, TooLarge> {
    let c = match setup(persons, size, targets, split, way) {
        Ok(c) => c,
        Err(answer) => return Ok(answer),
    };
    let states: Vec<String> = c
        .groups
        .iter()
        .map(|g| g.out().space.len.to_string())
        .collect();
    let states = states.join(" + ");
    let (needed, work) = (c.needed, c.work);
    if needed > STATE_BUDGET {
        return Err(TooLarge(format!(
            "an exact count over {states} states (women, men, unknown sex) for {} attribute types needs {needed} values, more than the {STATE_BUDGET} allowed",
            c.types
        )));
    }
    if c.join > JOIN_BUDGET || work > WORK_BUDGET {
        return Err(TooLarge(format!(
            "an exact count over {states} states (women, men, unknown sex) for {} attribute types needs about {work:.1e} operations, more than the {WORK_BUDGET:.0e} allowed",
            c.types
        )));
    }
    Ok(c.count())
}

/// The count, whatever its estimates (for measurements of them).
#[cfg(test)]
pub(super) fn inclusion_unbudgeted(
    persons: &[Attrs],
    size: usize,
    targets: &[usize],
    split: Option<usize>,
) -> Vec<f64> {
    setup(persons, size, targets, split, Way::Cheapest).map_or_else(|a| a, |c| c.count())
}

impl Counting {
    /// Each person's probability of being among those selected.
    fn count(&self) -> Vec<f64> {
        let c = self;
        let passes: Vec<(Scaled, Kept)> = counter::each(&c.groups, |_, g| g.forward());
        let h: Vec<&Scaled> = passes.iter().map(|p| &p.0).collect();
        // Join the groups at the goal, and for each group the weight φ of each of its states:
        // the ways the other two complete it.
        let (all, phi) = c.join(&h);
        if all == 0.0 {
            return vec![0.0; c.of_person.len()];
        }
        let ln_all = all.ln() + h[0].1 + h[1].1 + h[2].1;
        let mut by_type = vec![0.0; c.types];
        let without = counter::each(&c.groups, |g, group| {
            let mut p = phi[g].clone();
            let others_scale: f64 = (0..3).filter(|&o| o != g).map(|o| h[o].1).sum();
            let r = rescale(&mut p);
            group.without_one(&passes[g].1, (p, others_scale + r))
        });
        for (index, ln) in without.into_iter().flatten() {
            let pr = -(ln - ln_all).exp_m1();
            // Floating error leaves ~1e-16 where the exact answer is 0 or 1.
            by_type[index] = if pr < 1e-12 {
                0.0
            } else if pr > 1.0 - 1e-12 {
                1.0
            } else {
                pr
            };
        }
        c.of_person.iter().map(|&t| by_type[t]).collect()
    }
}
