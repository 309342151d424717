//! The loss of one example: squared error in either convention, or binary cross-entropy.

/// Which loss the network minimises; summed over the outputs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LossFn {
    /// `E = (y − t)²`, the seed notebook's convention; `∂E/∂y = 2(y − t)`.
    #[default]
    Squared,
    /// `E = ½(y − t)²`, most textbooks' convention; `∂E/∂y = y − t`.
    HalfSquared,
    /// `E = −[t ln y + (1 − t) ln(1 − y)]` for sigmoid outputs; `∂E/∂y = (y − t) / (y(1 − y))`,
    /// so that `δ = ∂E/∂z = y − t`: the sigmoid's slope cancels.
    CrossEntropy,
}

impl LossFn {
    /// Every loss with its name in the state JSON.
    pub const ALL: [(LossFn, &'static str); 3] = [
        (LossFn::Squared, "squared"),
        (LossFn::HalfSquared, "half_squared"),
        (LossFn::CrossEntropy, "cross_entropy"),
    ];

    /// The name used in the state JSON.
    pub fn name(self) -> &'static str {
        super::name_of(self, &Self::ALL)
    }

    /// The loss of output `y = f(z)` against target `t`. Cross-entropy is computed from `z`
    /// as `max(z, 0) − t·z + ln(1 + e^(−|z|))`, which never takes `ln 0`.
    ///
    /// ```
    /// use backprop_viz::network::loss::LossFn;
    /// assert_eq!(LossFn::Squared.value(0.0, 0.75, 0.5), 0.0625);
    /// assert_eq!(LossFn::HalfSquared.value(0.0, 0.75, 0.5), 0.03125);
    /// assert!((LossFn::CrossEntropy.value(0.0, 0.5, 1.0) - 2f64.ln()).abs() < 1e-15);
    /// assert!(LossFn::CrossEntropy.value(-800.0, 0.0, 1.0).is_finite());
    /// ```
    #[inline]
    pub fn value(self, z: f64, y: f64, t: f64) -> f64 {
        match self {
            LossFn::Squared => (y - t) * (y - t),
            LossFn::HalfSquared => 0.5 * (y - t) * (y - t),
            LossFn::CrossEntropy => z.max(0.0) - t * z + (-z.abs()).exp().ln_1p(),
        }
    }

    /// `∂E/∂y` of output `y = f(z)` against target `t`.
    ///
    /// ```
    /// use backprop_viz::network::loss::LossFn;
    /// assert_eq!(LossFn::Squared.grad(0.0, 0.75, 0.5), 0.5);
    /// assert_eq!(LossFn::HalfSquared.grad(0.0, 0.75, 0.5), 0.25);
    /// assert_eq!(LossFn::CrossEntropy.grad(0.0, 0.5, 1.0), -2.0);
    /// // Where y rounds to 1 (z > 37), ∂E/∂y = (1 − t)(1 + e^z) − t(1 + e^(−z)) from z: −1 for
    /// // the right answer, and large but finite for a confidently wrong one.
    /// assert_eq!(LossFn::CrossEntropy.grad(40.0, 1.0, 1.0), -1.0);
    /// assert_eq!(LossFn::CrossEntropy.grad(-40.0, 0.0, 0.0), 1.0);
    /// let wrong = LossFn::CrossEntropy.grad(40.0, 1.0, 0.0);
    /// assert!((wrong / 40f64.exp() - 1.0).abs() < 1e-15);
    /// ```
    #[inline]
    pub fn grad(self, z: f64, y: f64, t: f64) -> f64 {
        match self {
            LossFn::Squared => 2.0 * (y - t),
            LossFn::HalfSquared => y - t,
            LossFn::CrossEntropy if y > 0.0 && y < 1.0 => (y - t) / (y * (1.0 - y)),
            LossFn::CrossEntropy => {
                // y rounded to 0 or 1: (y − t)/(y(1 − y)) = (1 − t)/σ(−z) − t/σ(z)
                // = (1 − t)(1 + e^z) − t(1 + e^(−z)), a term only where its weight is not 0.
                let term = |weight: f64, exponent: f64| {
                    if weight == 0.0 {
                        0.0
                    } else {
                        weight * (1.0 + exponent.exp())
                    }
                };
                term(1.0 - t, z) - term(t, -z)
            }
        }
    }
}
