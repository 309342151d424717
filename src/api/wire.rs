//! The wire: how a result crosses into JavaScript.
//!
//! serde-wasm-bindgen, which the core used before, built a result by calling into JavaScript for
//! every key, string and number: hundreds of calls for one tape, most of `stages`' time in
//! Chromium. Here a result is serialised inside the wasm instead, in two parts:
//! - its *skeleton*: JSON in which every number is replaced by its position in `numbers`
//!   (`{"y":[3],"loss":4}`), with every key, string, boolean and `null` in place;
//! - `numbers`: every number, in order, as one `Float64Array`.
//!
//! A skeleton is known by a hash of its shape: its keys, strings and marks, every number one same
//! mark (its position is its place in the order). A result is first written without its text,
//! only hashed; only when wire.js does not know that hash is it written again with it. wire.js
//! keeps the skeletons it has parsed, so a
//! result whose shape it has seen (a slider drag changes the numbers, not the shape) crosses as
//! one hash and one `Float64Array`; wire.js builds the plain objects and arrays from the parsed
//! skeleton and the numbers. The JavaScript a caller gets is what serde-wasm-bindgen's
//! JSON-compatible serializer gave: maps and structs as objects, `None` and `()` as `null`, enum
//! variants by name. Whole numbers cross as `f64` (exact up to 2⁵³; the core's are `u32`).

use std::cell::RefCell;
use std::fmt;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/api/wire.js")]
extern "C" {
    /// The result whose skeleton has this hash, filled with `numbers`; `undefined` when wire.js
    /// does not have that skeleton.
    #[wasm_bindgen(js_name = wireBuildKnown)]
    fn build_known(hash: f64, numbers: &[f64]) -> JsValue;
    /// The result: `skeleton` filled with `numbers`, the skeleton kept by its hash.
    #[wasm_bindgen(js_name = wireBuild)]
    fn build(hash: f64, skeleton: &str, numbers: &[f64]) -> JsValue;
    /// `text` as a JavaScript string, its numbers written (see [`crate::num`]).
    #[wasm_bindgen(js_name = wireText)]
    fn words(text: &str) -> JsValue;
    /// An `Error` with `message`, its numbers written.
    #[wasm_bindgen(js_name = wireError)]
    fn new_error(message: &str) -> JsValue;
}

/// `text` (a script) for JavaScript, its numbers written by wire.js (see [`crate::num`]).
pub fn text(text: &str) -> JsValue {
    words(text)
}

/// The `Error` the API throws with `message`, its numbers written by wire.js.
pub fn error(message: &str) -> JsValue {
    new_error(message)
}

thread_local! {
    /// The last result's buffers, cleared and filled again by the next: a fresh skeleton and
    /// numbers for every result cost an allocation and a free each.
    static BUFFERS: RefCell<Wire> = RefCell::new(Wire::with_capacity());
}

/// `value` as a plain JavaScript value, through wire.js (strings with their numbers written).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    written(&mut |wire| value.serialize(wire))
}

/// The result `write` writes, in the kept buffers (fresh ones if a result is being written).
fn written(write: &mut dyn FnMut(&mut Wire) -> Result<(), WireError>) -> Result<JsValue, JsValue> {
    BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
        Ok(mut wire) => send(&mut wire, write),
        Err(_) => send(&mut Wire::with_capacity(), write),
    })
}

/// The result `write` writes into `wire`: its numbers and the hash of its shape, then its
/// skeleton's text only if wire.js does not know that hash.
fn send(
    wire: &mut Wire,
    write: &mut dyn FnMut(&mut Wire) -> Result<(), WireError>,
) -> Result<JsValue, JsValue> {
    let failed = |e: WireError| error(&format!("could not build the result: {e}"));
    wire.reset(false);
    write(wire).map_err(failed)?;
    let hash = wire.hash();
    let known = build_known(hash, &wire.numbers);
    if !known.is_undefined() {
        return Ok(known);
    }
    wire.reset(true);
    write(wire).map_err(failed)?;
    Ok(build(hash, &wire.skeleton, &wire.numbers))
}

/// The bytes a JSON string cannot hold as they are: `"`, `\\` and the control characters.
const ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A serialised value: its skeleton (when written with its text) and its numbers.
#[derive(Debug, Default, PartialEq)]
pub struct Wire {
    pub skeleton: String,
    pub numbers: Vec<f64>,
    /// Whether the skeleton's text is written, or only hashed.
    text: bool,
    /// The hash of the shape so far.
    shape: u64,
    /// How many pieces of the shape were written, and the first piece of the last string.
    pieces: usize,
    string_at: usize,
}

/// The hash's multiplier (FNV-1a's 64-bit prime).
const K: u64 = 0x0000_0100_0000_01b3;

