//! Convolution and correlation of inner arrays, truncated to the inner box.
//!
//! Terms beyond the box can never come back into it (every count only grows), so the
//! truncated product is exact for every state the goal can read.

use super::Space;

/// `out[a + b] += x[a] · y[b]` over the box (terms beyond it can never reach the goal).
pub(super) fn conv(space: &Space, x: &[f64], y: &[f64], out: &mut [f64]) {
    out.fill(0.0);
    match space.dims.len() {
        0 => out[0] = x[0] * y[0],
        2 => conv_rows(space.dims[0], space.dims[1], x, y, out),
        n => conv_axis(space, n - 1, x, y, out),
    }
}

/// The length of each row's nonzero prefix (0 for a row of zeros): an inner array with
/// few selected is nonzero only near the origin (no more of them ill than selected).
fn extents(d0: usize, rows: usize, v: &[f64]) -> [usize; 64] {
    let mut e = [0usize; 64];
    for (r, x) in e.iter_mut().enumerate().take(rows) {
        *x = v[r * d0..(r + 1) * d0]
            .iter()
            .rposition(|&t| t != 0.0)
            .map_or(0, |p| p + 1);
    }
    e
}

/// [`conv`] on two axes (rows of `d0` along the first), each row's zeros past its last
/// nonzero value skipped: the same sums, fewer terms that are 0.
fn conv_rows(d0: usize, d1: usize, x: &[f64], y: &[f64], out: &mut [f64]) {
    if d1 > 64 {
        return conv_axis(&Space::new(vec![d0, d1]), 1, x, y, out);
    }
    let (lx, ly) = (extents(d0, d1, x), extents(d0, d1, y));
    for a in 0..d1 {
        let la = lx[a];
        if la == 0 {
            continue;
        }
        let xr = &x[a * d0..a * d0 + la];
        for b in 0..d1 - a {
            let lb = ly[b];
            if lb == 0 {
                continue;
            }
            let yr = &y[b * d0..b * d0 + lb];
            let row = &mut out[(a + b) * d0..(a + b + 1) * d0];
            for (i, &xi) in xr.iter().enumerate() {
                let n = lb.min(d0 - i);
                for (o, yv) in row[i..i + n].iter_mut().zip(&yr[..n]) {
                    *o += xi * yv;
                }
            }
        }
    }
}

fn conv_axis(space: &Space, axis: usize, x: &[f64], y: &[f64], out: &mut [f64]) {
    let (d, st) = (space.dims[axis], space.strides[axis]);
    for a in 0..d {
        if axis == 0 {
            let xa = x[a];
            if xa != 0.0 {
                for (o, yb) in out[a..d].iter_mut().zip(&y[..d - a]) {
                    *o += xa * yb;
                }
            }
        } else {
            for b in 0..d - a {
                conv_axis(
                    space,
                    axis - 1,
                    &x[a * st..],
                    &y[b * st..],
                    &mut out[(a + b) * st..],
                );
            }
        }
    }
}

/// The transpose of [`conv`] in `x`: `gx[a] += Σ_b φ[a + b] · y[b]`, where `x` (the
/// array whose weights these are) is nonzero. Elsewhere gx is left 0: a weight where the
/// count is 0 multiplies nothing (every value is a sum of positive terms, so where x is
/// 0 no term of it, and no term of any count with a person fewer, is nonzero).
pub(super) fn corr(space: &Space, phi: &[f64], y: &[f64], x: &[f64], gx: &mut [f64]) {
    gx.fill(0.0);
    match space.dims.len() {
        0 => gx[0] = phi[0] * y[0],
        2 => corr_rows(space.dims[0], space.dims[1], phi, y, x, gx),
        n => corr_axis(space, n - 1, phi, y, gx),
    }
}

/// [`corr`] on two axes, `y`'s zeros past each row's last nonzero value skipped, and gx
/// made only within each row's nonzero prefix of x.
fn corr_rows(d0: usize, d1: usize, phi: &[f64], y: &[f64], x: &[f64], gx: &mut [f64]) {
    if d1 > 64 {
        return corr_axis(&Space::new(vec![d0, d1]), 1, phi, y, gx);
    }
    let (ly, lx) = (extents(d0, d1, y), extents(d0, d1, x));
    for b in 0..d1 {
        let lb = ly[b];
        if lb == 0 {
            continue;
        }
        let yr = &y[b * d0..b * d0 + lb];
        for a in 0..d1 - b {
            let la = lx[a];
            if la == 0 {
                continue;
            }
            let pr = &phi[(a + b) * d0..(a + b + 1) * d0];
            let row = &mut gx[a * d0..a * d0 + la];
            for (t, &yt) in yr.iter().enumerate() {
                if yt != 0.0 {
                    let n = la.min(d0 - t);
                    for (g, p) in row[..n].iter_mut().zip(&pr[t..t + n]) {
                        *g += yt * p;
                    }
                }
            }
        }
    }
}

fn corr_axis(space: &Space, axis: usize, phi: &[f64], y: &[f64], gx: &mut [f64]) {
    let (d, st) = (space.dims[axis], space.strides[axis]);
    if axis == 0 {
        // As updates of gx by each y[b] (a sum per gx[a] would add in order, one at a
        // time; these run over contiguous slices, several lanes at once).
        for (b, &yb) in y[..d].iter().enumerate() {
            if yb != 0.0 {
                for (g, p) in gx[..d - b].iter_mut().zip(&phi[b..d]) {
                    *g += yb * p;
                }
            }
        }
        return;
    }
    for a in 0..d {
        for b in 0..d - a {
            corr_axis(
                space,
                axis - 1,
                &phi[(a + b) * st..],
                &y[b * st..],
                &mut gx[a * st..],
            );
        }
    }
}
