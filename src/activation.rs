//! The logistic sigmoid and its derivative.

/// The logistic sigmoid `σ(z) = 1 / (1 + exp(−z))`.
///
/// Numerically stable for every finite `z`: for negative `z` it is evaluated as
/// `exp(z) / (1 + exp(z))`, so `exp` never overflows and the result is never NaN.
///
/// ```
/// use backprop_viz::activation::sigmoid;
/// assert_eq!(sigmoid(0.0), 0.5);
/// assert_eq!(sigmoid(1000.0), 1.0);
/// assert_eq!(sigmoid(-1000.0), 0.0);
/// ```
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// The derivative `σ′(z) = σ(z)·(1 − σ(z))`, taken from the sigmoid's **output** `a = σ(z)`,
/// as the seed notebook's `sigmoid_derivative(x) = x * (1 - x)` does.
///
/// ```
/// use backprop_viz::activation::sigmoid_prime_from_output;
/// assert_eq!(sigmoid_prime_from_output(0.5), 0.25);
/// ```
pub fn sigmoid_prime_from_output(a: f64) -> f64 {
    a * (1.0 - a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn symmetric_around_zero() {
        for z in [0.1, 1.0, 5.0, 30.0, 700.0] {
            assert_relative_eq!(sigmoid(z) + sigmoid(-z), 1.0, epsilon = 1e-15);
        }
    }

    #[test]
    fn finite_at_the_extremes() {
        for z in [-f64::MAX, -1000.0, -745.0, 745.0, 1000.0, f64::MAX] {
            let s = sigmoid(z);
            assert!((0.0..=1.0).contains(&s), "σ({z}) = {s}");
        }
    }

    #[test]
    fn derivative_matches_finite_difference() {
        for z in [-3.0, -0.5, 0.0, 0.7, 2.5] {
            let eps = 1e-6;
            let numeric = (sigmoid(z + eps) - sigmoid(z - eps)) / (2.0 * eps);
            assert_relative_eq!(
                sigmoid_prime_from_output(sigmoid(z)),
                numeric,
                max_relative = 1e-8
            );
        }
    }
}
