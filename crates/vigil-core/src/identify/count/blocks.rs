//! Counting a group by blocks: the keys split into outer ones (the age keys, say) and
//! inner ones (health), the persons into blocks by their outer attributes.
//!
//! Within a block every selected person moves the outer counts the same way (a known yes
//! adds one, a known no nothing, an unknown either), so a block needs only a small space
//! (how many of it are selected × the inner axes), counted as a [`Group`]. The group's count
//! is then a sum over how many each block gives, of the blocks' inner arrays convolved:
//! `Σ_{s_b} Π C(s_b, i_k) · ⊛_b B_b(s_b)` with the outer counts what the blocks' yes and
//! unknown-spread add up to. The blocks are folded in one at a time into a table of inner
//! arrays by outer state (size and outer counts), the last fold kept to the sizes the join
//! at the goal reads. No array over the whole space is ever stepped through: the outer
//! (U+1)(P+1) factor multiplies only a table of small convolutions.
//!
//! Probabilities come from the adjoint: the total is linear in each block's array, so
//! the weight of each of its states (φ_b) is found by running the folds backwards
//! (correlations instead of convolutions, the transposed spread), and each block's own
//! [`Group::without_one`] turns φ_b into its types' counts without one person.

#![allow(clippy::many_single_char_names)] // s, b, c, i, j as in the counting notes

use super::output::Output;
use super::{log_binomials, rescale, Attrs, Group, Scaled, Space, Way};

mod kernels;
mod pair;

use kernels::{conv, corr};

/// An inner array with ln of the factor taken out of it.
type Sv = (Vec<f64>, f64);

/// Inner arrays by outer state; `None` where the count is 0.
type Table = Vec<Option<Sv>>;

/// `dst += e^ln · src`, keeping `dst`'s factor the larger of the two.
fn add_into(dst: &mut Option<Sv>, src: &[f64], ln: f64) {
    match dst {
        None => *dst = Some((src.to_vec(), ln)),
        Some((v, l)) => {
            if ln > *l {
                let f = (*l - ln).exp();
                for (x, s) in v.iter_mut().zip(src) {
                    *x = *x * f + s;
                }
                *l = ln;
            } else {
                let f = (ln - *l).exp();
                for (x, s) in v.iter_mut().zip(src) {
                    *x += f * s;
                }
            }
        }
    }
}

/// Each array divided by its largest value (its logarithm carried); all-zero ones dropped.
fn normalize(t: &mut Table) {
    for e in t.iter_mut() {
        if let Some((v, l)) = e {
            if v.iter().all(|&x| x == 0.0) {
                *e = None;
            } else {
                *l += rescale(v);
            }
        }
    }
}

/// One block: the persons whose outer attributes are `pattern`, counted on the inner keys.
struct Block {
    /// Outer axes (1-based, in the outer space) a selected person adds one to.
    yes: Vec<usize>,
    /// Outer axes on which a selected person's attribute is unknown (spread by C(s, i)).
    unknown: Vec<usize>,
    group: Group,
}

/// A group counted by blocks.
pub(super) struct Blocks {
    pub(super) full: Space,
    outer: Space,
    inner: Space,
    outer_keys: Vec<usize>,
    inner_keys: Vec<usize>,
    parts: Vec<Block>,
    /// The sizes the join reads (the last fold keeps only these).
    keep: Vec<bool>,
    /// The last two blocks (size-only, then one with unknowns) folded as one (`pair.rs`).
    paired: bool,
    plan: Plan,
}

#[derive(Default)]
struct Plan {
    states: Vec<usize>,
    pairs: Vec<f64>,
    spreads: Vec<f64>,
}

/// What the forward pass keeps for the backward one.
pub(super) struct Pass {
    /// The table before each fold.
    tables: Vec<Table>,
    /// Each block's inner array by its size, and its checkpoints.
    slices: Vec<Vec<Option<Sv>>>,
    checkpoints: Vec<Vec<Scaled>>,
}

