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
        b.plan = b.plan();
        if paired {
            // The pair's products, then one convolution per (table state, m) at most as
            // many as the size-only fold's; the last fold's own are gone.
            let products =
                (b.parts[n - 2].group.full.dims[0] * b.parts[n - 1].group.full.dims[0]) as f64;
            b.plan.pairs[n - 2] += products;
            b.plan.pairs[n - 1] = 0.0;
        }
        Some(b)
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
    fn plan(&self) -> Plan {
        let sizes: Vec<usize> = self.parts.iter().map(|b| b.group.full.dims[0]).collect();
        if let Some(plan) = self.simulate(&sizes) {
            return plan;
        }
        let mut plan = Plan::default();
        let kept = self.keep.iter().filter(|&&k| k).count().max(1) as f64;
        let mut reach = vec![0usize; self.outer.dims.len()];
        let box_of = |reach: &[usize]| -> usize {
            reach
                .iter()
                .zip(&self.outer.dims)
                .map(|(&r, &d)| r.min(d - 1) + 1)
                .product()
        };
        for (k, b) in self.parts.iter().enumerate() {
            let before = box_of(&reach);
            plan.states.push(before);
            reach[0] += sizes[k] - 1;
            for &a in b.yes.iter().chain(&b.unknown) {
                reach[a] += sizes[k] - 1;
            }
            let n = sizes[k] as f64;
            plan.pairs.push(if k + 1 == self.parts.len() {
                before as f64 * (n * kept / self.outer.dims[0] as f64).max(1.0)
            } else {
                before as f64 * n
            });
            let axes: f64 = b.unknown.iter().map(|&a| self.outer.dims[a] as f64).sum();
            plan.spreads.push(n * box_of(&reach) as f64 * axes);
        }
        plan.states.push(box_of(&reach));
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
        for (k, b) in self.parts.iter().enumerate() {
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
        // and their weights instead.
        let made = |k: &usize| !(self.paired && *k + 1 == n);
        let states = || (0..plan.states.len()).filter(made).map(|k| plan.states[k]);
        let products = if self.paired {
            2 * self.parts[n - 2].group.full.dims[0] * self.parts[n - 1].group.full.dims[0]
        } else {
            0
        };
        let kept: usize = states().sum::<usize>() + products;
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
                corr(&self.inner, pv, bv, &mut buf);
                add_into(&mut phi_t[i], &buf, pl + bl);
                corr(&self.inner, pv, av, &mut buf);
                add_into(&mut acc, &buf, pl + al);
            });
            phi_b[s] = acc;
        }
        normalize(&mut phi_t);
        normalize(&mut phi_b);
        (phi_t, phi_b)
    }

    /// The group's count at every state of its full space (0 at sizes not kept).
    pub(super) fn forward(&self) -> (Scaled, Pass) {
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
        let mut full = vec![0.0; self.full.len];
        let (outer_at, inner_at) = self.offsets();
        if ln.is_finite() {
            for (i, e) in table.iter().enumerate() {
                if let Some((v, l)) = e {
                    let f = (l - ln).exp();
                    for (q, x) in v.iter().enumerate() {
                        full[outer_at[i] + inner_at[q]] = f * x;
                    }
                }
            }
        }
        let ln = if ln.is_finite() { ln } else { 0.0 };
        (
            (full, ln),
            Pass {
                tables,
                slices: all_slices,
                checkpoints,
            },
        )
    }

    /// For each type, ln Σ_s (count without one of its persons)[s] · φ[s].
    pub(super) fn without_one(&self, pass: &Pass, (phi, phi_ln): Scaled) -> Vec<(usize, f64)> {
        let (outer_at, inner_at) = self.offsets();
        let mut weights: Table = (0..self.outer.len)
            .map(|i| {
                let v: Vec<f64> = (0..self.inner.len)
                    .map(|q| phi[outer_at[i] + inner_at[q]])
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

/// Estimated work under which a group is counted densely without trying blocks (the
/// 29-of-1,300 wave: 1.3·10⁷, 57 ms dense, 128 ms by blocks).
const DENSE_ENOUGH: f64 = 1e8;

/// A group counted either densely (every state of its space) or by blocks.
pub(super) enum Counter {
    Dense(Group),
    Blocks(Box<Blocks>),
}

pub(super) enum Kept {
    Dense(Vec<Scaled>),
    Blocks(Pass),
}

impl Counter {
    /// The cheapest way to count a group (or, for tests, the way `way` names): densely
    /// by [`Group::new`], or by blocks on any nonempty set of outer keys.
    pub(super) fn new(
        full_dims: &[usize],
        types: &[(Attrs, usize, usize)],
        way: Way,
        keep: Vec<bool>,
    ) -> Counter {
        let keys = full_dims.len() - 1;
        let sets = || {
            (1..1usize << keys.min(8)).map(|mask| {
                (0..keys)
                    .filter(|k| mask & (1 << k) != 0)
                    .collect::<Vec<usize>>()
            })
        };
        match way {
            Way::Nth(_) | Way::Dense => Counter::Dense(Group::new(full_dims, types, way)),
            Way::Blocks(i) if keys > 0 && !types.is_empty() => {
                let n = (1usize << keys.min(8)) - 1;
                let outer = sets().nth(i % n).expect("i % n < n");
                Blocks::new(full_dims, types, &outer, keep).map_or_else(
                    || Counter::Dense(Group::new(full_dims, types, Way::Cheapest)),
                    |b| Counter::Blocks(Box::new(b)),
                )
            }
            Way::Blocks(_) => Counter::Dense(Group::new(full_dims, types, Way::Cheapest)),
            Way::Cheapest => {
                let dense = Group::new(full_dims, types, way);
                // A dense count this small takes milliseconds; blocks' fixed costs (a plan
                // per set of outer keys, tables by outer state) would be most of theirs.
                if keys == 0 || types.is_empty() || dense.work() <= DENSE_ENOUGH {
                    return Counter::Dense(dense);
                }
                let best = sets()
                    .filter_map(|outer| Blocks::new(full_dims, types, &outer, keep.clone()))
                    .min_by(|a, b| a.work().total_cmp(&b.work()));
                match best {
                    Some(b) if b.work() < dense.work() => Counter::Blocks(Box::new(b)),
                    _ => Counter::Dense(dense),
                }
            }
        }
    }

    pub(super) fn full(&self) -> &Space {
        match self {
            Counter::Dense(g) => &g.full,
            Counter::Blocks(b) => &b.full,
        }
    }

    pub(super) fn work(&self) -> f64 {
        match self {
            Counter::Dense(g) => g.work(),
            Counter::Blocks(b) => b.work(),
        }
    }

    pub(super) fn values_needed(&self) -> usize {
        match self {
            Counter::Dense(g) => g.values_needed(),
            Counter::Blocks(b) => b.values_needed(),
        }
    }

    pub(super) fn forward(&self) -> (Scaled, Kept) {
        match self {
            Counter::Dense(g) => {
                let (h, cps) = g.forward();
                (h, Kept::Dense(cps))
            }
            Counter::Blocks(b) => {
                let (h, pass) = b.forward();
                (h, Kept::Blocks(pass))
            }
        }
    }

    pub(super) fn without_one(&self, kept: &Kept, phi: Scaled) -> Vec<(usize, f64)> {
        match (self, kept) {
            (Counter::Dense(g), Kept::Dense(cps)) => g.without_one(cps, phi),
            (Counter::Blocks(b), Kept::Blocks(pass)) => b.without_one(pass, phi),
            _ => unreachable!("a group's pass is of its own kind"),
        }
    }
}
