//! The squared-error loss of the seed network.

/// The loss `E = (y − t)²` (the seed's convention: no factor ½).
///
/// ```
/// use backprop_viz::loss::squared_error;
/// assert_eq!(squared_error(0.75, 0.5), 0.0625);
/// ```
pub fn squared_error(y: f64, t: f64) -> f64 {
    (y - t) * (y - t)
}

/// Its derivative `∂E/∂y = 2·(y − t)`.
///
/// ```
/// use backprop_viz::loss::squared_error_grad;
/// assert_eq!(squared_error_grad(0.75, 0.5), 0.5);
/// ```
pub fn squared_error_grad(y: f64, t: f64) -> f64 {
    2.0 * (y - t)
}
