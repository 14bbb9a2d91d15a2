//! A group counted either densely (every state of its space, [`Group`]) or by blocks
//! ([`Blocks`]), and handing the join only the sizes it reads ([`Output`]).

use super::blocks::{Blocks, Pass};
use super::output::Output;
use super::{Attrs, Group, Scaled, Space, Way};

/// Estimated work under which a group is counted densely without trying blocks (the
/// 29-of-1,300 wave: 1.3·10⁷, 57 ms dense, 128 ms by blocks).
const DENSE_ENOUGH: f64 = 1e8;

/// Estimated work under which a group is counted on the caller's thread.
const THREAD_ENOUGH: f64 = 1e7;

/// `f` for each group, those with much to count on threads of their own: the women's
/// and the men's halves are counted apart, so they can be on two cores at once.
pub(super) fn each<T: Send>(groups: &[Counter], f: impl Fn(usize, &Counter) -> T + Sync) -> Vec<T> {
    each_by(groups, Counter::work, f)
}

/// [`each`] for any items with an estimated work: results in the items' order.
fn each_by<C: Sync, T: Send>(
    items: &[C],
    work: impl Fn(&C) -> f64,
    f: impl Fn(usize, &C) -> T + Sync,
) -> Vec<T> {
    let f = &f;
    std::thread::scope(|s| {
        let running: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(g, c)| (work(c) > THREAD_ENOUGH).then(|| s.spawn(move || f(g, c))))
            .collect();
        running
            .into_iter()
            .enumerate()
            .map(|(g, r)| match r {
                Some(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                None => f(g, &items[g]),
            })
            .collect()
    })
}

/// How many of the sets of outer keys cheapest by their bounds are planned exactly.
const SIMULATED: usize = 3;

enum How {
    Dense(Group),
    Blocks(Box<Blocks>),
}

/// A group's way of counting and what it gives the join.
pub(super) struct Counter {
    how: How,
    out: Output,
}

pub(super) enum Kept {
    Dense(Vec<Scaled>),
    Blocks(Pass),
}

impl Counter {
    /// The cheapest way to count a group (or, for tests, the way `way` names): densely
    /// by [`Group::new`], or by blocks on any nonempty set of outer keys. `keep`: the
    /// sizes the join reads.
    pub(super) fn new(
        full_dims: &[usize],
        types: &[(Attrs, usize, usize)],
        way: Way,
        keep: Vec<bool>,
    ) -> Counter {
        let out = Output::new(&Space::new(full_dims.to_vec()), &keep);
        let how = Counter::how(full_dims, types, way, keep);
        Counter { how, out }
    }

    fn how(full_dims: &[usize], types: &[(Attrs, usize, usize)], way: Way, keep: Vec<bool>) -> How {
        let keys = full_dims.len() - 1;
        let sets = || {
            (1..1usize << keys.min(8)).map(|mask| {
                (0..keys)
                    .filter(|k| mask & (1 << k) != 0)
                    .collect::<Vec<usize>>()
            })
        };
        match way {
            Way::Nth(_) | Way::Dense => How::Dense(Group::new(full_dims, types, way)),
            Way::Blocks(i) if keys > 0 && !types.is_empty() => {
                let n = (1usize << keys.min(8)) - 1;
                let outer = sets().nth(i % n).expect("i % n < n");
                Blocks::new(full_dims, types, &outer, keep).map_or_else(
                    || How::Dense(Group::new(full_dims, types, Way::Cheapest)),
                    |b| How::Blocks(Box::new(b.simulated())),
                )
            }
            Way::Blocks(_) => How::Dense(Group::new(full_dims, types, Way::Cheapest)),
            Way::Cheapest => {
                let dense = Group::new(full_dims, types, way);
                // A dense count this small takes milliseconds; blocks' fixed costs (a plan
                // per set of outer keys, tables by outer state) would be most of theirs.
                if keys == 0 || types.is_empty() || dense.work() <= DENSE_ENOUGH {
                    return How::Dense(dense);
                }
                // Every set planned by bounds, and only the few cheapest simulated: a
                // simulation per set was an eighth of the time at 100 of 5,000.
                let mut bounded: Vec<Blocks> = sets()
                    .filter_map(|outer| Blocks::new(full_dims, types, &outer, keep.clone()))
                    .collect();
                bounded.sort_by(|a, b| a.work().total_cmp(&b.work()));
                let best = bounded
                    .into_iter()
                    .take(SIMULATED)
                    .map(Blocks::simulated)
                    .min_by(|a, b| a.work().total_cmp(&b.work()));
                match best {
                    Some(b) if b.work() < dense.work() => How::Blocks(Box::new(b)),
                    _ => How::Dense(dense),
                }
            }
        }
    }

    /// The space of what the group hands the join: its full space at the kept sizes.
    pub(super) fn out(&self) -> &Output {
        &self.out
    }

    pub(super) fn work(&self) -> f64 {
        match &self.how {
            How::Dense(g) => g.work(),
            How::Blocks(b) => b.work(),
        }
    }

    /// Values held at once: the way's own, and beside them the output, its weights φ
    /// from the join, and one copy of either (cut from or widened to the full space).
    pub(super) fn values_needed(&self) -> usize {
        let own = match &self.how {
            How::Dense(g) => g.values_needed(),
            How::Blocks(b) => b.values_needed(),
        };
        own.saturating_add(self.out.space.len.saturating_mul(3))
    }

    /// The group's count at every state of its output space.
    pub(super) fn forward(&self) -> (Scaled, Kept) {
        match &self.how {
            How::Dense(g) => {
                let ((h, l), cps) = g.forward();
                ((self.out.cut(&h), l), Kept::Dense(cps))
            }
            How::Blocks(b) => {
                let (h, pass) = b.forward(&self.out);
                (h, Kept::Blocks(pass))
            }
        }
    }

    /// For each type, ln Σ_s (count without one of its persons)[s] · φ[s], φ on the
    /// output space.
    pub(super) fn without_one(&self, kept: &Kept, (phi, l): Scaled) -> Vec<(usize, f64)> {
        match (&self.how, kept) {
            (How::Dense(g), Kept::Dense(cps)) => {
                g.without_one(cps, (self.out.widen(&phi, g.full.len), l))
            }
            (How::Blocks(b), Kept::Blocks(pass)) => b.without_one(pass, &self.out, (phi, l)),
            _ => unreachable!("a group's pass is of its own kind"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_with_much_to_count_run_on_threads_of_their_own_and_answer_in_order() {
        // What the count joins must be each group's own result, in the groups' order,
        // whichever thread made it.
        let caller = std::thread::current().id();
        let works = [1e3, 1e8, 5.0, 1e9];
        let got = each_by(&works, |w| *w, |g, w| (g, *w, std::thread::current().id()));
        for (g, (i, w, thread)) in got.into_iter().enumerate() {
            assert_eq!((i, w), (g, works[g]));
            assert_eq!(thread == caller, works[g] <= THREAD_ENOUGH, "group {g}");
        }
    }
}
