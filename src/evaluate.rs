//! One full pass at a state — forward, backward and the update — checked for overflow and
//! shaped for JavaScript.

use std::borrow::Cow;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::data::split::{held_out, split};
use crate::error::Error;
use crate::network::activation::Activation;
use crate::network::arch::{Arch, NodeId};
use crate::network::backward::{forward_backward, Gradients};
use crate::network::forward::Forward;
use crate::network::layer_names::layer_name;
use crate::state::{write_params, Mode, State, UpdateOrder};
use crate::train::metrics::{accuracy, is_classification};
use crate::train::objective::{objective_seeing, Objective};
use crate::train::order::output_first;
use crate::train::rule::apply_into;

/// The forward values and gradients of the shown example, the training objective over the
/// samples (if any), and the state after one update; all finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    pub state: State,
    pub forward: Forward,
    pub grads: Gradients,
    /// `J` and `∇J` over the samples; `None` when the state has no samples.
    pub batch: Option<Objective>,
    /// Each sample's output and loss (empty without samples).
    pub sample_results: Vec<(Vec<f64>, f64)>,
    /// For each sample, whether it is held out for testing.
    pub held_out: Vec<bool>,
    /// The mean loss over the held-out samples, when there are any.
    pub test_loss: Option<f64>,
    /// The ReLU neurons whose `z ≤ 0` for every training example: they pass no gradient back.
    pub dead: Vec<NodeId>,
    /// With `update_order: "output_first"`, the gradients the update moved each parameter by
    /// (each layer's taken through the already-updated weights above it); `None` when the
    /// update uses the backward pass's own gradients.
    pub applied: Option<Vec<f64>>,
    pub next: State,
}

impl Pass {
    /// The gradient this pass's update uses: `∇J` in batch and mini-batch mode with samples (a
    /// pass steps on the whole training set), else the shown example's own. The flag says
    /// whether it is a mean over samples. Without the L2 term, which the update adds.
    pub fn update_grads(&self) -> (&[f64], bool) {
        let mean = self.batch.is_some() && self.state.mode == Mode::Batch;
        if let Some(applied) = &self.applied {
            return (applied, mean);
        }
        match &self.batch {
            Some(batch) if self.state.mode != Mode::PerSample => (&batch.grads, true),
            _ => (&self.grads.d_params, false),
        }
    }

    /// Whether this pass's update would step on a held-out sample's own gradient (one sample at
    /// a time, showing a test sample): then it leaves every parameter as it is, since training
    /// never uses the test split.
    pub fn updates_on_held_out(&self) -> bool {
        let state = &self.state;
        state.mode == Mode::PerSample
            && state
                .samples
                .iter()
                .position(|s| *s == state.example)
                .is_some_and(|k| self.held_out[k])
    }

    /// `f′(z)` of neuron `j` of layer `l`.
    pub fn slope(&self, l: usize, j: usize) -> f64 {
        self.state
            .arch
            .activation(l)
            .derivative(self.forward.z[l][j], self.forward.a[l][j])
    }
}

/// Runs one pass; fails, naming the value, if any number it produces is not finite.
pub fn pass(state: &State) -> Result<Pass, Error> {
    pass_of(state.clone())
}

