//! The loss of one example, in either of the two common conventions.

use serde::Serialize;

/// Which squared-error convention the loss uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LossFn {
    /// `E = (y − t)²`, the seed notebook's convention; `∂E/∂y = 2(y − t)`.
    #[default]
    Squared,
    /// `E = ½(y − t)²`, most textbooks' convention; `∂E/∂y = y − t`.
    HalfSquared,
}

impl LossFn {
    /// Both conventions with their names in the state JSON.
    pub const ALL: [(LossFn, &'static str); 2] = [
        (LossFn::Squared, "squared"),
        (LossFn::HalfSquared, "half_squared"),
    ];

    /// The loss `E` of output `y` against target `t`.
    ///
    /// ```
    /// use backprop_viz::loss::LossFn;
    /// assert_eq!(LossFn::Squared.value(0.75, 0.5), 0.0625);
    /// assert_eq!(LossFn::HalfSquared.value(0.75, 0.5), 0.03125);
    /// ```
    pub fn value(self, y: f64, t: f64) -> f64 {
        self.scale() * (y - t) * (y - t)
    }

    /// Its derivative `∂E/∂y`: `2(y − t)` or `y − t`.
    ///
    /// ```
    /// use backprop_viz::loss::LossFn;
    /// assert_eq!(LossFn::Squared.grad(0.75, 0.5), 0.5);
    /// assert_eq!(LossFn::HalfSquared.grad(0.75, 0.5), 0.25);
    /// ```
    pub fn grad(self, y: f64, t: f64) -> f64 {
        2.0 * self.scale() * (y - t)
    }

    /// The factor in front of `(y − t)²`: 1 or ½.
    pub fn scale(self) -> f64 {
        match self {
            LossFn::Squared => 1.0,
            LossFn::HalfSquared => 0.5,
        }
    }
}
