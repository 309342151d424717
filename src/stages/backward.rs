//! The backward stages: from ∂E/∂y back to ∂E/∂W1, one link of the chain rule at a time.

use super::symbols::{self as sym, w1_edges, w2_edges};
use super::{formula, named, names, Phase, Stage, Tape};
use crate::formula::Expr;
use crate::loss::LossFn;
use crate::state::{HIDDEN, INPUTS};

impl Tape<'_> {
    pub(super) fn grad_y(&self) -> Stage {
        Stage {
            phase: Phase::Backward,
            edges: Vec::new(),
            nodes: names(&["loss", "y.0"]),
            explanation: format!(
                "How fast the loss changes when the output changes: the first link of the chain rule. For E = {} it is {}. A negative value means a larger y would lower E.",
                self.loss_text(),
                match self.pass.state.loss_fn {
                    LossFn::Squared => "2(y − t)",
                    LossFn::HalfSquared => "y − t: the ½ cancels the 2 from the square",
                }
            ),
            formulas: vec![formula(
                "y.0",
                Some("grad.y[0]".into()),
                self.d_y(),
                match self.pass.state.loss_fn {
                    LossFn::Squared => {
                        Expr::product(vec![Expr::number(2.0), Expr::difference(self.y(), self.t())])
                    }
                    LossFn::HalfSquared => Expr::difference(self.y(), self.t()),
                },
                self.pass.grads.d_y[0],
            )],
            ..named("grad_y")
        }
    }

    pub(super) fn delta_out(&self) -> Stage {
        let g = &self.pass.grads;
        Stage {
            phase: Phase::Backward,
            edges: Vec::new(),
            nodes: names(&["y.0"]),
            explanation: "Multiply by the sigmoid's slope at the output, σ′(z⁽²⁾) = y(1 − y), to get δ_out = ∂E/∂z⁽²⁾, the output's error signal. The bias adds straight into z⁽²⁾, so ∂E/∂b⁽²⁾ = δ_out.".to_string(),
            formulas: vec![
                formula(
                    "y.0",
                    None,
                    self.slope_out(),
                    Expr::product(vec![self.y(), Expr::difference(Expr::number(1.0), self.y())]),
                    self.slope_out_value(),
                ),
                formula(
                    "y.0",
                    Some("grad.z2[0]".into()),
                    self.d_z2(),
                    Expr::product(vec![self.d_y(), self.slope_out()]),
                    g.d_z2[0],
                ),
                formula(
                    "y.0",
                    Some("grad.b2[0]".into()),
                    Expr::grad(sym::b2(), g.d_params.b2[0]),
                    self.d_z2(),
                    g.d_params.b2[0],
                ),
            ],
            ..named("delta_out")
        }
    }

    pub(super) fn grad_w2(&self) -> Stage {
        let g = &self.pass.grads;
        let formulas = (0..HIDDEN)
            .map(|j| {
                formula(
                    &format!("w2.{j}.0"),
                    Some(format!("grad.w2[{j}][0]")),
                    Expr::grad(sym::w2(j), g.d_params.w2[(j, 0)]),
                    Expr::product(vec![self.d_y(), self.slope_out(), self.h(j)]),
                    g.d_params.w2[(j, 0)],
                )
            })
            .collect();
        Stage {
            phase: Phase::Backward,
            edges: w2_edges(),
            nodes: names(&["y.0", "h.0", "h.1"]),
            explanation: "Each output weight's gradient is the output's error signal times the activation that flows through that weight: ∂E/∂w⁽²⁾ⱼ = ∂E/∂y · σ′(z⁽²⁾) · hⱼ.".to_string(),
            formulas,
            ..named("grad_w2")
        }
    }

    pub(super) fn grad_h(&self) -> Stage {
        let (p, g) = (&self.pass.state.params, &self.pass.grads);
        let formulas = (0..HIDDEN)
            .map(|j| {
                formula(
                    &format!("h.{j}"),
                    Some(format!("grad.h[{j}]")),
                    self.d_h(j),
                    Expr::product(vec![self.d_z2(), Expr::var(sym::w2(j), p.w2[(j, 0)])]),
                    g.d_h[j],
                )
            })
            .collect();
        Stage {
            phase: Phase::Backward,
            edges: w2_edges(),
            nodes: names(&["y.0", "h.0", "h.1"]),
            explanation: "The error signal flows back along the same weights: each hidden neuron receives δ_out times the weight that connects it to the output.".to_string(),
            formulas,
            ..named("grad_h")
        }
    }

    pub(super) fn delta_hidden(&self) -> Stage {
        let g = &self.pass.grads;
        let mut formulas = Vec::new();
        for j in 0..HIDDEN {
            let target = format!("h.{j}");
            formulas.push(formula(
                &target,
                None,
                self.slope_hidden(j),
                Expr::product(vec![
                    self.h(j),
                    Expr::difference(Expr::number(1.0), self.h(j)),
                ]),
                self.slope_hidden_value(j),
            ));
            formulas.push(formula(
                &target,
                Some(format!("grad.z1[{j}]")),
                self.d_z1(j),
                Expr::product(vec![self.d_h(j), self.slope_hidden(j)]),
                g.d_z1[j],
            ));
            formulas.push(formula(
                &target,
                Some(format!("grad.b1[{j}]")),
                Expr::grad(sym::b1(j), g.d_params.b1[j]),
                self.d_z1(j),
                g.d_params.b1[j],
            ));
        }
        Stage {
            phase: Phase::Backward,
            edges: Vec::new(),
            nodes: names(&["h.0", "h.1"]),
            explanation: "Each hidden neuron multiplies what it received by its own sigmoid slope hⱼ(1 − hⱼ): that is δ_hidden,ⱼ = ∂E/∂z⁽¹⁾ⱼ, and also ∂E/∂b⁽¹⁾ⱼ.".to_string(),
            formulas,
            ..named("delta_hidden")
        }
    }

    pub(super) fn grad_w1(&self) -> Stage {
        let g = &self.pass.grads;
        let mut formulas = Vec::new();
        for i in 0..INPUTS {
            for j in 0..HIDDEN {
                formulas.push(formula(
                    &format!("w1.{i}.{j}"),
                    Some(format!("grad.w1[{i}][{j}]")),
                    Expr::grad(sym::w1(i, j), g.d_params.w1[(i, j)]),
                    Expr::product(vec![self.d_h(j), self.slope_hidden(j), self.x(i)]),
                    g.d_params.w1[(i, j)],
                ));
            }
        }
        Stage {
            phase: Phase::Backward,
            edges: w1_edges(),
            nodes: names(&["h.0", "h.1", "x.0", "x.1"]),
            explanation: "Each input weight's gradient is its hidden neuron's error signal times the input it carries: ∂E/∂w⁽¹⁾ᵢⱼ = ∂E/∂hⱼ · σ′(z⁽¹⁾ⱼ) · xᵢ.".to_string(),
            formulas,
            ..named("grad_w1")
        }
    }
}
