//! A landscape window: which two parameters span the map, over which ranges, how finely.

use super::values::{range, whole, Object};
use crate::error::Error;
use crate::json::Value;
use crate::landscape::{Window, MAX_RESOLUTION};
use crate::network::arch::Arch;

/// Reads a landscape window such as
/// `{"a":"w2.0.0","b":"w2.1.0","a_range":[-2,3],"b_range":[-2,3],"resolution":101}`.
pub fn parse_window(value: &Value, arch: &Arch) -> Result<Window, Error> {
    let window = Object::read(value, "the window", "window", "an object")?;
    let get = |name: &str| window.require(name, name, "");
    let param = |name: &str| -> Result<usize, Error> {
        let value = get(name)?;
        match value {
            Value::String(s) => arch.param_named(s).map(|id| arch.index(id)),
            _ => None,
        }
        .ok_or_else(|| {
            Error::new(
                name,
                format!(
                    "{name} must name a weight or bias of this network (w1.0.0 … b{}.0), got {}",
                    arch.depth(),
                    value.describe()
                ),
            )
        })
    };
    let range = |name: &str| range(get(name)?, name);
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