/// [`pass`] of a state the caller gives up: the pass keeps it (one copy fewer).
pub fn pass_of(state: State) -> Result<Pass, Error> {
    let arch = &state.arch;
    let (x, t) = (&state.example.x, &state.example.t);
    let (fwd, grads) = forward_backward(arch, &state.params, x, t, state.loss_fn);
    let held_out = held_out(state.samples.len(), state.test_fraction, state.shuffle_seed);
    let (batch, sample_results, dead) = if state.samples.is_empty() {
        (None, Vec::new(), dead_units(arch, &fwd))
    } else {
        let samples = samples_pass(&state, &held_out);
        (Some(samples.batch), samples.results, samples.dead)
    };
    let test: Vec<f64> = sample_results
        .iter()
        .zip(&held_out)
        .filter(|(_, out)| **out)
        .map(|((_, loss), _)| *loss)
        .collect();
    let test_loss = (!test.is_empty()).then(|| test.iter().sum::<f64>() / test.len() as f64);
    let next = state.clone();
    let mut pass = Pass {
        state,
        forward: fwd,
        grads,
        batch,
        sample_results,
        held_out,
        test_loss,
        dead,
        applied: None,
        next,
    };
    let state = &pass.state;
    if pass.updates_on_held_out() {
        // One sample at a time on a held-out sample: no step (training never uses the test split).
    } else if state.update_order == UpdateOrder::OutputFirst {
        let data = split(state);
        let examples = if pass.update_grads().1 {
            data.train
        } else {
            vec![&state.example]
        };
        let update = output_first(state, &state.params, &examples);
        pass.applied = Some(update.grads);
        pass.next.params = update.next;
    } else {
        // Into the copy's own parameters (allocating nothing), taken out while the gradients
        // are read from the pass.
        let mut next = std::mem::take(&mut pass.next.params);
        apply_into(state, &state.params, pass.update_grads().0, &mut next);
        pass.next.params = next;
    }
    pass.check_finite()?;
    Ok(pass)
}

/// The ReLU neurons of the shown example's pass whose `z ≤ 0`: they pass no gradient back.
fn dead_units(arch: &Arch, fwd: &Forward) -> Vec<NodeId> {
    relu_units(arch)
        .filter(|n| fwd.z[n.layer][n.index] <= 0.0)
        .collect()
}

/// Every neuron of a ReLU layer.
fn relu_units(arch: &Arch) -> impl Iterator<Item = NodeId> + '_ {
    (1..=arch.depth())
        .filter(|&l| arch.activation(l) == Activation::Relu)
        .flat_map(|l| arch.layer_nodes(l))
}

/// What a pass takes from the samples.
struct SamplesPass {
    /// `J` and `∇J` over the training samples.
    batch: Objective,
    /// Each sample's output and loss.
    results: Vec<(Vec<f64>, f64)>,
    /// The ReLU neurons whose `z ≤ 0` for every sample.
    dead: Vec<NodeId>,
}

/// The samples' part of a pass, from one forward pass per sample in one workspace.
fn samples_pass(state: &State, held: &[bool]) -> SamplesPass {
    let arch = &state.arch;
    let relu: Vec<NodeId> = relu_units(arch).collect();
    // Whether every sample so far had `z ≤ 0` at each ReLU neuron.
    let mut off = vec![true; relu.len()];
    let mut results = Vec::with_capacity(state.samples.len());
    let batch = objective_seeing(state, &state.params, held, |ws, _| {
        for (n, off) in relu.iter().zip(&mut off) {
            *off &= ws.layer(&ws.z, n.layer)[n.index] <= 0.0;
        }
        results.push((ws.layer(&ws.a, arch.depth()).to_vec(), ws.loss));
    });
    let dead = relu
        .into_iter()
        .zip(off)
        .filter(|(_, off)| *off)
        .map(|(n, _)| n)
        .collect();
    SamplesPass {
        batch,
        results,
        dead,
    }
}

/// The name of layer `l`'s activations in results: `h1` … `h(L−1)`, and `y` for the output.
pub fn activation_key(arch: &Arch, l: usize) -> Cow<'static, str> {
    if l == arch.depth() {
        Cow::Borrowed("y")
    } else {
        layer_name('h', l)
    }
}

impl Pass {
    /// Fails, naming the first offending value, if any number is NaN or infinite.
    fn check_finite(&self) -> Result<(), Error> {
        let Some((path, value)) = self.first_non_finite() else {
            return Ok(());
        };
        let cause = if path.starts_with("next.") {
            "the learning rate or the gradients are too large; use a smaller learning rate"
        } else {
            "the inputs or weights are too large for 64-bit floating point"
        };
        Err(Error::new(
            path.clone(),
            format!(
                "the result overflowed: {path} would be {}; {cause}",
                crate::num::Num(value)
            ),
        ))
    }

