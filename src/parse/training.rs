//! Readers for the training options (mini-batch size, shuffle seed, test split, L2) and for a
//! dataset spec `{ "name": "circle", "size": 200, "noise": 0.1, "seed": 7 }`.

use super::values::{choice, number, whole, Object};
use super::MAX_SAMPLES;
use crate::data::datasets::{Dataset, Spec, MAX_NOISE, MAX_SIZE, MIN_SIZE};
use crate::data::split::MAX_TEST_FRACTION;
use crate::error::Error;
use crate::json::Value;
use crate::num::Num;

/// The largest L2 strength λ.
pub const MAX_L2: f64 = 10.0;

/// A finite number from `low` to `high`.
pub fn number_within(value: &Value, path: &str, low: f64, high: f64) -> Result<f64, Error> {
    let n = number(value, path)?;
    if (low..=high).contains(&n) {
        Ok(n)
    } else {
        Err(Error::new(
            path,
            format!(
                "{path} must be a number from {} to {}, got {}",
                Num(low),
                Num(high),
                value.describe()
            ),
        ))
    }
}

/// A mini-batch size: a whole number from 1 to [`MAX_SAMPLES`].
pub fn batch_size(value: &Value) -> Result<u32, Error> {
    whole(value, "batch_size", 1, MAX_SAMPLES as u32)
}

/// The fraction of samples held out for testing.
pub fn test_fraction(value: &Value) -> Result<f64, Error> {
    number_within(value, "test_fraction", 0.0, MAX_TEST_FRACTION)
}

/// The L2 strength λ.
pub fn l2(value: &Value) -> Result<f64, Error> {
    number_within(value, "l2", 0.0, MAX_L2)
}

/// Reads a dataset spec; `path` names it in messages (`dataset` in a state, `spec` alone).
pub fn parse_spec(value: &Value, path: &str) -> Result<Spec, Error> {
    let spec = Object::read(
        value,
        path,
        path,
        "an object with name, size, noise and seed",
    )?;
    if let Some((key, _)) = spec
        .entries()
        .iter()
        .find(|(k, _)| !["name", "size", "noise", "seed"].contains(&k.as_str()))
    {
        return Err(Error::new(
            format!("{path}.{key}"),
            format!(
                "{path} has an unknown field {key:?}; its fields are name, size, noise and seed"
            ),
        ));
    }
    let field = |key: &str| spec.require(key, &format!("{path}.{key}"), "");
    Ok(Spec {
        dataset: choice(field("name")?, &format!("{path}.name"), &Dataset::ALL)?,
        size: whole(field("size")?, &format!("{path}.size"), MIN_SIZE, MAX_SIZE)?,
        noise: number_within(field("noise")?, &format!("{path}.noise"), 0.0, MAX_NOISE)?,
        seed: whole(field("seed")?, &format!("{path}.seed"), 0, u32::MAX)?,
    }
    .normalized())
}
