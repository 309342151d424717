//! How a JavaScript value crosses into the core: the mirror of [`super::wire`].
//!
//! wire.js writes the value in one walk as tokens in one `Float64Array`: the number of its
//! shape's tokens, its shape (each value its kind, then a string's length and UTF-16 code units
//! or a container's count and entries, an object's each a key and a value), then its numbers in
//! order, NaN, ±∞ and −0 kept. A state's shape repeats while its numbers change, so the shape
//! alone can tell that a state was read before (see `super::states`). This reads them into a
//! [`Value`], bounded in depth and size as [`Value::read`] is. What JSON cannot hold, wire.js
//! writes as serde-wasm-bindgen read it: `undefined` as `null`, typed arrays as arrays, any other
//! object by its own enumerable keys, a BigInt as a number; a function or a symbol, or a getter
//! that throws, is refused with a message.

use wasm_bindgen::prelude::*;

use crate::json::{too_deep_message, too_long_message, Value, MAX_DEPTH, MAX_LEN};

#[wasm_bindgen(module = "/src/api/wire.js")]
extern "C" {
    /// `value`'s tokens; none when it cannot be written, and then `why` says why.
    #[wasm_bindgen(js_name = wireWrite)]
    fn write(value: &JsValue, max_depth: usize, max_len: usize) -> Vec<f64>;
    /// Why the last `write` gave no tokens.
    #[wasm_bindgen(js_name = wireWhy)]
    fn why() -> String;
}

/// `value` as a [`Value`], or why it cannot be read.
pub fn from_js(value: &JsValue) -> Result<Value, String> {
    let tokens = tokens(value)?;
    let (shape, numbers) = split(&tokens)?;
    parse(shape, numbers)
}

/// `value`'s tokens, or why it cannot be written.
pub fn tokens(value: &JsValue) -> Result<Vec<f64>, String> {
    let tokens = write(value, MAX_DEPTH, MAX_LEN);
    if tokens.is_empty() {
        return Err(why());
    }
    Ok(tokens)
}

/// The tokens' shape and numbers.
pub fn split(tokens: &[f64]) -> Result<(&[f64], &[f64]), String> {
    let (&len, rest) = tokens.split_first().ok_or_else(malformed)?;
    if len >= 0.0 && len.fract() == 0.0 && len <= rest.len() as f64 {
        Ok(rest.split_at(len as usize))
    } else {
        Err(malformed())
    }
}

/// The kinds of a value in the tokens, as wire.js numbers them.
const NULL: f64 = 0.0;
const FALSE: f64 = 1.0;
const TRUE: f64 = 2.0;
const NUMBER: f64 = 3.0;
const STRING: f64 = 4.0;
const ARRAY: f64 = 5.0;
const OBJECT: f64 = 6.0;

/// The value a shape and its numbers describe.
pub fn parse(shape: &[f64], numbers: &[f64]) -> Result<Value, String> {
    let mut reader = Reader {
        tokens: shape,
        at: 0,
        numbers: numbers.iter(),
    };
    let value = reader.value(0)?;
    if reader.at == shape.len() && reader.numbers.len() == 0 {
        Ok(value)
    } else {
        Err(malformed())
    }
}

fn malformed() -> String {
    "the input's tokens are malformed".to_string()
}