impl Blocks {
    /// `outer_keys`: which of the group's keys are outer (the rest are inner); `keep`:
    /// the sizes the join reads. `None` when a table or an inner array alone would be
    /// over the memory budget.
    pub(super) fn new(
        full_dims: &[usize],
        types: &[(Attrs, usize, usize)],
        outer_keys: &[usize],
        keep: Vec<bool>,
    ) -> Option<Blocks> {
        let full = Space::new(full_dims.to_vec());
        let keys = full_dims.len() - 1;
        let mut inner_keys: Vec<usize> = (0..keys).filter(|k| !outer_keys.contains(k)).collect();
        // The longest inner axis first (stride 1), so convolutions run along it.
        inner_keys.sort_by_key(|&k| std::cmp::Reverse(full_dims[k + 1]));
        let outer = Space::new(
            std::iter::once(full_dims[0])
                .chain(outer_keys.iter().map(|&k| full_dims[k + 1]))
                .collect(),
        );
        let inner = Space::new(
            inner_keys
                .iter()
                .map(|&k| full_dims[k + 1])
                .collect::<Vec<_>>(),
        );
        if outer.len > super::STATE_BUDGET || inner.len > super::STATE_BUDGET {
            return None;
        }
        let mut by_pattern: std::collections::BTreeMap<Attrs, Vec<(Attrs, usize, usize)>> =
            std::collections::BTreeMap::new();
        for (attrs, n, index) in types {
            let pattern: Attrs = outer_keys.iter().map(|&k| attrs[k]).collect();
            let rest: Attrs = inner_keys.iter().map(|&k| attrs[k]).collect();
            by_pattern
                .entry(pattern)
                .or_default()
                .push((rest, *n, *index));
        }
        let mut blocks: Vec<(Attrs, Block)> = by_pattern
            .into_iter()
            .map(|(pattern, members)| {
                let yes: Vec<usize> = (0..pattern.len())
                    .filter(|&x| pattern[x] == Some(true))
                    .map(|x| x + 1)
                    .collect();
                let unknown: Vec<usize> = (0..pattern.len())
                    .filter(|&x| pattern[x].is_none())
                    .map(|x| x + 1)
                    .collect();
                let persons: usize = members.iter().map(|m| m.1).sum();
                // A block's size can pass no outer target it adds one to.
                let cap = yes
                    .iter()
                    .map(|&a| outer.dims[a] - 1)
                    .fold((full_dims[0] - 1).min(persons), usize::min);
                let dims: Vec<usize> = std::iter::once(cap + 1)
                    .chain(inner.dims.iter().copied())
                    .collect();
                let group = Group::new(&dims, &members, Way::Cheapest);
                (
                    pattern,
                    Block {
                        yes,
                        unknown,
                        group,
                    },
                )
            })
            .collect();
        // Known blocks first (those adding to more axes before those adding to none),
        // while the table is small; blocks with unknowns, which spread, last.
        blocks.sort_by_key(|(p, b)| (b.unknown.len(), std::cmp::Reverse(b.yes.len()), p.clone()));
        let mut parts: Vec<Block> = blocks.into_iter().map(|(_, b)| b).collect();
        // With one size read at the goal, a block moving only the size goes just before
        // a last block with unknowns, and the two are folded as one.
        let single = keep.iter().filter(|&&k| k).count() == 1;
        let n = parts.len();
        let size_only = |b: &Block| b.yes.is_empty() && b.unknown.is_empty();
        let paired = single
            && n >= 2
            && !parts[n - 1].unknown.is_empty()
            && match parts[..n - 1].iter().position(size_only) {
                Some(at) => {
                    let k = parts.remove(at);
                    parts.insert(n - 2, k);
                    true
                }
                None => false,
            };
        let mut b = Blocks {
            full,
            outer,
            inner,
            outer_keys: outer_keys.to_vec(),
            inner_keys,
            parts,
            keep,
            paired,
            plan: Plan::default(),
        };
        b.plan = b.plan(false);
        Some(b)
    }

    /// The same blocks planned on the states really reachable where simulating them is
    /// cheap (else bounded, as [`Blocks::new`] plans): closer estimates, at the price of
    /// a simulation.
    pub(super) fn simulated(mut self) -> Blocks {
        self.plan = self.plan(true);
        self
    }

    /// For each outer and each inner index, its index in the full space.
    fn offsets(&self) -> (Vec<usize>, Vec<usize>) {
        let mut outer_at = vec![0; self.outer.len];
        self.outer.each(|i, c| {
            outer_at[i] = c[0]
                + self
                    .outer_keys
                    .iter()
                    .enumerate()
                    .map(|(x, &k)| c[x + 1] * self.full.strides[k + 1])
                    .sum::<usize>();
        });
        let mut inner_at = vec![0; self.inner.len.max(1)];
        self.inner.each(|i, c| {
            inner_at[i] = self
                .inner_keys
                .iter()
                .enumerate()
                .map(|(x, &k)| c[x] * self.full.strides[k + 1])
                .sum();
        });
        (outer_at, inner_at)
    }

