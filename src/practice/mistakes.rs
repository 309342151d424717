//! The values each mistake gives, question by question, in the order of the tape's formulas
//! (see `stages/`): every number here is computed from the pass's own values, the way a learner
//! with that misconception would compute it from the numbers the page shows.

use super::{Mistake, MistakeKind, Question};
use crate::evaluate::Pass;
use crate::network::activation::Activation;
use crate::network::arch::{Arch, ParamId};
use crate::network::loss::LossFn;
use crate::stages::Step;
use crate::train::rule::signed_rate;

/// The questions of `step`, one per formula of its stage, in the same order.
pub(super) fn questions(pass: &Pass, step: Step) -> Vec<Question> {
    let m = Mistakes { pass };
    let arch = &pass.state.arch;
    let mut out = Vec::new();
    match step {
        Step::Forward(l) => {
            for j in 0..arch.width(l) {
                out.push(m.pre_activation(l, j));
                out.push(m.activation(l, j));
            }
        }
        Step::Loss => out.push(m.signed(pass.forward.loss, Vec::new())),
        Step::GradY => {
            for k in 0..arch.outputs() {
                out.push(m.grad_y(k));
            }
        }
        Step::Delta(l) => {
            for j in 0..arch.width(l) {
                out.push(m.slope(l, j));
                // δ⁽ˡ⁾ⱼ, then ∂E/∂b⁽ˡ⁾ⱼ, which is the same number.
                let delta = m.delta(l, j);
                out.push(delta.clone());
                out.push(delta);
            }
        }
        Step::GradW(l) => {
            for i in 0..arch.width(l - 1) {
                for j in 0..arch.width(l) {
                    out.push(m.grad_w(l, i, j));
                }
            }
        }
        Step::GradH(l) => {
            for i in 0..arch.width(l) {
                out.push(m.grad_h(l, i));
            }
        }
        Step::Update => {
            for id in arch.params() {
                out.push(m.update(id));
            }
        }
    }
    out
}

struct Mistakes<'a> {
    pass: &'a Pass,
}

fn mistake(kind: MistakeKind, value: f64) -> Mistake {
    Mistake { kind, value }
}

fn weight(layer: usize, from: usize, to: usize) -> ParamId {
    ParamId::Weight { layer, from, to }
}

/// `wl[to][from]`, the weight with the indices of `wl[from][to]` swapped, when it exists.
fn transposed(arch: &Arch, layer: usize, from: usize, to: usize) -> Option<ParamId> {
    (to < arch.width(layer - 1) && from < arch.width(layer)).then_some(weight(layer, to, from))
}

/// Like [`transposed`], but only for a weight whose indices differ.
fn swapped(arch: &Arch, layer: usize, from: usize, to: usize) -> Option<ParamId> {
    if from == to {
        None
    } else {
        transposed(arch, layer, from, to)
    }
}