struct Reader<'a> {
    tokens: &'a [f64],
    at: usize,
    numbers: std::slice::Iter<'a, f64>,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<f64, String> {
        let token = self.tokens.get(self.at).copied().ok_or_else(malformed)?;
        self.at += 1;
        Ok(token)
    }

    /// A count (a container's entries, a string's code units): a whole number no larger than
    /// the tokens left, so that no count can ask for more room than the input holds.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.next()?;
        let left = self.tokens.len() - self.at;
        if n >= 0.0 && n.fract() == 0.0 && n <= left as f64 {
            Ok(n as usize)
        } else {
            Err(malformed())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        let kind = self.next()?;
        if kind == NULL {
            Ok(Value::Null)
        } else if kind == FALSE {
            Ok(Value::Bool(false))
        } else if kind == TRUE {
            Ok(Value::Bool(true))
        } else if kind == NUMBER {
            self.numbers
                .next()
                .map(|&n| Value::Number(n))
                .ok_or_else(malformed)
        } else if kind == STRING {
            self.string_body().map(Value::String)
        } else if kind == ARRAY {
            self.array(depth)
        } else if kind == OBJECT {
            self.object(depth)
        } else {
            Err(malformed())
        }
    }

    /// A container's opening at `depth` (children are one deeper), as `Value::read` bounds it.
    fn open(&self, depth: usize) -> Result<usize, String> {
        if depth >= MAX_DEPTH {
            return Err(too_deep_message());
        }
        Ok(depth + 1)
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        let inner = self.open(depth)?;
        let count = self.count()?;
        let mut items = Vec::with_capacity(count.min(MAX_LEN));
        for _ in 0..count {
            if items.len() == MAX_LEN {
                return Err(too_long_message());
            }
            items.push(self.value(inner)?);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        let inner = self.open(depth)?;
        let count = self.count()?;
        let mut entries = Vec::with_capacity(count.min(MAX_LEN));
        for _ in 0..count {
            if entries.len() == MAX_LEN {
                return Err(too_long_message());
            }
            if self.next()? != STRING {
                return Err(malformed());
            }
            let key = self.string_body()?;
            entries.push((key, self.value(inner)?));
        }
        Ok(Value::Object(entries))
    }

    /// A string's length and UTF-16 code units; a lone surrogate becomes U+FFFD.
    fn string_body(&mut self) -> Result<String, String> {
        let len = self.count()?;
        let units = &self.tokens[self.at..self.at + len];
        self.at += len;
        if !units
            .iter()
            .all(|u| (0.0..65536.0).contains(u) && u.fract() == 0.0)
        {
            return Err(malformed());
        }
        Ok(char::decode_utf16(units.iter().map(|&u| u as u16))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape and the numbers wire.js writes for a value, built by hand.
    #[derive(Default)]
    struct Tokens(Vec<f64>, Vec<f64>);

    impl Tokens {
        fn number(mut self, n: f64) -> Self {
            self.0.push(NUMBER);
            self.1.push(n);
            self
        }
        fn parse(&self) -> Result<Value, String> {
            let mut tokens = vec![self.0.len() as f64];
            tokens.extend(&self.0);
            tokens.extend(&self.1);
            let (shape, numbers) = split(&tokens)?;
            parse(shape, numbers)
        }
        fn string(self, text: &str) -> Self {
            let units: Vec<u16> = text.encode_utf16().collect();
            self.units(&units)
        }
        fn units(mut self, units: &[u16]) -> Self {
            self.0.extend([STRING, units.len() as f64]);
            self.0.extend(units.iter().map(|&u| f64::from(u)));
            self
        }
        fn token(mut self, token: f64) -> Self {
            self.0.push(token);
            self
        }
        fn open(self, kind: f64, count: usize) -> Self {
            self.token(kind).token(count as f64)
        }
    }

    fn object(entries: Vec<(&str, Value)>) -> Value {
        Value::Object(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    #[test]
    fn reads_every_kind_with_its_numbers() {
        let tokens = Tokens::default()
            .open(OBJECT, 6)
            .string("x")
            .open(ARRAY, 2)
            .number(f64::NAN)
            .number(-0.0)
            .string("name")
            .units(&[0x61, 0x22, 0xe9, 0xd83d, 0xde00, 0xd800, 0x21, 0xdc00])
            .string("on")
            .token(TRUE)
            .string("off")
            .token(FALSE)
            .string("none")
            .token(NULL)
            .string("")
            .open(OBJECT, 0);
        let value = tokens.parse().expect("valid");
        let Value::Object(entries) = &value else {
            panic!("an object")
        };
        let Value::Array(x) = &entries[0].1 else {
            panic!("an array")
        };
        assert!(matches!(x[0], Value::Number(n) if n.is_nan()));
        assert!(matches!(x[1], Value::Number(n) if n == 0.0 && n.is_sign_negative()));
        assert_eq!(
            entries[1..].to_vec(),
            match object(vec![
                ("name", Value::String("a\"é😀\u{fffd}!\u{fffd}".into())),
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
        let nested = |levels: usize| {
            let mut tokens = Tokens::default();
            for _ in 0..levels - 1 {
                tokens = tokens.open(ARRAY, 1);
            }
            tokens.open(ARRAY, 0)
        };
        assert_eq!(nested(MAX_DEPTH + 1).parse(), Err(too_deep_message()));
        assert!(nested(MAX_DEPTH).parse().is_ok());
        let mut long = Tokens::default().open(ARRAY, MAX_LEN + 1);
        for _ in 0..=MAX_LEN {
            long = long.token(NULL);
        }
        assert_eq!(long.parse(), Err(too_long_message()));
        // An error in the entries that fit comes first, as `Value::read` reads them.
        let mut both = Tokens::default().open(ARRAY, MAX_LEN + 1);
        both.0.extend(nested(MAX_DEPTH).0);
        for _ in 0..MAX_LEN {
            both = both.token(NULL);
        }
        assert_eq!(both.parse(), Err(too_deep_message()));
    }

    #[test]
    fn malformed_tokens_are_an_error() {
        let cases: Vec<Vec<f64>> = vec![
            vec![],
            vec![7.0],
            vec![NUMBER],
            vec![NULL, 0.5],
            vec![ARRAY, 1.0],
            vec![ARRAY, 1.5, NULL],
            vec![ARRAY, -1.0],
            vec![ARRAY, f64::NAN],
            vec![ARRAY, 1e300],
            vec![NULL, NULL],
            vec![OBJECT, 1.0, NULL, NULL],
            vec![STRING, 2.0, 65.0],
            vec![STRING, 1.0, 65536.0],
            vec![STRING, 1.0, 0.5],
            vec![f64::NAN],
        ];
        for shape in cases {
            assert_eq!(parse(&shape, &[]), Err(malformed()), "{shape:?}");
        }
        assert_eq!(parse(&[NULL], &[0.5]), Err(malformed()));
        for tokens in [vec![], vec![2.0, NULL], vec![-1.0], vec![0.5, NULL]] {
            assert_eq!(split(&tokens), Err(malformed()), "{tokens:?}");
        }
    }
}
