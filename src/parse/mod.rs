//! Validation of untrusted input: a [`Value`] becomes a [`State`], a step count or a landscape
//! window, or an [`Error`] that names the field and the problem.

mod values;
mod window;

pub use window::parse_window;

use crate::error::Error;
use crate::json::Value;
use crate::loss::LossFn;
use crate::state::{Direction, Mode, Params, Sample, State, HIDDEN, INPUTS, OUTPUTS};
use values::{matrix, number, vector, whole, Object};

/// Most descent steps one call may run.
pub const MAX_STEPS: u32 = 1_000_000;
/// Most training samples a state may hold.
pub const MAX_SAMPLES: usize = 64;

/// The fields of a state, in the order they are saved, with what each one is; the first seven
/// are required.
const FIELDS: [(&str, &str); 11] = [
    ("x", "the input"),
    ("t", "the target"),
    ("w1", "input i → hidden j weights"),
    ("b1", "the hidden biases"),
    ("w2", "hidden j → output weights"),
    ("b2", "the output bias"),
    ("lr", "the learning rate"),
    ("loss_fn", "the loss convention"),
    ("update", "the update direction"),
    ("samples", "the training samples"),
    ("mode", "batch or per-sample updates"),
];

/// Reads a state such as
/// `{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}`.
pub fn parse_state(value: &Value) -> Result<State, Error> {
    let state = Object::read(
        value,
        "the state",
        "state",
        "an object (with fields x, t, w1, b1, w2, b2, lr)",
    )?;
    check_keys(state.entries())?;
    let field = |name: &str| {
        let hint = FIELDS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, what)| what);
        state.require(name, name, hint)
    };
    Ok(State {
        example: Sample {
            x: vector::<INPUTS>(field("x")?, "x")?,
            t: vector::<OUTPUTS>(field("t")?, "t")?,
        },
        params: Params {
            w1: matrix::<INPUTS, HIDDEN>(field("w1")?, "w1")?,
            b1: vector::<HIDDEN>(field("b1")?, "b1")?,
            w2: matrix::<HIDDEN, OUTPUTS>(field("w2")?, "w2")?,
            b2: vector::<OUTPUTS>(field("b2")?, "b2")?,
        },
        lr: number(field("lr")?, "lr")?,
        loss_fn: state.choice_or("loss_fn", &LossFn::ALL)?,
        direction: state.choice_or("update", &Direction::ALL)?,
        samples: state.get("samples").map_or(Ok(Vec::new()), samples)?,
        mode: state.choice_or("mode", &Mode::ALL)?,
    })
}

/// Reads a step count: a whole number from 0 to [`MAX_STEPS`].
pub fn parse_steps(value: &Value) -> Result<u32, Error> {
    whole(value, "steps", 0, MAX_STEPS)
}

/// Reads a finite number (`eps`, a target loss).
pub fn parse_number(value: &Value, name: &str) -> Result<f64, Error> {
    number(value, name)
}

/// Refuses unknown and repeated keys, so that a typo (`W1`) is not silently ignored.
fn check_keys(entries: &[(String, Value)]) -> Result<(), Error> {
    for (i, (key, _)) in entries.iter().enumerate() {
        if !FIELDS.iter().any(|(name, _)| name == key) {
            return Err(Error::new(
                key.as_str(),
                format!(
                    "the state has an unknown field {key:?}; its fields are x, t, w1, b1, w2, b2, lr, and optionally loss_fn, update, samples, mode"
                ),
            ));
        }
        if entries[..i].iter().any(|(earlier, _)| earlier == key) {
            return Err(Error::new(
                key.as_str(),
                format!("the state has the field {key:?} twice"),
            ));
        }
    }
    Ok(())
}

fn samples(value: &Value) -> Result<Vec<Sample>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::new(
            "samples",
            format!(
                "samples must be an array of {{\"x\": [a, b], \"t\": [c]}} objects, got {}",
                value.describe()
            ),
        ));
    };
    if items.is_empty() || items.len() > MAX_SAMPLES {
        return Err(Error::new(
            "samples",
            format!(
                "samples must hold 1 to {MAX_SAMPLES} samples, got {}",
                items.len()
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let path = format!("samples[{k}]");
            let sample = Object::read(item, &path, &path, "an object with x and t")?;
            Ok(Sample {
                x: vector::<INPUTS>(sample.require("x", &path, "")?, &format!("{path}.x"))?,
                t: vector::<OUTPUTS>(sample.require("t", &path, "")?, &format!("{path}.t"))?,
            })
        })
        .collect()
}