impl Mistakes<'_> {
    fn arch(&self) -> &Arch {
        &self.pass.state.arch
    }

    fn param(&self, id: ParamId) -> f64 {
        self.pass.state.params[self.arch().index(id)]
    }

    /// The question for `value`, with a sign error first and then the `others`.
    fn signed(&self, value: f64, mut others: Vec<Mistake>) -> Question {
        others.insert(0, mistake(MistakeKind::Sign, -value));
        Question {
            value,
            mistakes: others,
        }
    }

    fn is_output_ce(&self, l: usize) -> bool {
        l == self.arch().depth() && self.pass.state.loss_fn == LossFn::CrossEntropy
    }

    /// `z⁽ˡ⁾ⱼ = Σᵢ aᵢ·wᵢⱼ + bⱼ`, and with `wⱼᵢ` for every `wᵢⱼ` when those all exist.
    fn pre_activation(&self, l: usize, j: usize) -> Question {
        let arch = self.arch();
        let a = &self.pass.forward.a[l - 1];
        let bias = self.param(ParamId::Bias { layer: l, to: j });
        let transposed: Option<f64> = (0..arch.width(l - 1))
            .map(|i| transposed(arch, l, i, j).map(|id| a[i] * self.param(id)))
            .sum::<Option<f64>>()
            .map(|sum| sum + bias);
        let others = transposed
            .map(|value| mistake(MistakeKind::SwappedIndex, value))
            .into_iter()
            .collect();
        self.signed(self.pass.forward.z[l][j], others)
    }

    fn activation(&self, l: usize, j: usize) -> Question {
        self.signed(self.pass.forward.a[l][j], Vec::new())
    }

    fn grad_y(&self, k: usize) -> Question {
        let value = self.pass.grads.d_a[self.arch().depth()][k];
        self.signed(value, self.factor_2(value))
    }

    /// Half of `value`, for a quantity proportional to `∂E/∂y` under `E = (y − t)²`.
    fn factor_2(&self, value: f64) -> Vec<Mistake> {
        if self.pass.state.loss_fn != LossFn::Squared {
            return Vec::new();
        }
        vec![mistake(MistakeKind::MissingFactor2, value / 2.0)]
    }

    /// `f′(z)` computed from `z` instead of `a`: `z(1 − z)` for σ, `1 − z²` for tanh.
    fn slope_from_z(&self, l: usize, j: usize) -> Option<f64> {
        let z = self.pass.forward.z[l][j];
        match self.arch().activation(l) {
            Activation::Sigmoid => Some(z * (1.0 - z)),
            Activation::Tanh => Some(1.0 - z * z),
            Activation::Relu | Activation::Linear => None,
        }
    }

    fn slope(&self, l: usize, j: usize) -> Question {
        let others = self
            .slope_from_z(l, j)
            .map(|value| mistake(MistakeKind::SlopeFromZ, value))
            .into_iter()
            .collect();
        self.signed(self.pass.slope(l, j), others)
    }

    /// `∂E/∂h⁽ˡ⁾ᵢ` computed with the already-updated weights of layer `l + 1`.
    fn grad_h_updated(&self, l: usize, i: usize) -> f64 {
        let arch = self.arch();
        let next = &self.pass.next.params;
        (0..arch.width(l + 1))
            .map(|j| self.pass.grads.d_z[l + 1][j] * next[arch.index(weight(l + 1, i, j))])
            .sum()
    }

    /// The mistakes of a quantity `factor · δ⁽ˡ⁾ⱼ` (δ itself, ∂E/∂b, ∂E/∂w with factor aᵢ).
    fn through_delta(&self, l: usize, j: usize, factor: f64) -> Vec<Mistake> {
        let mut others = Vec::new();
        if !self.is_output_ce(l) {
            if let Some(slope) = self.slope_from_z(l, j) {
                let d_a = self.pass.grads.d_a[l][j];
                others.push(mistake(MistakeKind::SlopeFromZ, d_a * slope * factor));
            }
        }
        if l == self.arch().depth() {
            others.extend(self.factor_2(self.pass.grads.d_z[l][j] * factor));
        } else {
            let updated = self.grad_h_updated(l, j) * self.pass.slope(l, j) * factor;
            others.push(mistake(MistakeKind::UpdatedWeights, updated));
        }
        others
    }

    fn delta(&self, l: usize, j: usize) -> Question {
        self.signed(self.pass.grads.d_z[l][j], self.through_delta(l, j, 1.0))
    }

    fn grad_w(&self, l: usize, i: usize, j: usize) -> Question {
        let arch = self.arch();
        let g = &self.pass.grads.d_params;
        let mut others = self.through_delta(l, j, self.pass.forward.a[l - 1][i]);
        if let Some(other) = swapped(arch, l, i, j) {
            others.push(mistake(MistakeKind::SwappedIndex, g[arch.index(other)]));
        }
        self.signed(g[arch.index(weight(l, i, j))], others)
    }

    fn grad_h(&self, l: usize, i: usize) -> Question {
        let arch = self.arch();
        let d_z = &self.pass.grads.d_z[l + 1];
        let transposed: Option<f64> = (0..arch.width(l + 1))
            .map(|j| transposed(arch, l + 1, i, j).map(|id| d_z[j] * self.param(id)))
            .sum();
        let mut others = vec![mistake(
            MistakeKind::UpdatedWeights,
            self.grad_h_updated(l, i),
        )];
        others.extend(transposed.map(|value| mistake(MistakeKind::SwappedIndex, value)));
        self.signed(self.pass.grads.d_a[l][i], others)
    }

    fn update(&self, id: ParamId) -> Question {
        let (state, arch) = (&self.pass.state, self.arch());
        let k = arch.index(id);
        let (grads, _) = self.pass.update_grads();
        let (old, new) = (state.params[k], self.pass.next.params[k]);
        let mut others = Vec::new();
        let trained = !id.is_bias() || state.train_biases;
        if trained {
            let rate = signed_rate(state.lr, state.direction);
            others.push(mistake(MistakeKind::StepDirection, old - rate * grads[k]));
            if let ParamId::Weight { layer, from, to } = id {
                if let Some(other) = swapped(arch, layer, from, to) {
                    let value = old + rate * grads[arch.index(other)];
                    others.push(mistake(MistakeKind::SwappedIndex, value));
                }
            }
        }
        self.signed(new, others)
    }
}