    fn first_non_finite(&self) -> Option<(String, f64)> {
        let arch = &self.state.arch;
        let depth = arch.depth();
        let find = |values: &[f64]| values.iter().position(|v| !v.is_finite());
        for l in 1..=depth {
            if let Some(j) = find(&self.forward.z[l]) {
                return Some((format!("z{l}[{j}]"), self.forward.z[l][j]));
            }
            if let Some(j) = find(&self.forward.a[l]) {
                let key = activation_key(arch, l);
                return Some((format!("{key}[{j}]"), self.forward.a[l][j]));
            }
        }
        if !self.forward.loss.is_finite() {
            return Some(("loss".into(), self.forward.loss));
        }
        for l in (1..=depth).rev() {
            // Cross-entropy's ∂E/∂y is computed from z, so it is finite unless |z| > 709.
            if let Some(j) = find(&self.grads.d_a[l]) {
                let key = activation_key(arch, l);
                return Some((format!("grad.{key}[{j}]"), self.grads.d_a[l][j]));
            }
            if let Some(j) = find(&self.grads.d_z[l]) {
                return Some((format!("grad.z{l}[{j}]"), self.grads.d_z[l][j]));
            }
        }
        let param = |prefix: &str, values: &[f64]| {
            find(values).map(|k| {
                let name = arch
                    .param_at(k)
                    .map_or(String::new(), |id| path_of(id.name()));
                (format!("{prefix}{name}"), values[k])
            })
        };
        param("grad.", &self.grads.d_params)
            .or_else(|| param("next.", &self.next.params))
            .or_else(|| {
                let batch = self.batch.as_ref()?;
                if !batch.loss.is_finite() {
                    return Some(("batch.loss".into(), batch.loss));
                }
                param("batch.grad.", &batch.grads)
            })
            .or_else(|| {
                self.sample_results
                    .iter()
                    .enumerate()
                    .find_map(|(k, (y, loss))| {
                        if let Some(j) = find(y) {
                            Some((format!("batch.samples[{k}].y[{j}]"), y[j]))
                        } else {
                            (!loss.is_finite()).then(|| (format!("batch.samples[{k}].loss"), *loss))
                        }
                    })
            })
    }
}

/// `w1.0.1` as a path into the result, `w1[0][1]`.
fn path_of(name: String) -> String {
    let mut parts = name.split('.');
    let head = parts.next().unwrap_or_default().to_string();
    parts.fold(head, |acc, i| format!("{acc}[{i}]"))
}

/// Map entries `{prefix}{l}` → `values[l]` for `l` in `range`.
fn layered<M: SerializeMap>(
    map: &mut M,
    arch: &Arch,
    values: &[Vec<f64>],
    z: bool,
) -> Result<(), M::Error> {
    for (l, v) in values.iter().enumerate().skip(1) {
        let key = if z {
            layer_name('z', l)
        } else {
            activation_key(arch, l)
        };
        map.serialize_entry(&*key, v)?;
    }
    Ok(())
}

/// `{ y, z1 … zL, h1 … h(L−1), w1, b1, … wL, bL }`: every gradient of the shown example.
struct GradJson<'a>(&'a Pass);

impl Serialize for GradJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (arch, g) = (&self.0.state.arch, &self.0.grads);
        let mut map = serializer.serialize_map(None)?;
        layered(&mut map, arch, &g.d_z, true)?;
        layered(&mut map, arch, &g.d_a, false)?;
        write_params(&mut map, arch, &g.d_params)?;
        map.end()
    }
}

/// `{ z1 … zL }`: each neuron's activation slope `f′(z)`: near 0 a neuron is saturated (or a
/// ReLU is off) and passes almost no gradient back.
struct SlopeJson<'a>(&'a Pass);

impl Serialize for SlopeJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pass = self.0;
        let mut map = serializer.serialize_map(None)?;
        for l in 1..=pass.state.arch.depth() {
            map.serialize_entry(&*layer_name('z', l), &Slopes(pass, l))?;
        }
        map.end()
    }
}

/// Layer `l`'s slopes `f′(z)`, serialised as they are computed.
struct Slopes<'a>(&'a Pass, usize);

