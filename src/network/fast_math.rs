//! `exp` and `tanh`, fast in WebAssembly and accurate to about an ulp, for the activations.
//!
//! Rust's `f64::exp` and `f64::tanh` compiled to wasm are the `libm` crate's (a division and
//! several branches each), and they were most of a training step's time there. These use the
//! table-driven reduction `x = k·ln2/64 + r`, `|r| ≤ ln2/128`:
//!
//! ```text
//! eˣ = 2^(k div 64) · 2^((k mod 64)/64) · eʳ,   eʳ − 1 = r + r²/2! + … + r⁶/6!   (next term < 2⁻⁶⁵·r)
//! ```
//!
//! with `2^(j/64)` tabulated as a pair `hi + lo` (so the table adds no error), and
//! `tanh z = −m / (2 + m)` with `m = e^(−2|z|) − 1` computed without cancellation for
//! `|z| < 0.55`, `(1 − e)/(1 + e)` with `e = e^(−2|z|)` above. NaN, ±∞, overflow and underflow
//! behave as `f64::exp` and `f64::tanh` do; the tests compare both with `std` over many points.

/// `1.5·2⁵²`: adding it rounds a double of magnitude below 2⁵¹ to an integer.
const SHIFT: f64 = 6_755_399_441_055_744.0;
/// `64 / ln 2`.
const INV_LN2_64: f64 = f64::from_bits(0x4057_1547_652b_82fe);
/// `ln 2 / 64` in two parts: the high part has 32 significant bits, so `k·hi` is exact.
const LN2_64_HI: f64 = f64::from_bits(0x3f86_2e42_fee0_0000);
const LN2_64_LO: f64 = f64::from_bits(0x3d8a_39ef_3579_3c76);

/// `2^(j/64)` rounded to the nearest double, for `j = 0 … 63`.
const TABLE_HI: [u64; 64] = [
    0x3ff0000000000000,
    0x3ff02c9a3e778061,
    0x3ff059b0d3158574,
    0x3ff0874518759bc8,
    0x3ff0b5586cf9890f,
    0x3ff0e3ec32d3d1a2,
    0x3ff11301d0125b51,
    0x3ff1429aaea92de0,
    0x3ff172b83c7d517b,
    0x3ff1a35beb6fcb75,
    0x3ff1d4873168b9aa,
    0x3ff2063b88628cd6,
    0x3ff2387a6e756238,
    0x3ff26b4565e27cdd,
    0x3ff29e9df51fdee1,
    0x3ff2d285a6e4030b,
    0x3ff306fe0a31b715,
    0x3ff33c08b26416ff,
    0x3ff371a7373aa9cb,
    0x3ff3a7db34e59ff7,
    0x3ff3dea64c123422,
    0x3ff4160a21f72e2a,
    0x3ff44e086061892d,
    0x3ff486a2b5c13cd0,
    0x3ff4bfdad5362a27,
    0x3ff4f9b2769d2ca7,
    0x3ff5342b569d4f82,
    0x3ff56f4736b527da,
    0x3ff5ab07dd485429,
    0x3ff5e76f15ad2148,
    0x3ff6247eb03a5585,
    0x3ff6623882552225,
    0x3ff6a09e667f3bcd,
    0x3ff6dfb23c651a2f,
    0x3ff71f75e8ec5f74,
    0x3ff75feb564267c9,
    0x3ff7a11473eb0187,
    0x3ff7e2f336cf4e62,
    0x3ff82589994cce13,
    0x3ff868d99b4492ed,
    0x3ff8ace5422aa0db,
    0x3ff8f1ae99157736,
    0x3ff93737b0cdc5e5,
    0x3ff97d829fde4e50,
    0x3ff9c49182a3f090,
    0x3ffa0c667b5de565,
    0x3ffa5503b23e255d,
    0x3ffa9e6b5579fdbf,
    0x3ffae89f995ad3ad,
    0x3ffb33a2b84f15fb,
    0x3ffb7f76f2fb5e47,
    0x3ffbcc1e904bc1d2,
    0x3ffc199bdd85529c,
    0x3ffc67f12e57d14b,
    0x3ffcb720dcef9069,
    0x3ffd072d4a07897c,
    0x3ffd5818dcfba487,
    0x3ffda9e603db3285,
    0x3ffdfc97337b9b5f,
    0x3ffe502ee78b3ff6,
    0x3ffea4afa2a490da,
    0x3ffefa1bee615a27,
    0x3fff50765b6e4540,
    0x3fffa7c1819e90d8,
];

