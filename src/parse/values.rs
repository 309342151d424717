//! Readers for the pieces of an input: objects, numbers, vectors, matrices, names and counts.
//! Each error names the path of the offending value and says what was expected.

use crate::error::Error;
use crate::json::Value;
use crate::num::Num;

/// An object's entries, with lookups whose errors name the object (`the window`, `samples[0]`).
pub struct Object<'v> {
    entries: &'v [(String, Value)],
    name: String,
}

impl<'v> Object<'v> {
    /// `value` as an object named `name` (for messages), whose error path is `path`.
    pub fn read(value: &'v Value, name: &str, path: &str, expected: &str) -> Result<Self, Error> {
        match value {
            Value::Object(entries) => Ok(Object {
                entries,
                name: name.to_string(),
            }),
            other => Err(Error::new(
                path,
                format!("{name} must be {expected}, got {}", other.describe()),
            )),
        }
    }

    pub fn entries(&self) -> &'v [(String, Value)] {
        self.entries
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The option `key`, one of `options`; the default when absent.
    pub fn choice_or<T: Copy + Default>(
        &self,
        key: &str,
        options: &[(T, &str)],
    ) -> Result<T, Error> {
        self.get(key)
            .map_or(Ok(T::default()), |v| choice(v, key, options))
    }

    /// The value of `key`; its absence is an error at `path`, explained by `hint` when not empty.
    pub fn require(&self, key: &str, path: &str, hint: &str) -> Result<&'v Value, Error> {
        self.get(key).ok_or_else(|| {
            let hint = if hint.is_empty() {
                String::new()
            } else {
                format!(" ({hint})")
            };
            Error::new(path, format!("{} is missing {key}{hint}", self.name))
        })
    }
}

/// A finite number.
pub fn number(value: &Value, path: &str) -> Result<f64, Error> {
    match value {
        Value::Number(n) if n.is_finite() => Ok(*n),
        other => Err(Error::new(
            path,
            format!("{path} must be a finite number, got {}", other.describe()),
        )),
    }
}

/// A whole number from `min` to `max`.
pub fn whole(value: &Value, name: &str, min: u32, max: u32) -> Result<u32, Error> {
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

/// One of the named `options`.
pub fn choice<T: Copy>(value: &Value, name: &str, options: &[(T, &str)]) -> Result<T, Error> {
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

/// An array of exactly `len` finite numbers.
pub fn vector(value: &Value, path: &str, len: usize) -> Result<Vec<f64>, Error> {
    let items = array(value, path, len, &numbers_phrase(len))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| number(item, &format!("{path}[{i}]")))
        .collect()
}

/// A range `[low, high]` of two finite numbers with `low < high`.
pub fn range(value: &Value, name: &str) -> Result<(f64, f64), Error> {
    let v = vector(value, name, 2)?;
    if v[0] < v[1] {
        Ok((v[0], v[1]))
    } else {
        Err(Error::new(
            name,
            format!(
                "{name} must be [low, high] with low < high, got [{}, {}]",
                Num(v[0]),
                Num(v[1])
            ),
        ))
    }
}

/// An array of 1 to `max` finite numbers.
pub fn vector_up_to(value: &Value, path: &str, max: usize, what: &str) -> Result<Vec<f64>, Error> {
    match value {
        Value::Array(items) if (1..=max).contains(&items.len()) => items
            .iter()
            .enumerate()
            .map(|(i, item)| number(item, &format!("{path}[{i}]")))
            .collect(),
        other => Err(Error::new(
            path,
            format!(
                "{path} must be an array of 1 to {max} numbers ({what}), got {}",
                other.describe()
            ),
        )),
    }
}

/// `rows` rows of `cols` finite numbers each, read row-major into one flat list; `why` says
/// where the expected shape comes from.
pub fn matrix(
    value: &Value,
    path: &str,
    rows: usize,
    cols: usize,
    why: &str,
) -> Result<Vec<f64>, Error> {
    let rows_phrase = format!(
        "an array of {rows} rows ({why}), each {}",
        numbers_phrase(cols)
    );
    let items = array(value, path, rows, &rows_phrase)?;
    let mut out = Vec::with_capacity(rows * cols);
    for (i, row) in items.iter().enumerate() {
        let row_path = format!("{path}[{i}]");
        out.extend(vector(row, &row_path, cols)?);
    }
    Ok(out)
}

/// The number of entries of an array, if `value` is one.
pub fn array_len(value: &Value) -> Option<usize> {
    match value {
        Value::Array(items) => Some(items.len()),
        _ => None,
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
