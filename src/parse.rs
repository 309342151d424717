//! Validation of untrusted input: a [`Value`] becomes a [`State`] or step count, or an [`Error`]
//! that names the field and the problem.

use nalgebra::{SMatrix, SVector};

use crate::error::Error;
use crate::json::Value;
use crate::state::{Params, State, HIDDEN, INPUTS, OUTPUTS};

/// Most descent steps one call may run.
pub const MAX_STEPS: u32 = 1_000_000;

/// The fields of a state, in the order they are saved, with what each one is.
const FIELDS: [(&str, &str); 7] = [
    ("x", "the input"),
    ("t", "the target"),
    ("w1", "input i → hidden j weights"),
    ("b1", "the hidden biases"),
    ("w2", "hidden j → output weights"),
    ("b2", "the output bias"),
    ("lr", "the learning rate"),
];

/// Reads a state such as
/// `{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}`.
pub fn parse_state(value: &Value) -> Result<State, Error> {
    let Value::Object(entries) = value else {
        return Err(Error::new(
            "state",
            format!(
                "the state must be an object with fields x, t, w1, b1, w2, b2, lr; got {}",
                value.describe()
            ),
        ));
    };
    for (i, (key, _)) in entries.iter().enumerate() {
        if !FIELDS.iter().any(|(name, _)| name == key) {
            return Err(Error::new(
                key.as_str(),
                format!(
                    "the state has an unknown field {key:?}; its fields are x, t, w1, b1, w2, b2, lr"
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
    let field = |name: &str| -> Result<&Value, Error> {
        entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, v)| v)
            .ok_or_else(|| {
                let what = FIELDS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or("", |(_, what)| what);
                Error::new(name, format!("the state is missing {name} ({what})"))
            })
    };
    Ok(State {
        x: vector::<INPUTS>(field("x")?, "x")?,
        t: vector::<OUTPUTS>(field("t")?, "t")?,
        params: Params {
            w1: matrix::<INPUTS, HIDDEN>(field("w1")?, "w1")?,
            b1: vector::<HIDDEN>(field("b1")?, "b1")?,
            w2: matrix::<HIDDEN, OUTPUTS>(field("w2")?, "w2")?,
            b2: vector::<OUTPUTS>(field("b2")?, "b2")?,
        },
        lr: number(field("lr")?, "lr")?,
    })
}

/// Reads a step count: a whole number from 0 to [`MAX_STEPS`].
pub fn parse_steps(value: &Value) -> Result<u32, Error> {
    let problem = match value {
        Value::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(MAX_STEPS)).contains(n) => {
            return Ok(*n as u32);
        }
        Value::Number(n) if n.is_finite() && n.fract() != 0.0 => "it is not a whole number",
        Value::Number(n) if *n < 0.0 => "it is negative",
        Value::Number(n) if n.is_finite() => "it is too large",
        _ => "it is not a finite number",
    };
    Err(Error::new(
        "steps",
        format!(
            "steps must be a whole number from 0 to {MAX_STEPS}, got {} ({problem})",
            value.describe()
        ),
    ))
}

fn number(value: &Value, path: &str) -> Result<f64, Error> {
    match value {
        Value::Number(n) if n.is_finite() => Ok(*n),
        other => Err(Error::new(
            path,
            format!("{path} must be a finite number, got {}", other.describe()),
        )),
    }
}

fn array<'v>(value: &'v Value, path: &str, len: usize, what: &str) -> Result<&'v [Value], Error> {
    match value {
        Value::Array(items) if items.len() == len => Ok(items),
        other => Err(Error::new(
            path,
            format!("{path} must be {what}, got {}", other.describe()),
        )),
    }
}

fn numbers_phrase(n: usize) -> String {
    if n == 1 {
        "an array of 1 number".to_string()
    } else {
        format!("an array of {n} numbers")
    }
}

fn vector<const N: usize>(value: &Value, path: &str) -> Result<SVector<f64, N>, Error> {
    let items = array(value, path, N, &numbers_phrase(N))?;
    let mut out = SVector::<f64, N>::zeros();
    for (i, item) in items.iter().enumerate() {
        out[i] = number(item, &format!("{path}[{i}]"))?;
    }
    Ok(out)
}

fn matrix<const R: usize, const C: usize>(
    value: &Value,
    path: &str,
) -> Result<SMatrix<f64, R, C>, Error> {
    let rows_phrase = format!("an array of {R} rows, each {}", numbers_phrase(C));
    let rows = array(value, path, R, &rows_phrase)?;
    let mut out = SMatrix::<f64, R, C>::zeros();
    for (i, row) in rows.iter().enumerate() {
        let row_path = format!("{path}[{i}]");
        let items = array(row, &row_path, C, &numbers_phrase(C))?;
        for (j, item) in items.iter().enumerate() {
            out[(i, j)] = number(item, &format!("{row_path}[{j}]"))?;
        }
    }
    Ok(out)
}
