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
        n => conv_axis(space, n - 1, x, y, out),
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

/// The transpose of [`conv`] in `x`: `gx[a] += Σ_b φ[a + b] · y[b]`.
pub(super) fn corr(space: &Space, phi: &[f64], y: &[f64], gx: &mut [f64]) {
    gx.fill(0.0);
    match space.dims.len() {
        0 => gx[0] = phi[0] * y[0],
        n => corr_axis(space, n - 1, phi, y, gx),
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