    fn conv_cost(&self) -> f64 {
        self.inner
            .dims
            .iter()
            .map(|&d| (d * (d + 1) / 2) as f64)
            .product()
    }

    /// The table states each fold starts from (and the last one's result), and the
    /// convolutions and spread steps each fold makes: simulated on the states reachable
    /// when that is cheap, else bounded by the box the blocks can reach.
    fn plan(&self, simulated: bool) -> Plan {
        let sizes: Vec<usize> = self.parts.iter().map(|b| b.group.full.dims[0]).collect();
        let n = sizes.len();
        // A pair's two folds are one (`pair.rs`): planned apart below.
        let upto = if self.paired { n - 2 } else { n };
        let mut plan = simulated
            .then(|| self.simulate(&sizes[..upto]))
            .flatten()
            .unwrap_or_else(|| self.bound(&sizes[..upto]));
        if self.paired {
            let before = plan.states[upto] as f64;
            let (nk, nq) = (sizes[n - 2], sizes[n - 1]);
            // Every state of the result is at the goal size.
            let after: usize = self.outer.dims[1..].iter().product();
            let axes = self.parts[n - 1].unknown.len() as f64;
            // The table between the two is never made.
            plan.states.push(0);
            plan.states.push(after);
            // Their slices' products, then each state before meets each m at most once.
            plan.pairs.push((nk * nq) as f64);
            plan.pairs.push(before * nq as f64);
            // Horner's rule: one spread by (1 + shift) per m and unknown axis.
            plan.spreads.push(0.0);
            plan.spreads.push(2.0 * nq as f64 * after as f64 * axes);
        }
        plan
    }

    /// A plan for the first `sizes.len()` blocks bounded without simulating: a table
    /// holds no more states than its box (the last at the kept sizes only), nor more
    /// than the ways the blocks folded so far can give sizes (and spreads).
    fn bound(&self, sizes: &[usize]) -> Plan {
        let mut plan = Plan::default();
        let dims = &self.outer.dims;
        let kept = self.keep.iter().filter(|&&k| k).count().max(1) as f64;
        let box_of = |reach: &[usize], last: bool| -> f64 {
            let rest: f64 = reach[1..]
                .iter()
                .zip(&dims[1..])
                .map(|(&r, &d)| (r.min(d - 1) + 1) as f64)
                .product();
            rest * if last {
                kept
            } else {
                (reach[0].min(dims[0] - 1) + 1) as f64
            }
        };
        let mut reach = vec![0usize; dims.len()];
        let mut ways = 1.0f64;
        let mut before = 1.0f64;
        for (k, b) in self.parts[..sizes.len()].iter().enumerate() {
            let last = k + 1 == self.parts.len();
            plan.states.push(before as usize);
            let n = sizes[k];
            reach[0] += n - 1;
            for &a in b.yes.iter().chain(&b.unknown) {
                reach[a] += n - 1;
            }
            let spread: f64 = b.unknown.iter().map(|&a| n.min(dims[a]) as f64).sum();
            ways *= n as f64
                * b.unknown
                    .iter()
                    .map(|&a| n.min(dims[a]) as f64)
                    .product::<f64>();
            let after = box_of(&reach, last).min(ways);
            plan.pairs.push(if last {
                before * (n as f64 * kept / dims[0] as f64).max(1.0)
            } else {
                before * n as f64
            });
            plan.spreads.push(n as f64 * after * spread);
            before = after;
        }
        plan.states.push(before as usize);
        plan
    }

