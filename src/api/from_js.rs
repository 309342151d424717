//! How a JavaScript value crosses into the core: the mirror of [`super::wire`].
//!
//! wire.js writes the value as a skeleton (JSON in which every number is replaced by its
//! position) and its numbers, NaN and ±∞ kept, in one walk over the value and two calls; this
//! reads them into a [`Value`], bounded in depth and size as [`Value::read`] is. What JSON cannot
//! hold, wire.js writes as serde-wasm-bindgen read it: `undefined` as `null`, typed arrays as
//! arrays, any other object by its own enumerable keys, a BigInt as a number; a function or a
//! symbol, or a getter that throws, is refused with a message.

use wasm_bindgen::prelude::*;

use crate::json::{too_deep_message, too_long_message, Value, MAX_DEPTH, MAX_LEN};

#[wasm_bindgen(module = "/src/api/wire.js")]
extern "C" {
    /// `value`'s skeleton, or `!` and why it cannot be written; its numbers wait for `take`.
    #[wasm_bindgen(js_name = wireWrite)]
    fn write(value: &JsValue, max_depth: usize, max_len: usize) -> String;
    /// The numbers of the last `write`.
    #[wasm_bindgen(js_name = wireTake)]
    fn take() -> Vec<f64>;
}

/// `value` as a [`Value`], or why it cannot be read.
pub fn from_js(value: &JsValue) -> Result<Value, String> {
    let skeleton = write(value, MAX_DEPTH, MAX_LEN);
    let numbers = take();
    match skeleton.strip_prefix('!') {
        Some(why) => Err(why.to_string()),
        None => parse(&skeleton, &numbers),
    }
}

/// The value a skeleton and its numbers describe.
pub fn parse(skeleton: &str, numbers: &[f64]) -> Result<Value, String> {
    let mut reader = Reader {
        text: skeleton,
        at: 0,
        numbers,
    };
    let value = reader.value(0)?;
    if reader.at == skeleton.len() {
        Ok(value)
    } else {
        Err(malformed())
    }
}

fn malformed() -> String {
    "the input's skeleton is malformed".to_string()
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    numbers: &'a [f64],
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        match self.peek() {
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'0'..=b'9') => self.number(),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            _ => Err(malformed()),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(malformed())
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let mut k: usize = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            k = k
                .checked_mul(10)
                .and_then(|k| k.checked_add(usize::from(digit - b'0')))
                .ok_or_else(malformed)?;
            self.at += 1;
        }
        self.numbers
            .get(k)
            .map(|&n| Value::Number(n))
            .ok_or_else(malformed)
    }

    /// A container's opening at `depth` (children are one deeper), as `Value::read` bounds it.
    fn open(&mut self, depth: usize) -> Result<usize, String> {
        if depth >= MAX_DEPTH {
            return Err(too_deep_message());
        }
        self.at += 1;
        Ok(depth + 1)
    }

    /// Past a `,` (true) or the container's `close` (false).
    fn next(&mut self, close: u8) -> Result<bool, String> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(byte) if byte == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(malformed()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        let inner = self.open(depth)?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            if items.len() == MAX_LEN {
                return Err(too_long_message());
            }
            items.push(self.value(inner)?);
            if !self.next(b']')? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        let inner = self.open(depth)?;
        let mut entries = Vec::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(entries));
        }
        loop {
            if entries.len() == MAX_LEN {
                return Err(too_long_message());
            }
            let key = self.string()?;
            if self.peek() != Some(b':') {
                return Err(malformed());
            }
            self.at += 1;
            entries.push((key, self.value(inner)?));
            if !self.next(b'}')? {
                return Ok(Value::Object(entries));
            }
        }
    }

    /// A JSON string as `JSON.stringify` writes it; a lone surrogate becomes U+FFFD.
    fn string(&mut self) -> Result<String, String> {
        if self.peek() != Some(b'"') {
            return Err(malformed());
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let end = rest
                .bytes()
                .position(|b| b == b'"' || b == b'\\')
                .ok_or_else(malformed)?;
            out.push_str(&rest[..end]);
            self.at += end + 1;
            if rest.as_bytes()[end] == b'"' {
                return Ok(out);
            }
            let escape = self.peek().ok_or_else(malformed)?;
            self.at += 1;
            match escape {
                b'u' => {
                    let unit = self.hex4()?;
                    let code = if (0xd800..0xdc00).contains(&unit)
                        && self.text[self.at..].starts_with("\\u")
                    {
                        let at = self.at;
                        self.at += 2;
                        let low = self.hex4()?;
                        if (0xdc00..0xe000).contains(&low) {
                            0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                        } else {
                            self.at = at;
                            unit
                        }
                    } else {
                        unit
                    };
                    out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'r' => out.push('\r'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'"' | b'\\' | b'/' => out.push(char::from(escape)),
                _ => return Err(malformed()),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.at..self.at + 4).ok_or_else(malformed)?;
        let unit = u32::from_str_radix(digits, 16).map_err(|_| malformed())?;
        self.at += 4;
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(entries: Vec<(&str, Value)>) -> Value {
        Value::Object(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    #[test]
    fn reads_every_kind_with_its_numbers() {
        let value = parse(
            r#"{"x":[0,1],"name":"a\"b\\c\n\u00e9\ud83d\ude00\ud800!","on":true,"off":false,"none":null,"":{}}"#,
            &[f64::NAN, -0.0],
        )
        .expect("valid");
        let Value::Object(entries) = &value else {
            panic!("an object")
        };
        assert!(
            matches!(&entries[0].1, Value::Array(x) if matches!(x[0], Value::Number(n) if n.is_nan()))
        );
        assert_eq!(
            entries[1..].to_vec(),
            match object(vec![
                ("name", Value::String("a\"b\\c\né😀\u{fffd}!".into())),
                ("on", Value::Bool(true)),
                ("off", Value::Bool(false)),
                ("none", Value::Null),
                ("", Value::Object(Vec::new())),
            ]) {
                Value::Object(entries) => entries,
                _ => unreachable!(),
            }
        );
    }

    #[test]
    fn is_bounded_as_value_read_is() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep, &[]), Err(too_deep_message()));
        let fits = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fits, &[]).is_ok());
        let long = format!("[{}null]", "null,".repeat(MAX_LEN));
        assert_eq!(parse(&long, &[]), Err(too_long_message()));
    }

    #[test]
    fn a_malformed_skeleton_is_an_error() {
        for text in [
            "",
            "[0",
            "[1]",
            "{\"a\" 0}",
            "[0]x",
            "nul",
            "\"abc",
            "[99999999999999999999999]",
        ] {
            assert_eq!(parse(text, &[0.5]), Err(malformed()), "{text}");
        }
    }
}
