//! Where the three groups (women, men, unknown sex) meet: the goal, reached by every
//! way of sharing each key's target between them.

use super::{Counting, Scaled};

impl Counting {
    /// The total (at the groups' factors) and, for each group, the weight φ of each of
    /// its output states: the ways the other two complete it.
    pub(super) fn join(&self, h: &[&Scaled]) -> (f64, Vec<Vec<f64>>) {
        let outs: Vec<_> = self.groups.iter().map(super::Counter::out).collect();
        let mut phi: Vec<Vec<f64>> = outs.iter().map(|o| vec![0.0; o.space.len]).collect();
        let mut all = 0.0;
        let (split, others, targets, size) = (self.split, &self.others, &self.targets, self.size);
        let split_target = split.map(|k| targets[k]);
        let (s0, s1) = (&outs[0].space, &outs[1].space);
        outs[2].space.each(|i2, c2| {
            let v2 = h[2].0[i2];
            if v2 == 0.0 {
                return;
            }
            let n2 = outs[2].sizes[c2[0]];
            // Group 2's share of the split key and of the other keys.
            let w2 = split.map_or(0, |k| c2[k + 1]);
            let o2: Vec<usize> = others.iter().map(|&k| c2[k + 1]).collect();
            s0.each(|i0, c0| {
                let v0 = h[0].0[i0];
                if v0 == 0.0 {
                    return;
                }
                let n0 = outs[0].sizes[c0[0]];
                // Women: group 0's size plus group 2's women give the target.
                if split_target.is_some_and(|t| n0 + w2 != t) {
                    return;
                }
                let Some(n1) = size.checked_sub(n2 + n0) else {
                    return;
                };
                let Some(&Some(mut i1)) = outs[1].at.get(n1) else {
                    return;
                };
                for (x, &k) in others.iter().enumerate() {
                    let Some(rest) = targets[k].checked_sub(o2[x] + c0[x + 1]) else {
                        return;
                    };
                    if rest >= s1.dims[x + 1] {
                        return;
                    }
                    i1 += rest * s1.strides[x + 1];
                }
                let v1 = h[1].0[i1];
                all += v0 * v1 * v2;
                phi[0][i0] += v1 * v2;
                phi[1][i1] += v0 * v2;
                phi[2][i2] += v0 * v1;
            });
        });
        (all, phi)
    }
}
