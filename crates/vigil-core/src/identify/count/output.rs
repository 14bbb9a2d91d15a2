//! What a group hands to the join: its count at the sizes the join reads, not at every
//! size of its space.
//!
//! With nobody of unknown sex the women's half is read at one size (the women target)
//! and the men's at one (the rest), so holding every size would multiply the arrays the
//! join and the backward pass hold by the length of the size axis (130 at 200 of 10,000:
//! 98 M values, 790 MB, for arrays of which 1/130 is ever read).

use super::Space;

/// A group's full space with the size axis cut to the sizes kept.
#[derive(Debug, Clone)]
pub(super) struct Output {
    /// Axis 0: the position among `sizes`; the other axes as in the full space.
    pub(super) space: Space,
    /// The sizes kept, in order.
    pub(super) sizes: Vec<usize>,
    /// For each size of the full space, its position among `sizes`.
    pub(super) at: Vec<Option<usize>>,
    /// The full space's length of axis 0.
    full_sizes: usize,
}

impl Output {
    /// The output of `full` at the sizes `keep` marks.
    pub(super) fn new(full: &Space, keep: &[bool]) -> Output {
        let sizes: Vec<usize> = (0..full.dims[0]).filter(|&s| keep[s]).collect();
        let mut at = vec![None; full.dims[0]];
        for (k, &s) in sizes.iter().enumerate() {
            at[s] = Some(k);
        }
        let mut dims = full.dims.clone();
        dims[0] = sizes.len();
        Output {
            space: Space::new(dims),
            sizes,
            at,
            full_sizes: full.dims[0],
        }
    }

    /// The output index of full index `i`, if its size is kept.
    pub(super) fn of_full(&self, i: usize) -> Option<usize> {
        let (s, rest) = (i % self.full_sizes, i / self.full_sizes);
        self.at[s].map(|k| k + rest * self.sizes.len())
    }

    /// The full index of output index `o`.
    fn to_full(&self, o: usize) -> usize {
        let n = self.sizes.len();
        self.sizes[o % n] + (o / n) * self.full_sizes
    }

    /// A full array cut to the kept sizes.
    pub(super) fn cut(&self, full: &[f64]) -> Vec<f64> {
        (0..self.space.len).map(|o| full[self.to_full(o)]).collect()
    }

    /// An output array put back in the full space (0 at the sizes not kept).
    pub(super) fn widen(&self, out: &[f64], full_len: usize) -> Vec<f64> {
        let mut full = vec![0.0; full_len];
        for (o, x) in out.iter().enumerate() {
            full[self.to_full(o)] = *x;
        }
        full
    }
}
