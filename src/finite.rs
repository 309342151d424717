//! Overflow checks on a pass: every number with its path, and the first one that is not finite.

use crate::error::Error;
use crate::evaluate::Evaluation;
use crate::params::ParamsJson;

impl Evaluation {
    /// Every number with its path (`z1[0]`, `grad.w1[1][0]`, `batch.loss`), in output order.
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
        push_params(&mut out, "grad", &g.params);
        push_params(&mut out, "next", &self.next.params);
        if let Some(batch) = &self.batch {
            out.push(("batch.loss".to_string(), batch.loss));
            push_params(&mut out, "batch.grad", &batch.grad);
            for (k, s) in batch.samples.iter().enumerate() {
                push_row(&mut out, &format!("batch.samples[{k}].y"), &s.y);
                out.push((format!("batch.samples[{k}].loss"), s.loss));
            }
        }
        out
    }

    /// Fails, naming the first offending value, if any number is NaN or infinite.
    pub fn check_finite(&self) -> Result<(), Error> {
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

fn push_params(out: &mut Vec<(String, f64)>, name: &str, p: &ParamsJson) {
    push_rows(out, &format!("{name}.w1"), &p.w1);
    push_row(out, &format!("{name}.b1"), &p.b1);
    push_rows(out, &format!("{name}.w2"), &p.w2);
    push_row(out, &format!("{name}.b2"), &p.b2);
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
