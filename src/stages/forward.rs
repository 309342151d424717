//! The forward stages: hidden layer, output, loss.

use super::symbols::{self as sym, w1_edges, w2_edges};
use super::{formula, named, names, Phase, Stage, Tape};
use crate::formula::{Expr, Symbol};
use crate::loss::LossFn;
use crate::state::{HIDDEN, INPUTS};

impl Tape<'_> {
    pub(super) fn forward_hidden(&self) -> Stage {
        let (p, f) = (&self.pass.state.params, &self.pass.forward);
        let mut formulas = Vec::new();
        for j in 0..HIDDEN {
            let mut terms: Vec<Expr> = (0..INPUTS)
                .map(|i| Expr::product(vec![self.x(i), Expr::var(sym::w1(i, j), p.w1[(i, j)])]))
                .collect();
            terms.push(Expr::var(sym::b1(j), p.b1[j]));
            let target = format!("h.{j}");
            let z = Expr::var(sym::z1(j), f.z1[j]);
            formulas.push(formula(
                &target,
                Some(format!("z1[{j}]")),
                z.clone(),
                Expr::sum(terms),
                f.z1[j],
            ));
            formulas.push(formula(
                &target,
                Some(format!("h[{j}]")),
                self.h(j),
                Expr::sigmoid(z),
                f.h[j],
            ));
        }
        Stage {
            phase: Phase::Forward,
            edges: w1_edges(),
            nodes: names(&["x.0", "x.1", "h.0", "h.1"]),
            explanation: "Each hidden neuron adds up its weighted inputs and its bias into z⁽¹⁾, then squashes that sum with the sigmoid: h = σ(z⁽¹⁾).".to_string(),
            formulas,
            ..named("forward_hidden")
        }
    }

    pub(super) fn forward_output(&self) -> Stage {
        let (p, f) = (&self.pass.state.params, &self.pass.forward);
        let mut terms: Vec<Expr> = (0..HIDDEN)
            .map(|j| Expr::product(vec![self.h(j), Expr::var(sym::w2(j), p.w2[(j, 0)])]))
            .collect();
        terms.push(Expr::var(sym::b2(), p.b2[0]));
        let z = Expr::var(sym::z2(), f.z2[0]);
        Stage {
            phase: Phase::Forward,
            edges: w2_edges(),
            nodes: names(&["h.0", "h.1", "y.0"]),
            explanation: "The output neuron does the same with the hidden activations: z⁽²⁾ is their weighted sum plus its bias, and y = σ(z⁽²⁾).".to_string(),
            formulas: vec![
                formula("y.0", Some("z2[0]".into()), z.clone(), Expr::sum(terms), f.z2[0]),
                formula("y.0", Some("y[0]".into()), self.y(), Expr::sigmoid(z), f.y[0]),
            ],
            ..named("forward_output")
        }
    }

    pub(super) fn loss(&self) -> Stage {
        let loss = self.pass.forward.loss;
        Stage {
            phase: Phase::Loss,
            edges: Vec::new(),
            nodes: names(&["y.0", "t.0", "loss"]),
            explanation: format!(
                "The loss measures how far the output is from the target: E = {}. Backpropagation starts here and works backwards.",
                self.loss_text()
            ),
            formulas: vec![formula(
                "loss",
                Some("loss".into()),
                Expr::var(Symbol::plain("E"), loss),
                self.loss_expr(),
                loss,
            )],
            ..named("loss")
        }
    }
}

impl Tape<'_> {
    /// `(y − t)²` or `½·(y − t)²`, as the state's convention says.
    fn loss_expr(&self) -> Expr {
        let square = Expr::square(Expr::difference(self.y(), self.t()));
        match self.pass.state.loss_fn {
            LossFn::Squared => square,
            LossFn::HalfSquared => Expr::product(vec![Expr::number(0.5), square]),
        }
    }

    pub(super) fn loss_text(&self) -> &'static str {
        match self.pass.state.loss_fn {
            LossFn::Squared => "(y − t)²",
            LossFn::HalfSquared => "½(y − t)²",
        }
    }
}
