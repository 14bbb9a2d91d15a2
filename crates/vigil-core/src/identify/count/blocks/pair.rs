//! The last two folds made as one: a block that moves only the size (the "neither"
//! block: under 25 no, pensioner no) and the block with unknowns (unknown birth date).
//!
//! Folded one after the other, the first makes an inner array for every (table state,
//! its size) — ~16,000 for the men's half of 100 of 5,000 — and the second convolves each
//! again with the unknown block's slice at the one size the join reads. Here the two
//! blocks' slices are convolved with each other first, `E(n, m) = K(n) ⊛ Q(m)` for
//! n + m up to the goal (≤ 2,000 small products, made for one m at a time and made again
//! in the backward pass rather than held), and each table state meets `E(n, m)` once, n
//! fixed by the goal: one convolution per (table state, m) instead of two, and the same
//! saving three times over in the backward pass. Only taken when the join reads a single
//! size (`keep` has one size), so n is determined.

use super::{add_into, conv, corr, normalize, Block, Blocks, Sv, Table};

impl Blocks {
    /// The one size the join reads, when there is exactly one.
    pub(super) fn goal(&self) -> Option<usize> {
        let mut kept = self.keep.iter().enumerate().filter(|(_, &k)| k);
        match (kept.next(), kept.next()) {
            (Some((s, _)), None) => Some(s),
            _ => None,
        }
    }

    /// `E(n, m) = K(n) ⊛ Q(m)` for one m and every n ≤ the goal − m, at index n (one m
    /// at a time: all of them at once would hold |K|·|Q|/2 inner arrays, 2.5 GB at 400
    /// of 20,000).
    fn products(&self, ks: &[Option<Sv>], q: Option<&Sv>, m: usize) -> Vec<Option<Sv>> {
        let goal = self.goal().expect("a pair is folded only towards one size");
        let mut e: Vec<Option<Sv>> = vec![None; ks.len()];
        let Some((qv, ql)) = q else { return e };
        let mut buf = vec![0.0; self.inner.len];
        for (n, k) in ks.iter().enumerate().take((goal + 1).saturating_sub(m)) {
            let Some((kv, kl)) = k else { continue };
            conv(&self.inner, kv, qv, &mut buf);
            add_into(&mut e[n], &buf, kl + ql);
        }
        normalize(&mut e);
        e
    }

    /// Where table state `i` (coordinates `c`) goes when the size-only block gives `n` and
    /// `q` gives `m`, before `q`'s spread; `None` when it leaves the box.
    fn moved_pair(&self, q: &Block, c: &[usize], i: usize, n: usize, m: usize) -> Option<usize> {
        let size = c[0] + n + m;
        if size >= self.outer.dims[0] || !self.keep[size] {
            return None;
        }
        let mut j = i + (n + m) * self.outer.strides[0];
        for &a in &q.yes {
            if c[a] + m >= self.outer.dims[a] {
                return None;
            }
            j += m * self.outer.strides[a];
        }
        Some(j)
    }

    /// For each table state: the `E(n, m)` it meets for this m (n fixed by the goal) and
    /// where it lands, as `f(i, j, n)`.
    fn each_meeting(
        &self,
        q: &Block,
        table: &Table,
        e: &[Option<Sv>],
        m: usize,
        mut f: impl FnMut(usize, usize, usize),
    ) {
        let goal = self.goal().expect("a pair is folded only towards one size");
        self.outer.each(|i, c| {
            if table[i].is_none() {
                return;
            }
            let Some(n) = goal.checked_sub(c[0] + m) else {
                return;
            };
            if n >= e.len() || e[n].is_none() {
                return;
            }
            if let Some(j) = self.moved_pair(q, c, i, n, m) {
                f(i, j, n);
            }
        });
    }

    /// The table after folding the size-only block (slices `ks`) and then `q` (slices
    /// `qs`, the last block), at the goal size.
    pub(super) fn fold_pair(
        &self,
        q: &Block,
        table: &Table,
        ks: &[Option<Sv>],
        qs: &[Option<Sv>],
    ) -> Table {
        let mut buf = vec![0.0; self.inner.len];
        // Σ_m S^m z_m (S: one more unknown person, spread on each unknown axis), by
        // Horner's rule: one spread by (1 + shift) per m instead of C(m, i) for every i.
        let mut out: Table = vec![None; self.outer.len];
        for m in (0..qs.len()).rev() {
            out = self.once_more(q, out, false);
            let e = self.products(ks, qs[m].as_ref(), m);
            self.each_meeting(q, table, &e, m, |i, j, x| {
                let (Some((av, al)), Some((ev, el))) = (&table[i], &e[x]) else {
                    return;
                };
                conv(&self.inner, av, ev, &mut buf);
                add_into(&mut out[j], &buf, al + el);
            });
        }
        normalize(&mut out);
        out
    }