    /// The plan on the states really reachable, or `None` when simulating it would
    /// itself take long (more than 2·10⁶ pairs, or
    /// 4·10⁶ outer states to mark).
    fn simulate(&self, sizes: &[usize]) -> Option<Plan> {
        let space = &self.outer;
        if space.len > 4_000_000 {
            return None;
        }
        let coords = |i: usize| -> Vec<usize> {
            space
                .dims
                .iter()
                .zip(&space.strides)
                .map(|(&d, &st)| (i / st) % d)
                .collect()
        };
        let mut plan = Plan::default();
        let mut reach: Vec<usize> = vec![0];
        let (mut mark, mut zmark) = (vec![false; space.len], vec![false; space.len]);
        let mut budget = 2_000_000.0;
        for (k, b) in self.parts[..sizes.len()].iter().enumerate() {
            let last = k + 1 == self.parts.len();
            plan.states.push(reach.len());
            let cs: Vec<Vec<usize>> = reach.iter().map(|&i| coords(i)).collect();
            let mut next = Vec::new();
            let (mut pairs, mut spread) = (0.0, 0.0);
            for s in 0..sizes[k] {
                let mut z = Vec::new();
                for (&i, c) in reach.iter().zip(&cs) {
                    if let Some(j) = self.moved(b, c, i, s, last) {
                        pairs += 1.0;
                        if !zmark[j] {
                            zmark[j] = true;
                            z.push(j);
                        }
                    }
                }
                for &a in &b.unknown {
                    let (d, st) = (space.dims[a], space.strides[a]);
                    let mut w = z.clone();
                    for &i in &z {
                        let ca = (i / st) % d;
                        spread += (s + 1).min(d - ca) as f64;
                        for x in 1..=s.min(d - 1 - ca) {
                            let j = i + x * st;
                            if !zmark[j] {
                                zmark[j] = true;
                                w.push(j);
                            }
                        }
                    }
                    z = w;
                }
                for &j in &z {
                    zmark[j] = false;
                    if !mark[j] {
                        mark[j] = true;
                        next.push(j);
                    }
                }
                if pairs + spread > budget {
                    return None;
                }
            }
            for &j in &next {
                mark[j] = false;
            }
            budget -= pairs + spread;
            plan.pairs.push(pairs);
            plan.spreads.push(spread);
            reach = next;
        }
        plan.states.push(reach.len());
        Some(plan)
    }

    /// Multiply-adds of the forward and backward passes (two correlations per
    /// convolution, the transposed spread) and of the blocks' own counts.
    pub(super) fn work(&self) -> f64 {
        let plan = &self.plan;
        let conv = self.conv_cost();
        let own: f64 = self.parts.iter().map(|b| b.group.work()).sum();
        // Each fold also walks every outer state once per size of its block.
        let walks: f64 = self
            .parts
            .iter()
            .map(|b| 3.0 * (self.outer.len * b.group.full.dims[0]) as f64)
            .sum();
        own + walks
            + 3.0 * conv * plan.pairs.iter().sum::<f64>()
            + 2.0 * self.inner.len as f64 * plan.spreads.iter().sum::<f64>()
    }

    /// Values held at once: the tables kept for the backward pass, the weights and
    /// spreads beside them (each table also holds a slot per outer state), and the
    /// blocks' own.
    pub(super) fn values_needed(&self) -> usize {
        let plan = &self.plan;
        let n = self.parts.len();
        // A pair never makes the table between its two blocks; it holds its products
        // for one m at a time, and their weights.
        let made = |k: &usize| !(self.paired && *k + 1 == n);
        let states = || (0..plan.states.len()).filter(made).map(|k| plan.states[k]);
        let products = if self.paired {
            2 * self.parts[n - 2].group.full.dims[0]
        } else {
            0
        };
        // Each block's slices, and their weights in the backward pass.
        let slices: usize = self.parts.iter().map(|b| 2 * b.group.full.dims[0]).sum();
        let kept: usize = states().sum::<usize>() + products + slices;
        let most = states().max().unwrap_or(1);
        let own: usize = self.parts.iter().map(|b| b.group.values_needed()).sum();
        kept.saturating_add(most.saturating_mul(3))
            .saturating_mul(self.inner.len)
            .saturating_add(self.outer.len.saturating_mul(4 * (self.parts.len() + 4)))
            .saturating_add(own)
    }

    /// Where a table state `i` (coordinates `c`) goes when block `b` gives `s` of its
    /// persons, before any spread; `None` when it leaves the box or a size not kept.
    fn moved(&self, b: &Block, c: &[usize], i: usize, s: usize, last: bool) -> Option<usize> {
        let size = c[0] + s;
        if size >= self.outer.dims[0] || (last && !self.keep[size]) {
            return None;
        }
        let mut j = i + s * self.outer.strides[0];
        for &a in &b.yes {
            if c[a] + s >= self.outer.dims[a] {
                return None;
            }
            j += s * self.outer.strides[a];
        }
        Some(j)
    }