impl Serialize for Slopes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (pass, l) = (self.0, self.1);
        serializer.collect_seq((0..pass.state.arch.width(l)).map(|j| pass.slope(l, j)))
    }
}

impl Pass {
    /// The accuracy over the training samples (`test = false`) or the held-out ones, for
    /// classification with such samples.
    pub fn accuracy(&self, test: bool) -> Option<f64> {
        if !is_classification(&self.state) {
            return None;
        }
        accuracy(
            self.state
                .samples
                .iter()
                .zip(&self.sample_results)
                .zip(&self.held_out)
                .filter(|(_, out)| **out == test)
                .map(|((s, (y, _)), _)| (s, y.as_slice())),
        )
    }
}

/// `{ loss, penalty?, accuracy?, grad: { w1, b1, … }, samples: [{ x, t, y, loss, test? }] }`.
struct BatchJson<'a>(&'a Pass, &'a Objective);

impl Serialize for BatchJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (pass, batch) = (self.0, self.1);
        let arch = &pass.state.arch;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("loss", &batch.loss)?;
        if batch.penalty != 0.0 {
            map.serialize_entry("penalty", &batch.penalty)?;
        }
        if let Some(accuracy) = pass.accuracy(false) {
            map.serialize_entry("accuracy", &accuracy)?;
        }
        map.serialize_entry("grad", &ParamsJson(arch, &batch.grads))?;
        let samples: Vec<SampleResult> = pass
            .state
            .samples
            .iter()
            .zip(&pass.sample_results)
            .zip(&pass.held_out)
            .map(|((s, (y, loss)), &test)| SampleResult {
                x: &s.x,
                t: &s.t,
                y,
                loss: *loss,
                test,
            })
            .collect();
        map.serialize_entry("samples", &samples)?;
        map.end()
    }
}

/// Flat parameters (or gradients) as `{ w1, b1, … }`.
pub struct ParamsJson<'a>(pub &'a Arch, pub &'a [f64]);

impl Serialize for ParamsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        write_params(&mut map, self.0, self.1)?;
        map.end()
    }
}

#[derive(Serialize)]
struct SampleResult<'a> {
    x: &'a [f64],
    t: &'a [f64],
    y: &'a [f64],
    loss: f64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    test: bool,
}

/// `{ loss, count, accuracy? }`: the held-out samples' mean loss, how many, and the accuracy.
struct TestJson<'a>(&'a Pass, f64);

impl Serialize for TestJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("loss", &self.1)?;
        let count = self.0.held_out.iter().filter(|out| **out).count();
        map.serialize_entry("count", &count)?;
        if let Some(accuracy) = self.0.accuracy(true) {
            map.serialize_entry("accuracy", &accuracy)?;
        }
        map.end()
    }
}

/// The pass as JavaScript sees it: `{ z1 … zL, h1 … h(L−1), y, loss, grad, next, slope, dead }`,
/// plus `batch` when the state has samples and `test` when some are held out.
impl Serialize for Pass {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let arch = &self.state.arch;
        let mut map = serializer.serialize_map(None)?;
        layered(&mut map, arch, &self.forward.z, true)?;
        layered(&mut map, arch, &self.forward.a, false)?;
        map.serialize_entry("loss", &self.forward.loss)?;
        map.serialize_entry("grad", &GradJson(self))?;
        map.serialize_entry("next", &self.next)?;
        map.serialize_entry("slope", &SlopeJson(self))?;
        let dead: Vec<String> = self.dead.iter().map(|n| arch.node_name(*n)).collect();
        map.serialize_entry("dead", &dead)?;
        if let Some(batch) = &self.batch {
            map.serialize_entry("batch", &BatchJson(self, batch))?;
        }
        if let Some(loss) = self.test_loss {
            map.serialize_entry("test", &TestJson(self, loss))?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_exact_value() {
        assert_eq!(path_of("w1.1.0".into()), "w1[1][0]");
        assert_eq!(path_of("b2.0".into()), "b2[0]");
    }
}