impl Wire {
    /// `value` serialised.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Self, WireError> {
        let mut wire = Wire::with_capacity();
        wire.reset(true);
        value.serialize(&mut wire)?;
        Ok(wire)
    }

    /// Empty, with room for a usual result.
    fn with_capacity() -> Self {
        Wire {
            skeleton: String::with_capacity(1 << 14),
            numbers: Vec::with_capacity(1 << 8),
            ..Wire::default()
        }
    }

    /// Emptied, to be written with its text or only hashed.
    fn reset(&mut self, text: bool) {
        self.skeleton.clear();
        self.numbers.clear();
        self.text = text;
        self.shape = 0xcbf2_9ce4_8422_2325;
        self.pieces = 0;
        self.string_at = usize::MAX;
    }

    /// One piece of the shape into its hash (FNV-1a over its length and its bytes: most pieces
    /// are one byte, `,` or a number's mark).
    fn mix(&mut self, bytes: &[u8]) {
        self.pieces += 1;
        let mut h = (self.shape ^ bytes.len() as u64).wrapping_mul(K);
        for &byte in bytes {
            h = (h ^ u64::from(byte)).wrapping_mul(K);
        }
        self.shape = h;
    }

    /// Punctuation or a word (`{`, `,`, `null`) of the skeleton.
    fn put(&mut self, text: &str) {
        self.mix(text.as_bytes());
        if self.text {
            self.skeleton.push_str(text);
        }
    }

    /// A 53-bit hash of the shape (so that it is exact as a JavaScript number), the same
    /// whether the text was written or not: the pieces' hash, then a final avalanche.
    pub fn hash(&self) -> f64 {
        let mut h = self.shape ^ self.pieces as u64;
        h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        (h >> 11) as f64
    }

    fn number(&mut self, value: f64) {
        let mut k = self.numbers.len();
        self.numbers.push(value);
        self.mix(b"#");
        if !self.text {
            return;
        }
        let mut digits = [0u8; 20];
        let mut n = digits.len();
        loop {
            n -= 1;
            digits[n] = b'0' + (k % 10) as u8;
            k /= 10;
            if k == 0 {
                break;
            }
        }
        self.skeleton
            .push_str(std::str::from_utf8(&digits[n..]).unwrap_or("0"));
    }

    /// `text` as a JSON string.
    fn string(&mut self, text: &str) {
        self.string_at = self.pieces;
        self.mix(b"\"");
        self.mix(text.as_bytes());
        if !self.text {
            return;
        }
        let out = &mut self.skeleton;
        out.push('"');
        if !text.bytes().any(|b| ESCAPE[usize::from(b)]) {
            out.push_str(text);
            out.push('"');
            return;
        }
        let mut from = 0;
        for (at, byte) in text.bytes().enumerate() {
            if !ESCAPE[usize::from(byte)] {
                continue;
            }
            out.push_str(&text[from..at]);
            match byte {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(char::from(HEX[usize::from(byte >> 4)]));
                    out.push(char::from(HEX[usize::from(byte & 0xf)]));
                }
            }
            from = at + 1;
        }
        out.push_str(&text[from..]);
        out.push('"');
    }

    fn open(&mut self, open: &'static str, close: &'static str) -> Compound<'_> {
        self.put(open);
        Compound {
            wire: self,
            first: true,
            close,
        }
    }

    /// `{"variant":` … to be closed by `close`.
    fn variant(&mut self, variant: &str, open: &'static str, close: &'static str) -> Compound<'_> {
        self.put("{");
        self.string(variant);
        self.put(":");
        self.open(open, close)
    }
}

/// Why a value could not be serialised (a map key that is not a string, or a value's own error).
#[derive(Debug, PartialEq)]
pub struct WireError(String);

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WireError {}

impl ser::Error for WireError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        WireError(message.to_string())
    }
}

type Done = Result<(), WireError>;