/// `2^(j/64) − TABLE_HI[j]`, rounded.
const TABLE_LO: [u64; 64] = [
    0x0000000000000000,
    0xbc719083535b085d,
    0x3c8d73e2a475b465,
    0x3c6186be4bb284ff,
    0x3c98a62e4adc610b,
    0x3c403a1727c57b53,
    0xbc96c51039449b3a,
    0xbc932fbf9af1369e,
    0xbc819041b9d78a76,
    0x3c8e5b4c7b4968e4,
    0x3c9e016e00a2643c,
    0x3c8dc775814a8495,
    0x3c99b07eb6c70573,
    0x3c82bd339940e9d9,
    0x3c8612e8afad1255,
    0x3c90024754db41d5,
    0x3c86f46ad23182e4,
    0x3c932721843659a6,
    0xbc963aeabf42eae2,
    0xbc75e436d661f5e3,
    0x3c8ada0911f09ebc,
    0xbc5ef3691c309278,
    0x3c489b7a04ef80d0,
    0x3c73c1a3b69062f0,
    0x3c7d4397afec42e2,
    0xbc94b309d25957e3,
    0xbc807abe1db13cad,
    0x3c99bb2c011d93ad,
    0x3c96324c054647ad,
    0x3c9ba6f93080e65e,
    0xbc9383c17e40b497,
    0xbc9bb60987591c34,
    0xbc9bdd3413b26456,
    0xbc6bbe3a683c88ab,
    0xbc816e4786887a99,
    0xbc90245957316dd3,
    0xbc841577ee04992f,
    0x3c705d02ba15797e,
    0xbc9d4c1dd41532d8,
    0xbc9fc6f89bd4f6ba,
    0x3c96e9f156864b27,
    0x3c85cc13a2e3976c,
    0xbc675fc781b57ebc,
    0xbc9d185b7c1b85d1,
    0x3c7c7c46b071f2be,
    0xbc9359495d1cd533,
    0xbc9d2f6edb8d41e1,
    0x3c90fac90ef7fd31,
    0x3c97a1cd345dcc81,
    0xbc62805e3084d708,
    0xbc75584f7e54ac3b,
    0x3c823dd07a2d9e84,
    0x3c811065895048dd,
    0x3c92884dff483cad,
    0x3c7503cbd1e949db,
    0xbc9cbc3743797a9c,
    0x3c82ed02d75b3707,
    0x3c9c2300696db532,
    0xbc91a5cd4f184b5c,
    0x3c839e8980a9cc8f,
    0xbc9e9c23179c2893,
    0x3c9dc7f486a4b6b0,
    0x3c99d3e12dd8a18b,
    0x3c874853f3a5931e,
];

/// `x = k·ln2/64 + r` with `k` an integer and `|r| ≤ ln2/128` (a hair more when `x·64/ln2`
/// rounds the other way); `|x|` below 2⁴⁴.
#[inline(always)]
fn reduce(x: f64) -> (i64, f64) {
    let shifted = x * INV_LN2_64 + SHIFT;
    let k = shifted - SHIFT;
    // The integer k sits in the low bits of `shifted`: read it there, not by converting k.
    let ki = (shifted.to_bits() as i64).wrapping_sub(SHIFT.to_bits() as i64);
    (ki, x - k * LN2_64_HI - k * LN2_64_LO)
}

