//! Numbers written inside messages and scripts.
//!
//! Rust's float formatting (shortest round-trip and exact printing: about 20 KB of the wasm) had
//! no other use in the module than these few texts. In the wasm build a number is written as a
//! mark and its 64 bits in hex instead, and the page's side of the wire (`src/api/wire.js`)
//! writes it as JavaScript's `String(n)` does: the shortest text that reads back as the same
//! double (`0.1`, `1e-7`, `Infinity`). Natively (the tests, the benches, the scripts run with
//! Python) it is Rust's own text.

use std::fmt;

/// A number in a sentence: `{}` natively, `String(n)` in the browser.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

/// A number in a Python script, a float literal either way: `{:?}` natively (`1.0`, `0.1`),
/// `String(n)` with `.0` after a whole number in the browser.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyNum(pub f64);

/// A number in exponent form natively (`{:e}`: `1e-12`); `String(n)` in the browser.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExpNum(pub f64);

/// The marks wire.js looks for: a sentence's number, a Python literal.
#[cfg(target_arch = "wasm32")]
const MARKS: [char; 2] = ['\u{e000}', '\u{e001}'];

#[cfg(target_arch = "wasm32")]
fn mark(f: &mut fmt::Formatter<'_>, kind: usize, value: f64) -> fmt::Result {
    write!(f, "{}{:016x}", MARKS[kind], value.to_bits())
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(target_arch = "wasm32")]
        return mark(f, 0, self.0);
        #[cfg(not(target_arch = "wasm32"))]
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Display for PyNum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(target_arch = "wasm32")]
        return mark(f, 1, self.0);
        #[cfg(not(target_arch = "wasm32"))]
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for ExpNum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(target_arch = "wasm32")]
        return mark(f, 0, self.0);
        #[cfg(not(target_arch = "wasm32"))]
        fmt::LowerExp::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natively_numbers_are_rusts_own_text() {
        assert_eq!(Num(1.5).to_string(), "1.5");
        assert_eq!(Num(f64::INFINITY).to_string(), "inf");
        assert_eq!(PyNum(1.0).to_string(), "1.0");
        assert_eq!(PyNum(0.1).to_string(), "0.1");
        assert_eq!(ExpNum(1e-12).to_string(), "1e-12");
    }
}
