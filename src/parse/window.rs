//! A landscape window: which two parameters span the map, over which ranges, how finely.

use super::values::{vector, whole, Object};
use crate::error::Error;
use crate::json::Value;
use crate::landscape::{Window, MAX_RESOLUTION};
use crate::state::Params;

/// Reads a landscape window such as
/// `{"a":"w2.0.0","b":"w2.1.0","a_range":[-2,3],"b_range":[-2,3],"resolution":101}`.
pub fn parse_window(value: &Value) -> Result<Window, Error> {
    let window = Object::read(value, "the window", "window", "an object")?;
    let get = |name: &str| window.require(name, name, "");
    let param = |name: &str| -> Result<usize, Error> {
        let value = get(name)?;
        match value {
            Value::String(s) => Params::index_of(s),
            _ => None,
        }
        .ok_or_else(|| {
            Error::new(
                name,
                format!(
                    "{name} must name a parameter (w1.0.0 … b2.0), got {}",
                    value.describe()
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
