//! Seeded initial weights, and reshaping a network while keeping the weights that still exist.
//!
//! Each weight is drawn from its own position, `(seed, layer, i, j)`, so adding a neuron draws
//! only its new weights and leaves every other one as it was. Weights are uniform in
//! `±√(6 / (fan_in + fan_out))` (Glorot/Xavier) for sigmoid, tanh and linear layers and in
//! `±√(6 / fan_in)` (He) for ReLU layers; biases start at 0.

use crate::network::activation::Activation;
use crate::network::arch::{Arch, ParamId};

/// The seed used when a state does not say.
pub const DEFAULT_INIT_SEED: u32 = 1;

/// A uniform number in `[−1, 1)` for position `(seed, layer, from, to)`: SplitMix64 over the
/// packed position.
fn unit(seed: u32, layer: usize, from: usize, to: usize) -> f64 {
    let packed =
        (u64::from(seed) << 24) ^ ((layer as u64) << 16) ^ ((from as u64) << 8) ^ to as u64;
    let mut x = packed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    (x >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

/// The initial value of parameter `id` of `arch` for `seed`, rounded to 4 decimals so that the
/// numbers stay readable on the page.
pub fn initial_value(arch: &Arch, seed: u32, id: ParamId) -> f64 {
    match id {
        ParamId::Bias { .. } => 0.0,
        ParamId::Weight { layer, from, to } => {
            let (fan_in, fan_out) = (arch.width(layer - 1) as f64, arch.width(layer) as f64);
            let limit = match arch.activation(layer) {
                Activation::Relu => (6.0 / fan_in).sqrt(),
                _ => (6.0 / (fan_in + fan_out)).sqrt(),
            };
            (unit(seed, layer, from, to) * limit * 1e4).round() / 1e4
        }
    }
}

/// Every parameter of `arch` drawn anew from `seed`.
pub fn initial_params(arch: &Arch, seed: u32) -> Vec<f64> {
    arch.params()
        .into_iter()
        .map(|id| initial_value(arch, seed, id))
        .collect()
}

/// The parameters of `new` that keep `old`'s values wherever the same weight still exists and
/// draw the others from `seed`. Hidden layers match by position from the input, the output
/// layer matches the output layer; within a layer, neuron `i → j` matches `i → j`.
pub fn reshape_params(old: &Arch, params: &[f64], new: &Arch, seed: u32) -> Vec<f64> {
    let old_layer = |l: usize| -> Option<usize> {
        if l == new.depth() {
            Some(old.depth())
        } else if l < old.depth() {
            Some(l)
        } else {
            None
        }
    };
    new.params()
        .into_iter()
        .map(|id| {
            let kept = old_layer(id.layer()).and_then(|layer| {
                let moved = match id {
                    ParamId::Weight { from, to, .. } => ParamId::Weight { layer, from, to },
                    ParamId::Bias { to, .. } => ParamId::Bias { layer, to },
                };
                let in_range = match moved {
                    ParamId::Weight { from, to, .. } => {
                        from < old.width(layer - 1) && to < old.width(layer)
                    }
                    ParamId::Bias { to, .. } => to < old.width(layer),
                };
                in_range.then(|| params[old.index(moved)])
            });
            kept.unwrap_or_else(|| initial_value(new, seed, id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arch(widths: &[usize], act: Activation) -> Arch {
        Arch::new(widths.to_vec(), vec![act; widths.len() - 1]).expect("valid")
    }

    #[test]
    fn draws_are_reproducible_and_within_the_limit() {
        let a = arch(&[2, 8, 8, 1], Activation::Tanh);
        let p = initial_params(&a, 7);
        assert_eq!(p, initial_params(&a, 7));
        assert_ne!(p, initial_params(&a, 8));
        let limit = |l: usize| (6.0 / (a.width(l - 1) + a.width(l)) as f64).sqrt();
        for id in a.params() {
            let v = p[a.index(id)];
            if id.is_bias() {
                assert_eq!(v, 0.0);
            } else {
                assert!(v.abs() <= limit(id.layer()), "{} = {v}", id.name());
            }
        }
        let spread = p.iter().filter(|v| v.abs() > limit(2) / 2.0).count();
        assert!(
            spread > 10,
            "weights use their range: {spread} of {}",
            p.len()
        );
    }

    #[test]
    fn adding_a_neuron_keeps_every_other_weight() {
        let old = arch(&[2, 2, 1], Activation::Sigmoid);
        let params: Vec<f64> = (0..old.param_count()).map(|k| k as f64 + 0.5).collect();
        let new = arch(&[2, 3, 1], Activation::Sigmoid);
        let p = reshape_params(&old, &params, &new, 1);
        for id in old.params() {
            let name = id.name();
            let same = new.param_named(&name).expect("still exists");
            assert_eq!(p[new.index(same)], params[old.index(id)], "{name}");
        }
        let fresh = new.param_named("w1.0.2").expect("new weight");
        assert_eq!(p[new.index(fresh)], initial_value(&new, 1, fresh));
        // A new hidden layer: the output layer keeps its weights, the new layer is drawn.
        let deeper = arch(&[2, 2, 2, 1], Activation::Sigmoid);
        let q = reshape_params(&old, &params, &deeper, 1);
        let out = deeper.param_named("w3.1.0").expect("output weight");
        assert_eq!(
            q[deeper.index(out)],
            params[old.index(old.param_named("w2.1.0").expect("old"))]
        );
    }
}
