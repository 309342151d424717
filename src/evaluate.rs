//! One full pass at a state — forward, backward and the descent step — checked for overflow and
//! shaped for JavaScript.

use serde::Serialize;

use crate::backward::{backward, Gradients};
use crate::error::Error;
use crate::forward::{forward, Forward};
use crate::state::{to_row, to_rows, State, StateJson, HIDDEN, INPUTS, OUTPUTS};
use crate::update::descend;

/// The forward values, gradients and next state of one pass, all finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pass {
    pub state: State,
    pub forward: Forward,
    pub grads: Gradients,
    pub next: State,
}

/// The pass as JavaScript sees it: `{ z1, h, z2, y, loss, grad, next }`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    pub z1: [f64; HIDDEN],
    pub h: [f64; HIDDEN],
    pub z2: [f64; OUTPUTS],
    pub y: [f64; OUTPUTS],
    pub loss: f64,
    pub grad: GradJson,
    pub next: StateJson,
}

/// `∂E/∂k` for each `k`, in `k`'s shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GradJson {
    pub y: [f64; OUTPUTS],
    pub z2: [f64; OUTPUTS],
    pub h: [f64; HIDDEN],
    pub z1: [f64; HIDDEN],
    pub w1: [[f64; HIDDEN]; INPUTS],
    pub b1: [f64; HIDDEN],
    pub w2: [[f64; OUTPUTS]; HIDDEN],
    pub b2: [f64; OUTPUTS],
}

/// Runs one pass; fails if any value it produces is not finite.
pub fn pass(state: &State) -> Result<Pass, Error> {
    let fwd = forward(state);
    let grads = backward(state, &fwd);
    let next = state.with_params(descend(&state.params, &grads.d_params, state.lr));
    let pass = Pass {
        state: *state,
        forward: fwd,
        grads,
        next,
    };
    pass.to_json().check_finite()?;
    Ok(pass)
}

/// Runs one pass and shapes it for JavaScript.
pub fn evaluate(state: &State) -> Result<Evaluation, Error> {
    pass(state).map(|p| p.to_json())
}

impl Pass {
    /// The row-major form of this pass.
    pub fn to_json(&self) -> Evaluation {
        let f = &self.forward;
        let g = &self.grads;
        Evaluation {
            z1: to_row(&f.z1),
            h: to_row(&f.h),
            z2: to_row(&f.z2),
            y: to_row(&f.y),
            loss: f.loss,
            grad: GradJson {
                y: to_row(&g.d_y),
                z2: to_row(&g.d_z2),
                h: to_row(&g.d_h),
                z1: to_row(&g.d_z1),
                w1: to_rows(&g.d_params.w1),
                b1: to_row(&g.d_params.b1),
                w2: to_rows(&g.d_params.w2),
                b2: to_row(&g.d_params.b2),
            },
            next: self.next.to_json(),
        }
    }
}

impl Evaluation {
    /// Every number with its path (`z1[0]`, `grad.w1[1][0]`, `next.lr`), in output order.
    pub fn entries(&self) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        push_row(&mut out, "z1", &self.z1);
        push_row(&mut out, "h", &self.h);
        push_row(&mut out, "z2", &self.z2);
        push_row(&mut out, "y", &self.y);
        out.push(("loss".to_string(), self.loss));
        let g = &self.grad;
        push_row(&mut out, "grad.y", &g.y);
        push_row(&mut out, "grad.z2", &g.z2);
        push_row(&mut out, "grad.h", &g.h);
        push_row(&mut out, "grad.z1", &g.z1);
        push_rows(&mut out, "grad.w1", &g.w1);
        push_row(&mut out, "grad.b1", &g.b1);
        push_rows(&mut out, "grad.w2", &g.w2);
        push_row(&mut out, "grad.b2", &g.b2);
        let n = &self.next;
        push_rows(&mut out, "next.w1", &n.w1);
        push_row(&mut out, "next.b1", &n.b1);
        push_rows(&mut out, "next.w2", &n.w2);
        push_row(&mut out, "next.b2", &n.b2);
        out
    }

    /// Fails, naming the first offending value, if any number is NaN or infinite.
    fn check_finite(&self) -> Result<(), Error> {
        let Some((path, value)) = self.entries().into_iter().find(|(_, v)| !v.is_finite()) else {
            return Ok(());
        };
        let cause = if path.starts_with("next.") {
            "the learning rate or the gradients are too large; use a smaller learning rate"
        } else {
            "the inputs or weights are too large for 64-bit floating point"
        };
        Err(Error::new(
            path.clone(),
            format!("the result overflowed: {path} would be {value}; {cause}"),
        ))
    }
}

fn push_row(out: &mut Vec<(String, f64)>, name: &str, row: &[f64]) {
    for (i, v) in row.iter().enumerate() {
        out.push((format!("{name}[{i}]"), *v));
    }
}

fn push_rows<const C: usize>(out: &mut Vec<(String, f64)>, name: &str, rows: &[[f64; C]]) {
    for (i, row) in rows.iter().enumerate() {
        push_row(out, &format!("{name}[{i}]"), row);
    }
}
