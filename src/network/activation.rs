//! The activations a layer can use, each with its derivative written beside it.

/// `exp` and `tanh` for σ and tanh: in WebAssembly this crate's own `fast_math` (Rust's `libm`
/// ones there were most of a training step's time), natively `std`'s, which are fast there and
/// keep native results bit-for-bit those the first page recorded (tests/page_v1.rs).
#[cfg(target_arch = "wasm32")]
mod math {
    pub use crate::network::fast_math::{exp, tanh};
}
#[cfg(not(target_arch = "wasm32"))]
mod math {
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn tanh(x: f64) -> f64 {
        x.tanh()
    }
}

/// A layer's activation function `a = f(z)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Activation {
    /// `σ(z) = 1 / (1 + e^(−z))`; `σ′(z) = a(1 − a)`.
    #[default]
    Sigmoid,
    /// `tanh(z)`; `tanh′(z) = 1 − a²`.
    Tanh,
    /// `max(z, 0)`; `ReLU′(z) = [z > 0]`, taken as 0 at `z = 0`.
    Relu,
    /// `z`; `linear′(z) = 1`.
    Linear,
}

impl Activation {
    /// Every activation with its name in the state JSON.
    pub const ALL: [(Activation, &'static str); 4] = [
        (Activation::Sigmoid, "sigmoid"),
        (Activation::Tanh, "tanh"),
        (Activation::Relu, "relu"),
        (Activation::Linear, "linear"),
    ];

    /// The name used in the state JSON.
    pub fn name(self) -> &'static str {
        super::name_of(self, &Self::ALL)
    }

    /// `f(z)`.
    ///
    /// ```
    /// use backprop_viz::network::activation::Activation;
    /// assert_eq!(Activation::Sigmoid.apply(0.0), 0.5);
    /// assert_eq!(Activation::Relu.apply(-2.0), 0.0);
    /// assert_eq!(Activation::Linear.apply(-2.0), -2.0);
    /// ```
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => math::tanh(z),
            Activation::Relu => z.max(0.0),
            Activation::Linear => z,
        }
    }

    /// `f′(z)`, from the pre-activation `z` and the activation `a = f(z)` (σ′ and tanh′ are
    /// cheapest from `a`, as the seed notebook's `sigmoid_derivative(x) = x * (1 - x)` does).
    ///
    /// ```
    /// use backprop_viz::network::activation::Activation;
    /// assert_eq!(Activation::Sigmoid.derivative(0.0, 0.5), 0.25);
    /// assert_eq!(Activation::Tanh.derivative(0.0, 0.0), 1.0);
    /// assert_eq!(Activation::Relu.derivative(0.0, 0.0), 0.0);
    /// ```
    #[inline]
    pub fn derivative(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Linear => 1.0,
        }
    }
}

impl Activation {
    /// `a = f(z)` for a whole layer, the `match` taken once per layer rather than per neuron,
    /// and each function inlined into its own loop (no call per neuron).
    pub fn apply_all(self, z: &[f64], a: &mut [f64]) {
        #[inline(always)]
        fn each(f: impl Fn(f64) -> f64, z: &[f64], a: &mut [f64]) {
            for (a, &z) in a.iter_mut().zip(z) {
                *a = f(z);
            }
        }
        match self {
            Activation::Sigmoid => each(|z| logistic(math::exp, z), z, a),
            Activation::Tanh => each(math::tanh, z, a),
            Activation::Relu => each(|z| Activation::Relu.apply(z), z, a),
            Activation::Linear => each(|z| z, z, a),
        }
    }

    /// `δ = ∂E/∂a ⊙ f′(z)` for a whole layer, the `match` taken once per layer.
    pub fn chain_all(self, z: &[f64], a: &[f64], d_a: &[f64], d_z: &mut [f64]) {
        #[inline(always)]
        fn each(
            slope: impl Fn(f64, f64) -> f64,
            z: &[f64],
            a: &[f64],
            d_a: &[f64],
            d_z: &mut [f64],
        ) {
            for (((d_z, &d_a), &z), &a) in d_z.iter_mut().zip(d_a).zip(z).zip(a) {
                *d_z = d_a * slope(z, a);
            }
        }
        match self {
            Activation::Sigmoid => {
                each(|z, a| Activation::Sigmoid.derivative(z, a), z, a, d_a, d_z)
            }
            Activation::Tanh => each(|z, a| Activation::Tanh.derivative(z, a), z, a, d_a, d_z),
            Activation::Relu => each(|z, a| Activation::Relu.derivative(z, a), z, a, d_a, d_z),
            Activation::Linear => each(|z, a| Activation::Linear.derivative(z, a), z, a, d_a, d_z),
        }
    }
}

/// The logistic sigmoid `σ(z) = 1 / (1 + exp(−z))`, stable for every `z`: for negative `z` it
/// is evaluated as `exp(z) / (1 + exp(z))`, so `exp` never overflows.
///
/// ```
/// use backprop_viz::network::activation::sigmoid;
/// assert_eq!(sigmoid(1000.0), 1.0);
/// assert_eq!(sigmoid(-1000.0), 0.0);
/// ```
pub fn sigmoid(z: f64) -> f64 {
    logistic(math::exp, z)
}

/// [`sigmoid`] with a given `exp`.
///
/// ```
/// use backprop_viz::network::activation::logistic;
/// assert_eq!(logistic(f64::exp, 0.0), 0.5);
/// ```
#[inline(always)]
pub fn logistic(exp: impl Fn(f64) -> f64, z: f64) -> f64 {
    let e = exp(-z.abs());
    if z >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn sigmoid_is_symmetric_and_finite() {
        for z in [0.1, 1.0, 5.0, 30.0, 700.0] {
            assert_relative_eq!(sigmoid(z) + sigmoid(-z), 1.0, epsilon = 1e-15);
        }
        for z in [-f64::MAX, -745.0, 745.0, f64::MAX] {
            assert!((0.0..=1.0).contains(&sigmoid(z)));
        }
    }

    #[test]
    fn derivatives_match_finite_differences() {
        for (act, _) in Activation::ALL {
            for z in [-3.0, -0.5, 0.3, 0.7, 2.5] {
                let eps = 1e-6;
                let numeric = (act.apply(z + eps) - act.apply(z - eps)) / (2.0 * eps);
                let analytic = act.derivative(z, act.apply(z));
                assert_relative_eq!(analytic, numeric, epsilon = 1e-8, max_relative = 1e-7);
            }
        }
    }
}
