//! Validation of untrusted input: a [`Value`] becomes a [`State`] or step count, or an [`Error`]
//! that names the field and the problem.

use nalgebra::{SMatrix, SVector};

use crate::error::Error;
use crate::json::Value;
use crate::landscape::{Window, MAX_RESOLUTION};
use crate::loss::LossFn;
use crate::state::{Direction, Mode, Params, Sample, State, HIDDEN, INPUTS, OUTPUTS};

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
    let optional = |name: &str| entries.iter().find(|(key, _)| key == name).map(|(_, v)| v);
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
        loss_fn: optional("loss_fn").map_or(Ok(LossFn::default()), |v| {
            choice(v, "loss_fn", &LossFn::ALL)
        })?,
        direction: optional("update").map_or(Ok(Direction::default()), |v| {
            choice(
                v,
                "update",
                &[
                    (Direction::Descent, "descent"),
                    (Direction::Ascent, "ascent"),
                ],
            )
        })?,
        samples: optional("samples").map_or(Ok(Vec::new()), samples)?,
        mode: optional("mode").map_or(Ok(Mode::default()), |v| {
            choice(
                v,
                "mode",
                &[(Mode::Batch, "batch"), (Mode::PerSample, "per_sample")],
            )
        })?,
    })
}

/// Reads a landscape window such as
/// `{"a":"w2.0.0","b":"w2.1.0","a_range":[-2,3],"b_range":[-2,3],"resolution":101}`.
pub fn parse_window(value: &Value) -> Result<Window, Error> {
    let get = |name: &str| -> Result<&Value, Error> {
        match value {
            Value::Object(entries) => entries
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v)
                .ok_or_else(|| Error::new(name, format!("the window is missing {name}"))),
            other => Err(Error::new(
                "window",
                format!("the window must be an object, got {}", other.describe()),
            )),
        }
    };
    let param = |name: &str| -> Result<usize, Error> {
        match get(name)? {
            Value::String(s) => Params::index_of(s).ok_or(()),
            _ => Err(()),
        }
        .map_err(|()| {
            Error::new(
                name,
                format!(
                    "{name} must name a parameter (w1.0.0 … b2.0), got {}",
                    get(name).map_or(String::new(), Value::describe)
                ),
            )
        })
    };
    let range = |name: &str| -> Result<(f64, f64), Error> {
        let v = vector::<2>(get(name)?, name)?;
        if v[0] < v[1] {
            Ok((v[0], v[1]))
        } else {
            Err(Error::new(
                name,
                format!(
                    "{name} must be [low, high] with low < high, got [{}, {}]",
                    v[0], v[1]
                ),
            ))
        }
    };
    let (a, b) = (param("a")?, param("b")?);
    if a == b {
        return Err(Error::new("b", "a and b must be two different parameters"));
    }
    let resolution = whole(get("resolution")?, "resolution", 2, MAX_RESOLUTION as u32)? as usize;
    Ok(Window {
        a,
        b,
        a_range: range("a_range")?,
        b_range: range("b_range")?,
        resolution,
    })
}

/// Reads a finite number (`eps`, a target loss).
pub fn parse_number(value: &Value, name: &str) -> Result<f64, Error> {
    number(value, name)
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
            let get = |name: &str| match item {
                Value::Object(entries) => entries
                    .iter()
                    .find(|(key, _)| key == name)
                    .map(|(_, v)| v)
                    .ok_or_else(|| Error::new(&*path, format!("{path} is missing {name}"))),
                other => Err(Error::new(
                    &*path,
                    format!(
                        "{path} must be an object with x and t, got {}",
                        other.describe()
                    ),
                )),
            };
            Ok(Sample {
                x: vector::<INPUTS>(get("x")?, &format!("{path}.x"))?,
                t: vector::<OUTPUTS>(get("t")?, &format!("{path}.t"))?,
            })
        })
        .collect()
}

fn choice<T: Copy>(value: &Value, name: &str, options: &[(T, &str)]) -> Result<T, Error> {
    if let Value::String(s) = value {
        if let Some((v, _)) = options.iter().find(|(_, n)| n == s) {
            return Ok(*v);
        }
    }
    let names: Vec<String> = options.iter().map(|(_, n)| format!("{n:?}")).collect();
    Err(Error::new(
        name,
        format!(
            "{name} must be one of {}, got {}",
            names.join(", "),
            value.describe()
        ),
    ))
}

/// Reads a step count: a whole number from 0 to [`MAX_STEPS`].
pub fn parse_steps(value: &Value) -> Result<u32, Error> {
    whole(value, "steps", 0, MAX_STEPS)
}

fn whole(value: &Value, name: &str, min: u32, max: u32) -> Result<u32, Error> {
    let problem = match value {
        Value::Number(n) if n.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(n) => {
            return Ok(*n as u32);
        }
        Value::Number(n) if n.is_finite() && n.fract() != 0.0 => "it is not a whole number",
        Value::Number(n) if *n < 0.0 => "it is negative",
        Value::Number(n) if *n < f64::from(min) => "it is too small",
        Value::Number(n) if n.is_finite() => "it is too large",
        _ => "it is not a finite number",
    };
    Err(Error::new(
        name,
        format!(
            "{name} must be a whole number from {min} to {max}, got {} ({problem})",
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
