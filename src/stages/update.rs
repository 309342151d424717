//! The update stage: every weight and bias takes one descent step.

use super::symbols::{self as sym, w1_edges, w2_edges};
use super::{names, Phase, Stage, Tape};
use crate::formula::{Expr, Formula, Relation, Symbol};
use crate::state::{HIDDEN, INPUTS};

impl Tape<'_> {
    pub(super) fn update(&self) -> Stage {
        let (old, grad, new) = (
            &self.pass.state.params,
            &self.pass.grads.d_params,
            &self.pass.next.params,
        );
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
            id: "update",
            index: 0,
            title: "Update",
            phase: Phase::Update,
            edges,
            nodes: names(&["h.0", "h.1", "y.0"]),
            explanation: "Gradient descent moves every weight and bias a small step against its gradient, p ← p − η·∂E/∂p, with all gradients taken at the old parameters. (The seed notebook's loop adds the gradient instead: that climbs the loss.)",
            formulas,
        }
    }

    /// `p ← p − η·∂E/∂p`, from `(old, gradient, new)`.
    fn assign(
        &self,
        target: String,
        path: String,
        symbol: Symbol,
        (old, grad, new): (f64, f64, f64),
    ) -> Formula {
        Formula {
            target,
            path: Some(path),
            lhs: Expr::var(symbol.clone(), new),
            relation: Relation::Assign,
            rhs: Expr::difference(
                Expr::var(symbol.clone(), old),
                Expr::product(vec![self.eta(), Expr::grad(symbol, grad)]),
            ),
            value: new,
            delta: Some(-(self.pass.state.lr * grad)),
        }
    }
}