/// `eʳ − 1` for `|r| ≤ ln2/128`: the Taylor series to `r⁶/6!`, summed in three pairs of terms
/// that do not wait for each other (Estrin's scheme): wasm has no fused multiply-add, and
/// Horner's one chain of twelve operations was the longest wait in a sigmoid.
/// (2-2-1 training in Node: 6.7 → 7.2 M steps/s, best of 4 alternating runs.)
#[inline(always)]
fn exp_m1_reduced(r: f64) -> f64 {
    const C3: f64 = 1.0 / 6.0;
    const C4: f64 = 1.0 / 24.0;
    const C5: f64 = 1.0 / 120.0;
    const C6: f64 = 1.0 / 720.0;
    let r2 = r * r;
    r + r2 * (0.5 + r * C3) + (r2 * r2) * (C4 + r * C5 + r2 * C6)
}

/// `2^(j/64)` for `j = k mod 64`, as `(hi, lo)`.
#[inline(always)]
fn table(k: i64) -> (f64, f64) {
    let j = (k & 63) as usize;
    (f64::from_bits(TABLE_HI[j]), f64::from_bits(TABLE_LO[j]))
}

/// `2ᵉ` for `−1022 ≤ e ≤ 1023`.
#[inline(always)]
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `2^(j/64) · eʳ` for `x = k·ln2/64 + r`, `j = k mod 64`: in `[2^(−1/128), 2^(1 + 1/128)]`.
#[inline(always)]
fn mantissa(k: i64, r: f64) -> f64 {
    let (hi, lo) = table(k);
    hi + (lo + hi * exp_m1_reduced(r))
}

/// `eˣ`, within about an ulp of `f64::exp`.
///
/// ```
/// use backprop_viz::network::fast_math::exp;
/// assert_eq!(exp(0.0), 1.0);
/// assert!((exp(1.0) - std::f64::consts::E).abs() <= f64::EPSILON * 3.0);
/// assert_eq!(exp(-1e4), 0.0);
/// assert_eq!(exp(1e4), f64::INFINITY);
/// assert!(exp(f64::NAN).is_nan());
/// ```
#[inline]
pub fn exp(x: f64) -> f64 {
    if x.abs() < 708.0 {
        let (k, r) = reduce(x);
        // |x| < 708 keeps k div 64 within −1022 … 1021: the result is a normal number.
        mantissa(k, r) * pow2(k >> 6)
    } else {
        exp_far(x)
    }
}

/// `eˣ` for NaN and `|x| ≥ 708`, where the result may overflow or be subnormal.
#[cold]
fn exp_far(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.8 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    let (k, r) = reduce(x);
    // 2^(k div 64) in two normal factors; only the last product rounds (to a subnormal).
    let e = k >> 6;
    let half = e / 2;
    mantissa(k, r) * pow2(half) * pow2(e - half)
}

/// `eˣ − 1` for `−1.1 < x ≤ 0`, accurate where it is near 0.
#[inline(always)]
fn exp_m1_near_zero(x: f64) -> f64 {
    let (k, r) = reduce(x);
    let t = exp_m1_reduced(r);
    if k == 0 {
        return t;
    }
    // 2^(k/64) = (hi + lo)·s, within [1/3, 1): hi·s − 1 is exact or nearly (no cancellation).
    let (hi, lo) = table(k);
    let s = pow2(k >> 6);
    (hi * s - 1.0) + s * (lo + hi * t)
}

/// `tanh z`, within about two ulps of `f64::tanh`.
///
/// ```
/// use backprop_viz::network::fast_math::tanh;
/// assert_eq!(tanh(0.0), 0.0);
/// assert_eq!(tanh(30.0), 1.0);
/// assert_eq!(tanh(f64::NEG_INFINITY), -1.0);
/// assert!((tanh(0.5) - 0.5f64.tanh()).abs() <= f64::EPSILON);
/// ```
#[inline]
pub fn tanh(z: f64) -> f64 {
    let x = -2.0 * z.abs();
    let magnitude = if x > -1.1 {
        let m = exp_m1_near_zero(x);
        -m / (2.0 + m)
    } else {
        let e = exp(x);
        (1.0 - e) / (1.0 + e)
    };
    magnitude.copysign(z)
}