impl<'a> ser::Serializer for &'a mut Wire {
    type Ok = ();
    type Error = WireError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.put(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.put("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let wrapper = self.variant(variant, "", "}");
        value.serialize(&mut *wrapper.wire)?;
        ser::SerializeStruct::end(wrapper)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, WireError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, WireError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WireError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WireError> {
        Ok(self.variant(variant, "[", "]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, WireError> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _len: usize) -> Result<Compound<'a>, WireError> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WireError> {
        Ok(self.variant(variant, "{", "}}"))
    }
}

/// A sequence, map or struct being written: its separators and its closing text.
pub struct Compound<'a> {
    wire: &'a mut Wire,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.wire.put(",");
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.separate();
        value.serialize(&mut *self.wire)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Done {
        self.separate();
        self.wire.string(key);
        self.wire.put(":");
        value.serialize(&mut *self.wire)
    }

    fn close(self) -> Done {
        self.wire.put(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.separate();
        let at = self.wire.pieces;
        key.serialize(&mut *self.wire)?;
        if self.wire.string_at == at {
            Ok(())
        } else {
            Err(WireError("a map's keys must be strings".into()))
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.wire.put(":");
        value.serialize(&mut *self.wire)
    }
    fn end(self) -> Done {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = WireError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Shape {
        Dot { x: f64 },
        Empty,
    }

    #[derive(Serialize)]
    struct Sample<'a> {
        name: &'a str,
        values: Vec<f64>,
        count: u32,
        on: bool,
        missing: Option<f64>,
        shapes: Vec<Shape>,
    }

    #[test]
    fn numbers_leave_their_positions_in_the_skeleton() {
        let wire = Wire::of(&Sample {
            name: "a \"quoted\"\n\\ σ′\u{1}",
            values: vec![0.5, -0.0, f64::NAN],
            count: 12,
            on: true,
            missing: None,
            shapes: vec![Shape::Dot { x: 2.5 }, Shape::Empty],
        })
        .expect("serialisable");
        assert_eq!(
            wire.skeleton,
            r#"{"name":"a \"quoted\"\u000a\\ σ′\u0001","values":[0,1,2],"count":3,"on":true,"missing":null,"shapes":[{"kind":"dot","x":4},{"kind":"empty"}]}"#
        );
        assert_eq!(&wire.numbers[..2], &[0.5, -0.0]);
        assert!(wire.numbers[2].is_nan());
        assert_eq!(&wire.numbers[3..], &[12.0, 2.5]);
    }

    #[test]
    fn the_skeleton_is_json_and_filling_it_gives_the_value() {
        // serde_json's text of the same value, with each placeholder replaced by its number.
        let value: BTreeMap<&str, Vec<f64>> = [
            ("w1", vec![0.25, 1e-300]),
            ("b1", (0..12).map(f64::from).collect()),
        ]
        .into();
        let wire = Wire::of(&value).expect("serialisable");
        let skeleton: serde_json::Value = serde_json::from_str(&wire.skeleton).expect("JSON");
        fn fill(v: &serde_json::Value, numbers: &[f64]) -> serde_json::Value {
            match v {
                serde_json::Value::Number(k) => {
                    serde_json::json!(numbers[k.as_u64().expect("an index") as usize])
                }
                serde_json::Value::Array(items) => {
                    items.iter().map(|item| fill(item, numbers)).collect()
                }
                serde_json::Value::Object(map) => map
                    .iter()
                    .map(|(k, item)| (k.clone(), fill(item, numbers)))
                    .collect(),
                other => other.clone(),
            }
        }
        assert_eq!(
            fill(&skeleton, &wire.numbers),
            serde_json::to_value(&value).expect("JSON")
        );
    }

    #[test]
    fn a_hash_tells_shapes_apart_is_the_same_without_the_text_and_is_exact_in_javascript() {
        let hash = |value: &serde_json::Value, text: bool| {
            let mut wire = Wire::default();
            wire.reset(text);
            value.serialize(&mut wire).expect("serialisable");
            wire.hash()
        };
        let shapes: Vec<serde_json::Value> = [
            "null",
            "{}",
            "[]",
            "[0]",
            "[0,0]",
            "[[0]]",
            "{\"a\":0}",
            "{\"b\":0}",
            "{\"a\":[0]}",
            "\"a\"",
            "\"#\"",
            "[\"a\"]",
            "[\"a\",\"b\"]",
            "[\"ab\"]",
            "true",
            "[true,0]",
        ]
        .iter()
        .map(|text| serde_json::from_str(text).expect("JSON"))
        .collect();
        let hashes: Vec<f64> = shapes.iter().map(|v| hash(v, false)).collect();
        for (k, (h, value)) in hashes.iter().zip(&shapes).enumerate() {
            assert!(*h < 2f64.powi(53) && h.fract() == 0.0);
            assert!(!hashes[..k].contains(h), "{k}");
            assert_eq!(*h, hash(value, true));
        }
        let other: serde_json::Value = serde_json::from_str("[7.5,-1]").expect("JSON");
        assert_eq!(hash(&other, false), hashes[4]);
    }

    #[test]
    fn a_key_that_is_not_a_string_is_refused_without_the_text_too() {
        let value: BTreeMap<u32, f64> = [(1, 2.0)].into();
        let mut wire = Wire::default();
        wire.reset(false);
        assert!(value.serialize(&mut wire).is_err());
    }

    #[test]
    fn a_map_key_must_be_a_string() {
        let value: BTreeMap<u32, f64> = [(1, 2.0)].into();
        assert!(Wire::of(&value).is_err());
    }
}