    /// Spreads `t` along outer axis `a` by `C(s, i)` (or its transpose, `back`).
    fn spread(&self, t: &Table, a: usize, s: usize, back: bool) -> Table {
        let ln_c = log_binomials(s, s);
        let (d, st) = (self.outer.dims[a], self.outer.strides[a]);
        let mut out: Table = vec![None; t.len()];
        self.outer.each(|i, c| {
            for (x, lc) in ln_c.iter().enumerate() {
                if c[a] + x >= d {
                    break;
                }
                let (from, to) = if back {
                    (i + x * st, i)
                } else {
                    (i, i + x * st)
                };
                if let Some((v, l)) = &t[from] {
                    add_into(&mut out[to], v, l + lc);
                }
            }
        });
        out
    }

    fn fold(&self, b: &Block, table: &Table, slices: &[Option<Sv>], last: bool) -> Table {
        let mut out: Table = vec![None; self.outer.len];
        let mut buf = vec![0.0; self.inner.len];
        for (s, slice) in slices.iter().enumerate() {
            let Some((bv, bl)) = slice else { continue };
            let mut z: Table = if b.unknown.is_empty() {
                Vec::new()
            } else {
                vec![None; self.outer.len]
            };
            let dst = if b.unknown.is_empty() {
                &mut out
            } else {
                &mut z
            };
            self.outer.each(|i, c| {
                let Some((av, al)) = &table[i] else { return };
                let Some(j) = self.moved(b, c, i, s, last) else {
                    return;
                };
                conv(&self.inner, av, bv, &mut buf);
                add_into(&mut dst[j], &buf, al + bl);
            });
            if !b.unknown.is_empty() {
                for &a in &b.unknown {
                    z = self.spread(&z, a, s, false);
                }
                for (o, e) in out.iter_mut().zip(z) {
                    if let Some((v, l)) = e {
                        add_into(o, &v, l);
                    }
                }
            }
        }
        normalize(&mut out);
        out
    }

    /// The weights of the table before a fold and of the block's slices, from those of
    /// the table after it.
    fn unfold(
        &self,
        b: &Block,
        table: &Table,
        slices: &[Option<Sv>],
        phi: &Table,
        last: bool,
    ) -> (Table, Vec<Option<Sv>>) {
        let mut phi_t: Table = vec![None; self.outer.len];
        let mut phi_b: Vec<Option<Sv>> = vec![None; slices.len()];
        let mut buf = vec![0.0; self.inner.len];
        for (s, slice) in slices.iter().enumerate() {
            let Some((bv, bl)) = slice else { continue };
            let spread_phi: Table;
            let pz: &Table = if let Some((&a0, more)) = b.unknown.split_first() {
                let mut t = self.spread(phi, a0, s, true);
                for &a in more {
                    t = self.spread(&t, a, s, true);
                }
                spread_phi = t;
                &spread_phi
            } else {
                phi
            };
            let mut acc: Option<Sv> = None;
            self.outer.each(|i, c| {
                let Some((av, al)) = &table[i] else { return };
                let Some(j) = self.moved(b, c, i, s, last) else {
                    return;
                };
                let Some((pv, pl)) = &pz[j] else { return };
                corr(&self.inner, pv, bv, av, &mut buf);
                add_into(&mut phi_t[i], &buf, pl + bl);
                corr(&self.inner, pv, av, bv, &mut buf);
                add_into(&mut acc, &buf, pl + al);
            });
            phi_b[s] = acc;
        }
        normalize(&mut phi_t);
        normalize(&mut phi_b);
        (phi_t, phi_b)
    }

