//! Overflow checks on a pass: every number with its path, and the first one that is not finite.

use crate::error::Error;
use crate::evaluate::Evaluation;
use crate::params::ParamsJson;

/// Where a number sits: a field name and its indices, e.g. `("grad.w1", [1, 0])`.
type Visit<'a> = dyn FnMut(&str, &[usize], f64) + 'a;

impl Evaluation {
    /// Every number with its path (`z1[0]`, `grad.w1[1][0]`, `batch.loss`), in output order.
    pub fn entries(&self) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        self.visit(&mut |name, indices, v| out.push((path(name, indices), v)));
        out
    }

    /// Fails, naming the first offending value, if any number is NaN or infinite.
    pub fn check_finite(&self) -> Result<(), Error> {
        let mut first = None;
        self.visit(&mut |name, indices, v| {
            if first.is_none() && !v.is_finite() {
                first = Some((path(name, indices), v));
            }
        });
        let Some((path, value)) = first else {
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

    /// Calls `f` on every number, without building any path.
    fn visit(&self, f: &mut Visit) {
        row(f, "z1", &self.z1);
        row(f, "h", &self.h);
        row(f, "z2", &self.z2);
        row(f, "y", &self.y);
        f("loss", &[], self.loss);
        let g = &self.grad;
        row(f, "grad.y", &g.y);
        row(f, "grad.z2", &g.z2);
        row(f, "grad.h", &g.h);
        row(f, "grad.z1", &g.z1);
        params(f, ["grad.w1", "grad.b1", "grad.w2", "grad.b2"], &g.params);
        params(
            f,
            ["next.w1", "next.b1", "next.w2", "next.b2"],
            &self.next.params,
        );
        row(f, "sigma_prime.h", &self.sigma_prime.h);
        row(f, "sigma_prime.y", &self.sigma_prime.y);
        if let Some(batch) = &self.batch {
            f("batch.loss", &[], batch.loss);
            let names = [
                "batch.grad.w1",
                "batch.grad.b1",
                "batch.grad.w2",
                "batch.grad.b2",
            ];
            params(f, names, &batch.grad);
            for (k, s) in batch.samples.iter().enumerate() {
                f("batch.samples[].y", &[k, 0], s.y[0]);
                f("batch.samples[].loss", &[k], s.loss);
            }
        }
    }
}

/// `name[i][j]`, or for sample fields `batch.samples[k].y[0]`.
fn path(name: &str, indices: &[usize]) -> String {
    match name.split_once("[]") {
        Some((head, tail)) => {
            let rest: String = indices[1..].iter().map(|i| format!("[{i}]")).collect();
            format!("{head}[{}]{tail}{rest}", indices[0])
        }
        None => {
            let rest: String = indices.iter().map(|i| format!("[{i}]")).collect();
            format!("{name}{rest}")
        }
    }
}

fn params(f: &mut Visit, names: [&str; 4], p: &ParamsJson) {
    rows(f, names[0], &p.w1);
    row(f, names[1], &p.b1);
    rows(f, names[2], &p.w2);
    row(f, names[3], &p.b2);
}

fn row(f: &mut Visit, name: &str, values: &[f64]) {
    for (i, v) in values.iter().enumerate() {
        f(name, &[i], *v);
    }
}

fn rows<const C: usize>(f: &mut Visit, name: &str, values: &[[f64; C]]) {
    for (i, r) in values.iter().enumerate() {
        for (j, v) in r.iter().enumerate() {
            f(name, &[i, j], *v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::presets::xor;

    #[test]
    fn paths_name_the_exact_value() {
        assert_eq!(path("grad.w1", &[1, 0]), "grad.w1[1][0]");
        assert_eq!(path("loss", &[]), "loss");
        assert_eq!(path("batch.samples[].y", &[3, 0]), "batch.samples[3].y[0]");
        let entries = evaluate(&xor()).expect("finite").entries();
        // forward 7, grad.{y,z2,h,z1} 6, grad 9, next 9, sigma_prime 3, batch 1 + 9 + 4·2
        assert_eq!(entries.len(), 7 + 6 + 9 + 9 + 3 + 1 + 9 + 8);
        assert!(entries.iter().any(|(p, _)| p == "batch.samples[2].loss"));
    }
}
