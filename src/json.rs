//! A loosely typed JSON-like value that keeps what strict JSON cannot: NaN and ±∞.
//!
//! Input from JavaScript (or a file) is first read into a [`Value`], so that validation can
//! name the exact field and problem (`w1[0][1] must be a finite number, got NaN`) instead of a
//! generic decoding error. Reading is bounded in depth and size, so no input can exhaust the
//! stack or memory.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Deepest nesting accepted; the state needs 3 levels.
pub const MAX_DEPTH: usize = 16;
/// Most elements accepted in one array or object; the state needs 7.
pub const MAX_LEN: usize = 1024;

/// A JSON value whose numbers may be NaN or infinite.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Reads any self-describing serde input, bounded by [`MAX_DEPTH`] and [`MAX_LEN`].
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        ValueSeed { depth: 0 }.deserialize(deserializer)
    }

    /// A short description for error messages: `NaN`, `the string "abc"`, `an array of 3 values`.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".to_string(),
            Value::Bool(b) => format!("the boolean {b}"),
            Value::Number(n) if n.is_nan() => "NaN".to_string(),
            Value::Number(n) if n.is_infinite() => {
                if *n > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
            }
            Value::Number(n) => format!("the number {}", crate::num::Num(*n)),
            Value::String(s) => format!("the string {}", quoted(s)),
            Value::Array(items) => match items.len() {
                1 => "an array of 1 value".to_string(),
                n => format!("an array of {n} values"),
            },
            Value::Object(_) => "an object".to_string(),
        }
    }
}

/// A string quoted for a message, shortened when long.
fn quoted(s: &str) -> String {
    const SHOWN: usize = 24;
    if s.chars().count() > SHOWN {
        let head: String = s.chars().take(SHOWN).collect();
        format!("{head:?}…")
    } else {
        format!("{s:?}")
    }
}

struct ValueSeed {
    depth: usize,
}

impl ValueSeed {
    fn nested<E: de::Error>(&self) -> Result<ValueSeed, E> {
        if self.depth >= MAX_DEPTH {
            Err(E::custom(too_deep_message()))
        } else {
            Ok(ValueSeed {
                depth: self.depth + 1,
            })
        }
    }
}

fn too_long<E: de::Error>() -> E {
    E::custom(too_long_message())
}

/// Why an input nested more than [`MAX_DEPTH`] levels deep is refused.
pub fn too_deep_message() -> String {
    format!("input is nested more than {MAX_DEPTH} levels deep")
}

/// Why an input with an array or object of more than [`MAX_LEN`] entries is refused.
pub fn too_long_message() -> String {
    format!("input has an array or object of more than {MAX_LEN} entries")
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.nested()?)? {
            if items.len() == MAX_LEN {
                return Err(too_long());
            }
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.len() == MAX_LEN {
                return Err(too_long());
            }
            let value = map.next_value_seed(self.nested()?)?;
            entries.push((key, value));
        }
        Ok(Value::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Value, serde_json::Error> {
        Value::read(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn reads_every_kind() {
        let v = read(r#"{"a":[1,2.5,"s",true,null]}"#).expect("valid JSON");
        let expected = Value::Object(vec![(
            "a".to_string(),
            Value::Array(vec![
                Value::Number(1.0),
                Value::Number(2.5),
                Value::String("s".to_string()),
                Value::Bool(true),
                Value::Null,
            ]),
        )]);
        assert_eq!(v, expected);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = read(&text).expect_err("too deep");
        assert!(err.to_string().contains("nested more than"), "{err}");
    }

    #[test]
    fn long_arrays_are_refused() {
        let text = format!("[{}0]", "0,".repeat(MAX_LEN));
        let err = read(&text).expect_err("too long");
        assert!(err.to_string().contains("more than"), "{err}");
    }

    #[test]
    fn describes_values_for_messages() {
        assert_eq!(Value::Number(f64::NAN).describe(), "NaN");
        assert_eq!(Value::Number(f64::NEG_INFINITY).describe(), "-Infinity");
        assert_eq!(Value::String("abc".into()).describe(), "the string \"abc\"");
        assert_eq!(
            Value::Array(vec![Value::Null; 3]).describe(),
            "an array of 3 values"
        );
    }
}
