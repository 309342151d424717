//! Readers for the pieces of an input: objects, numbers, vectors, matrices, names and counts.
//! Each error names the path of the offending value and says what was expected.

use std::fmt;

use crate::error::Error;
use crate::json::Value;
use crate::num::Num;

/// An object's entries, with lookups whose errors name the object (`the window`, `samples[0]`).
pub struct Object<'v, 'n> {
    entries: &'v [(String, Value)],
    name: &'n str,
}

impl<'v, 'n> Object<'v, 'n> {
    /// `value` as an object named `name` (for messages), whose error path is `path`.
    pub fn read(
        value: &'v Value,
        name: &'n str,
        path: &str,
        expected: &str,
    ) -> Result<Self, Error> {
        match value {
            Value::Object(entries) => Ok(Object { entries, name }),
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
        other => Err(not_a_number(path, other)),
    }
}

/// Why `value` at `path` is not a finite number.
fn not_a_number(path: &str, value: &Value) -> Error {
    Error::new(
        path,
        format!("{path} must be a finite number, got {}", value.describe()),
    )
}

/// `items`, each a finite number, appended to `out`; they are `path[j]`, or `path[row][j]` in a
/// matrix's row (written only for an error).
fn numbers_into(
    out: &mut Vec<f64>,
    items: &[Value],
    path: &str,
    row: Option<usize>,
) -> Result<(), Error> {
    for (j, item) in items.iter().enumerate() {
        match item {
            Value::Number(n) if n.is_finite() => out.push(*n),
            other => {
                let at = match row {
                    Some(i) => format!("{path}[{i}][{j}]"),
                    None => format!("{path}[{j}]"),
                };
                return Err(not_a_number(&at, other));
            }
        }
    }
    Ok(())
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
    let mut out = Vec::with_capacity(len);
    vector_into(&mut out, value, path, len)?;
    Ok(out)
}

/// An array of exactly `len` finite numbers, appended to `out`.
pub fn vector_into(out: &mut Vec<f64>, value: &Value, path: &str, len: usize) -> Result<(), Error> {
    let what = format_args!("an array of {len} number{}", plural(len));
    let items = array(value, path, len, what)?;
    numbers_into(out, items, path, None)
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
        Value::Array(items) if (1..=max).contains(&items.len()) => {
            let mut out = Vec::with_capacity(items.len());
            numbers_into(&mut out, items, path, None)?;
            Ok(out)
        }
        other => Err(Error::new(
            path,
            format!(
                "{path} must be an array of 1 to {max} numbers ({what}), got {}",
                other.describe()
            ),
        )),
    }
}

/// `rows` rows of `cols` finite numbers each, appended row-major to `out`; `why` says where
/// the expected shape comes from (both written only for an error).
pub fn matrix_into(
    out: &mut Vec<f64>,
    value: &Value,
    path: &str,
    rows: usize,
    cols: usize,
    why: fmt::Arguments<'_>,
) -> Result<(), Error> {
    let each = plural(cols);
    let what =
        format_args!("an array of {rows} rows ({why}), each an array of {cols} number{each}");
    let items = array(value, path, rows, what)?;
    for (i, row) in items.iter().enumerate() {
        match row {
            Value::Array(numbers) if numbers.len() == cols => {
                numbers_into(out, numbers, path, Some(i))?;
            }
            other => {
                let what = format_args!("an array of {cols} number{each}");
                return Err(wrong_array(&format!("{path}[{i}]"), what, other));
            }
        }
    }
    Ok(())
}

/// The number of entries of an array, if `value` is one.
pub fn array_len(value: &Value) -> Option<usize> {
    match value {
        Value::Array(items) => Some(items.len()),
        _ => None,
    }
}

/// `value` as an array of exactly `len` items; `what` describes it for an error.
fn array<'v>(
    value: &'v Value,
    path: &str,
    len: usize,
    what: fmt::Arguments<'_>,
) -> Result<&'v [Value], Error> {
    match value {
        Value::Array(items) if items.len() == len => Ok(items),
        other => Err(wrong_array(path, what, other)),
    }
}

fn wrong_array(path: &str, what: fmt::Arguments<'_>, value: &Value) -> Error {
    Error::new(
        path,
        format!("{path} must be {what}, got {}", value.describe()),
    )
}

/// The ending of "number" for `n` of them.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