    /// The group's count at every state of its output space (the kept sizes).
    pub(super) fn forward(&self, out: &Output) -> (Scaled, Pass) {
        let mut table: Table = vec![None; self.outer.len];
        table[0] = Some((
            {
                let mut v = vec![0.0; self.inner.len];
                v[0] = 1.0;
                v
            },
            0.0,
        ));
        let mut tables = Vec::new();
        let mut all_slices: Vec<Vec<Option<Sv>>> = Vec::new();
        let mut checkpoints = Vec::new();
        for (k, b) in self.parts.iter().enumerate() {
            let ((h, hl), cps) = b.group.forward();
            let sizes = b.group.full.dims[0];
            let mut slices: Vec<Option<Sv>> = (0..sizes)
                .map(|s| {
                    let v: Vec<f64> = (0..self.inner.len).map(|q| h[s + q * sizes]).collect();
                    Some((v, hl))
                })
                .collect();
            normalize(&mut slices);
            let n = self.parts.len();
            if self.paired && k + 2 == n {
                // Folded with the next block (`pair.rs`).
                tables.push(Vec::new());
            } else {
                let next = if self.paired && k + 1 == n {
                    self.fold_pair(b, &table, &all_slices[k - 1], &slices)
                } else {
                    self.fold(b, &table, &slices, k + 1 == n)
                };
                tables.push(std::mem::replace(&mut table, next));
            }
            all_slices.push(slices);
            checkpoints.push(cps);
        }
        let ln = table
            .iter()
            .flatten()
            .map(|(_, l)| *l)
            .fold(f64::NEG_INFINITY, f64::max);
        let mut h = vec![0.0; out.space.len];
        let (outer_at, inner_at) = self.offsets();
        if ln.is_finite() {
            for (i, e) in table.iter().enumerate() {
                if let Some((v, l)) = e {
                    let f = (l - ln).exp();
                    for (q, x) in v.iter().enumerate() {
                        if let Some(o) = out.of_full(outer_at[i] + inner_at[q]) {
                            h[o] = f * x;
                        }
                    }
                }
            }
        }
        let ln = if ln.is_finite() { ln } else { 0.0 };
        (
            (h, ln),
            Pass {
                tables,
                slices: all_slices,
                checkpoints,
            },
        )
    }

    /// For each type, ln Σ_s (count without one of its persons)[s] · φ[s], φ on the
    /// output space.
    pub(super) fn without_one(
        &self,
        pass: &Pass,
        out: &Output,
        (phi, phi_ln): Scaled,
    ) -> Vec<(usize, f64)> {
        let (outer_at, inner_at) = self.offsets();
        let mut weights: Table = (0..self.outer.len)
            .map(|i| {
                // Only states at a kept size have a weight.
                out.of_full(outer_at[i])?;
                let v: Vec<f64> = (0..self.inner.len)
                    .map(|q| {
                        out.of_full(outer_at[i] + inner_at[q])
                            .map_or(0.0, |o| phi[o])
                    })
                    .collect();
                Some((v, phi_ln))
            })
            .collect();
        normalize(&mut weights);
        let mut out = Vec::new();
        let n = self.parts.len();
        let mut k = n;
        while k > 0 {
            k -= 1;
            let b = &self.parts[k];
            if self.paired && k + 1 == n {
                let (before, phi_k, phi_q) = self.unfold_pair(
                    b,
                    &pass.tables[k],
                    &pass.slices[k - 1],
                    &pass.slices[k],
                    &weights,
                );
                weights = before;
                out.extend(self.block_without_one(k, pass, &phi_q));
                k -= 1;
                out.extend(self.block_without_one(k, pass, &phi_k));
                continue;
            }
            let last = k + 1 == n;
            let (before, phi_b) = self.unfold(b, &pass.tables[k], &pass.slices[k], &weights, last);
            weights = before;
            out.extend(self.block_without_one(k, pass, &phi_b));
        }
        out
    }

    /// Block `k`'s types' counts without one person, from the weights of its slices.
    fn block_without_one(&self, k: usize, pass: &Pass, phi_b: &[Option<Sv>]) -> Vec<(usize, f64)> {
        let b = &self.parts[k];
        // The block's weights on its own space, at one factor.
        let sizes = b.group.full.dims[0];
        let ln = phi_b
            .iter()
            .flatten()
            .map(|(_, l)| *l)
            .fold(f64::NEG_INFINITY, f64::max);
        let mut w = vec![0.0; b.group.full.len];
        if ln.is_finite() {
            for (s, e) in phi_b.iter().enumerate() {
                if let Some((v, l)) = e {
                    let f = (l - ln).exp();
                    for (q, x) in v.iter().enumerate() {
                        w[s + q * sizes] = f * x;
                    }
                }
            }
        }
        // All zero only if nothing reaches the goal: then every count without one is 0.
        let ln = if ln.is_finite() { ln } else { 0.0 };
        b.group.without_one(&pass.checkpoints[k], (w, ln))
    }
}
