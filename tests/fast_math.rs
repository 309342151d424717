//! `fast_math::exp`, `tanh` and the sigmoid built on them against `std` over many points.

use backprop_viz::network::activation::logistic;
use backprop_viz::network::fast_math::{exp, tanh};

/// Points spread over `[lo, hi]`: an even grid and a fixed pseudo-random sample.
fn points(lo: f64, hi: f64, count: u32) -> impl Iterator<Item = f64> {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    (0..count).flat_map(move |i| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let random = (seed >> 11) as f64 / (1u64 << 53) as f64;
        let grid = f64::from(i) / f64::from(count - 1);
        [lo + (hi - lo) * grid, lo + (hi - lo) * random]
    })
}

fn relative_error(ours: f64, std: f64) -> f64 {
    if ours == std {
        0.0
    } else {
        ((ours - std) / std).abs()
    }
}

fn worst(
    f: impl Fn(f64) -> f64,
    reference: impl Fn(f64) -> f64,
    xs: impl Iterator<Item = f64>,
) -> (f64, f64) {
    let worst = xs
        .map(|x| (relative_error(f(x), reference(x)), x))
        .fold((0.0, 0.0), |w, e| if e.0 > w.0 { e } else { w });
    println!(
        "worst relative error {:.2} ulp at {}",
        worst.0 / f64::EPSILON,
        worst.1
    );
    worst
}

#[test]
fn exp_is_within_an_ulp_or_two_of_std() {
    for (lo, hi) in [
        (-708.0, 708.0),
        (-20.0, 20.0),
        (-1.0, 1.0),
        (-1e-3, 1e-3),
        (-1e-12, 1e-12),
    ] {
        let (error, at) = worst(exp, f64::exp, points(lo, hi, 200_000));
        assert!(
            error <= 3.0 * f64::EPSILON,
            "exp: relative error {error:e} at {at} (in [{lo}, {hi}])"
        );
    }
}

#[test]
fn exp_overflows_underflows_and_propagates_nan_like_std() {
    for x in [
        709.0,
        709.5,
        709.78,
        709.782712893384,
        709.79,
        710.0,
        1e6,
        f64::INFINITY,
    ] {
        let (ours, std) = (exp(x), x.exp());
        assert!(
            ours == std || relative_error(ours, std) <= 3.0 * f64::EPSILON,
            "exp({x}) = {ours}, std {std}"
        );
    }
    // Subnormal results: within one step of the smallest subnormal.
    for x in points(-745.2, -708.0, 20_000) {
        let (ours, std) = (exp(x), x.exp());
        assert!(
            (ours - std).abs() <= 2.0 * 5e-324_f64.max(std * 3.0 * f64::EPSILON),
            "exp({x}) = {ours:e}, std {std:e}"
        );
    }
    for x in [-745.2, -746.0, -1e6, f64::NEG_INFINITY] {
        assert_eq!(exp(x), 0.0, "exp({x})");
    }
    assert!(exp(f64::NAN).is_nan());
    assert_eq!(exp(-0.0), 1.0);
}

#[test]
fn tanh_is_within_a_few_ulps_of_std() {
    for (lo, hi) in [
        (-25.0, 25.0),
        (-3.0, 3.0),
        (-0.6, 0.6),
        (-1e-3, 1e-3),
        (-1e-200, 1e-200),
    ] {
        let (error, at) = worst(tanh, f64::tanh, points(lo, hi, 200_000));
        assert!(
            error <= 4.0 * f64::EPSILON,
            "tanh: relative error {error:e} at {at} (in [{lo}, {hi}])"
        );
    }
    for z in [
        0.0,
        -0.0,
        0.55,
        -0.55,
        19.0,
        20.0,
        1e300,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        assert_eq!(
            tanh(z).to_bits() >> 63,
            z.tanh().to_bits() >> 63,
            "sign of tanh({z})"
        );
        assert!(
            relative_error(tanh(z), z.tanh()) <= 4.0 * f64::EPSILON,
            "tanh({z})"
        );
    }
    assert!(tanh(f64::NAN).is_nan());
}

#[test]
fn sigmoid_is_within_a_few_ulps_of_the_std_formula() {
    let sigmoid = |z| logistic(exp, z);
    let reference = |z| logistic(f64::exp, z);
    let (error, at) = worst(sigmoid, reference, points(-708.0, 740.0, 200_000));
    assert!(
        error <= 4.0 * f64::EPSILON,
        "sigmoid: relative error {error:e} at {at}"
    );
    // Below −708 σ(z) ≈ eᶻ is subnormal: within a step or two of the smallest subnormal.
    for z in points(-760.0, -708.0, 20_000) {
        assert!((sigmoid(z) - reference(z)).abs() <= 1e-323, "sigmoid({z})");
    }
    let (error, at) = worst(sigmoid, reference, points(-40.0, 40.0, 200_000));
    assert!(
        error <= 4.0 * f64::EPSILON,
        "sigmoid: relative error {error:e} at {at}"
    );
    assert!(sigmoid(f64::NAN).is_nan());
    assert_eq!(
        (sigmoid(f64::INFINITY), sigmoid(f64::NEG_INFINITY)),
        (1.0, 0.0)
    );
}
