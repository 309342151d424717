//! The update stage: every weight and bias takes one step.

use super::symbols::{self as sym, w1_edges, w2_edges};
use super::{classify, named, names, Phase, Stage, Tape};
use crate::formula::{Expr, Formula, Relation, Symbol};
use crate::state::{Direction, Mode, HIDDEN, INPUTS};
use crate::update::signed_rate;

impl Tape<'_> {
    pub(super) fn update(&self) -> Stage {
        let (old, new) = (&self.pass.state.params, &self.pass.next.params);
        let (grad, _) = self.pass.update_grads();
        let mut formulas = Vec::new();
        for i in 0..INPUTS {
            for j in 0..HIDDEN {
                formulas.push(self.assign(
                    format!("w1.{i}.{j}"),
                    format!("next.w1[{i}][{j}]"),
                    sym::w1(i, j),
                    (old.w1[(i, j)], grad.w1[(i, j)], new.w1[(i, j)]),
                ));
            }
        }
        for j in 0..HIDDEN {
            formulas.push(self.assign(
                format!("h.{j}"),
                format!("next.b1[{j}]"),
                sym::b1(j),
                (old.b1[j], grad.b1[j], new.b1[j]),
            ));
        }
        for j in 0..HIDDEN {
            formulas.push(self.assign(
                format!("w2.{j}.0"),
                format!("next.w2[{j}][0]"),
                sym::w2(j),
                (old.w2[(j, 0)], grad.w2[(j, 0)], new.w2[(j, 0)]),
            ));
        }
        formulas.push(self.assign(
            "y.0".to_string(),
            "next.b2[0]".to_string(),
            sym::b2(),
            (old.b2[0], grad.b2[0], new.b2[0]),
        ));
        let mut edges = w1_edges();
        edges.extend(w2_edges());
        Stage {
            phase: Phase::Update,
            edges,
            nodes: names(&["h.0", "h.1", "y.0"]),
            explanation: self.update_explanation(),
            formulas,
            ..named("update")
        }
    }

    fn update_explanation(&self) -> String {
        let state = &self.pass.state;
        if state.direction == Direction::Ascent {
            return "This update adds the gradient, p ← p + η·∂E/∂p, exactly as the seed notebook's w += lr·grad does. Adding the gradient walks uphill: it is gradient ascent, and the loss grows at every step. The fix is to subtract it: p ← p − η·∂E/∂p.".to_string();
        }
        let rule = match (self.pass.update_grads().1, state.mode) {
            (true, _) => format!(
                "against the mean gradient over all {} samples, p ← p − η·∂J/∂p, where J is the mean loss (batch gradient descent)",
                state.samples.len()
            ),
            (false, Mode::PerSample) if !state.samples.is_empty() => {
                "against this sample's own gradient, p ← p − η·∂E/∂p (per-sample updates: one sample at a time)".to_string()
            }
            _ => "against its gradient, p ← p − η·∂E/∂p".to_string(),
        };
        format!("Gradient descent moves every weight and bias a small step {rule}, with all gradients taken at the old parameters. (The seed notebook's loop adds the gradient instead: that climbs the loss.)")
    }

    /// `p ← p − η·∂E/∂p` (or `+` for ascent, `∂J` for a batch mean), from `(old, gradient, new)`.
    fn assign(
        &self,
        target: String,
        path: String,
        symbol: Symbol,
        (old, grad, new): (f64, f64, f64),
    ) -> Formula {
        let state = &self.pass.state;
        let gradient = if self.pass.update_grads().1 {
            Expr::mean_grad(symbol.clone(), grad)
        } else {
            Expr::grad(symbol.clone(), grad)
        };
        let before = Expr::var(symbol.clone(), old);
        let step = Expr::product(vec![self.eta(), gradient]);
        let rhs = match state.direction {
            Direction::Descent => Expr::difference(before, step),
            Direction::Ascent => Expr::sum(vec![before, step]),
        };
        let (kind, param) = classify(Some(&path));
        Formula {
            kind,
            param,
            target,
            path: Some(path),
            lhs: Expr::var(symbol, new),
            relation: Relation::Assign,
            rhs,
            value: new,
            delta: Some(signed_rate(state.lr, state.direction) * grad),
        }
    }
}