    /// `t` spread by one more unknown person on each of `q`'s unknown axes (or the
    /// transpose, `back`), normalized.
    fn once_more(&self, q: &Block, mut t: Table, back: bool) -> Table {
        for &a in &q.unknown {
            self.shift_add(&mut t, a, back);
        }
        normalize(&mut t);
        t
    }

    /// `t ← (1 + shift along axis a) t` in place (or its transpose, `back`): what
    /// [`Blocks::spread`] does for one person, without a new table. Forward, each state
    /// takes in the one below it, so states are visited from the top down and read
    /// their neighbour before it changes; backward, from the bottom up. Only the states
    /// at the goal size are visited: the pair's tables hold no others.
    fn shift_add(&self, t: &mut Table, a: usize, back: bool) {
        let (d, st) = (self.outer.dims[a], self.outer.strides[a]);
        let on_axis = |i: usize| (i / st) % d;
        let (goal, d0) = (
            self.goal().expect("a pair is folded only towards one size"),
            self.outer.dims[0],
        );
        let at_goal = (0..t.len() / d0).map(|r| goal + r * d0);
        if back {
            for i in at_goal {
                if on_axis(i) + 1 < d {
                    let (low, high) = t.split_at_mut(i + st);
                    if let Some((v, l)) = &high[0] {
                        add_into(&mut low[i], v, *l);
                    }
                }
            }
        } else {
            for i in at_goal.rev() {
                if on_axis(i) > 0 {
                    let (low, high) = t.split_at_mut(i);
                    if let Some((v, l)) = &low[i - st] {
                        add_into(&mut high[0], v, *l);
                    }
                }
            }
        }
    }

    /// The adjoint of [`Blocks::fold_pair`]: from the weights `phi` of the table after it,
    /// those of the table before it and of both blocks' slices (size-only block first).
    pub(super) fn unfold_pair(
        &self,
        q: &Block,
        table: &Table,
        ks: &[Option<Sv>],
        qs: &[Option<Sv>],
        phi: &Table,
    ) -> (Table, Vec<Option<Sv>>, Vec<Option<Sv>>) {
        let mut phi_t: Table = vec![None; self.outer.len];
        let mut phi_k: Vec<Option<Sv>> = vec![None; ks.len()];
        let mut phi_q: Vec<Option<Sv>> = vec![None; qs.len()];
        let mut buf = vec![0.0; self.inner.len];
        // The weights of z_m are (Sᵀ)^m φ, one transposed spread further for each m.
        let mut pz = phi.clone();
        for m in 0..qs.len() {
            if m > 0 {
                pz = self.once_more(q, pz, true);
            }
            let e = self.products(ks, qs[m].as_ref(), m);
            let mut phi_e: Vec<Option<Sv>> = vec![None; e.len()];
            self.each_meeting(q, table, &e, m, |i, j, n| {
                let (Some((av, al)), Some((ev, el)), Some((pv, pl))) = (&table[i], &e[n], &pz[j])
                else {
                    return;
                };
                corr(&self.inner, pv, ev, av, &mut buf);
                add_into(&mut phi_t[i], &buf, pl + el);
                corr(&self.inner, pv, av, ev, &mut buf);
                add_into(&mut phi_e[n], &buf, pl + al);
            });
            // E(n, m) = K(n) ⊛ Q(m): its weights go to both factors.
            let Some((qv, ql)) = &qs[m] else { continue };
            for (n, p) in phi_e.iter().enumerate() {
                let (Some((pv, pl)), Some((kv, kl))) = (p, &ks[n]) else {
                    continue;
                };
                corr(&self.inner, pv, qv, kv, &mut buf);
                add_into(&mut phi_k[n], &buf, pl + ql);
                corr(&self.inner, pv, kv, qv, &mut buf);
                add_into(&mut phi_q[m], &buf, pl + kl);
            }
        }
        normalize(&mut phi_t);
        normalize(&mut phi_k);
        normalize(&mut phi_q);
        (phi_t, phi_k, phi_q)
    }
}
