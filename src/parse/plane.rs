//! A plane window: which inputs span the input plane, over which ranges, how finely.

use super::values::{range, whole, Object};
use crate::error::Error;
use crate::json::Value;
use crate::network::arch::Arch;
use crate::plane::{PlaneWindow, MAX_PLANE_RESOLUTION};

/// Reads a plane window such as
/// `{"across":0,"up":1,"across_range":[-0.5,1.5],"up_range":[-0.5,1.5],"resolution":64}`;
/// a 1-input network's curve leaves out `up` and `up_range`.
pub fn parse_plane(value: &Value, arch: &Arch) -> Result<PlaneWindow, Error> {
    let window = Object::read(value, "the plane window", "window", "an object")?;
    let inputs = arch.inputs();
    let input = |name: &str| -> Result<usize, Error> {
        let value = window.require(name, name, "")?;
        Ok(whole(value, name, 0, inputs as u32 - 1)? as usize)
    };
    let range = |name: &str| range(window.require(name, name, "")?, name);
    let across = input("across")?;
    let up = match window.get("up") {
        None | Some(Value::Null) => None,
        Some(_) => Some(input("up")?),
    };
    if inputs >= 2 && up.is_none() {
        return Err(Error::new(
            "up",
            format!("the plane window is missing up (this network has {inputs} inputs)"),
        ));
    }
    if up == Some(across) {
        return Err(Error::new(
            "up",
            "across and up must be two different inputs",
        ));
    }
    let across_range = range("across_range")?;
    let up_range = match up {
        Some(_) => range("up_range")?,
        None => (0.0, 1.0),
    };
    let resolution = whole(
        window.require("resolution", "resolution", "")?,
        "resolution",
        2,
        MAX_PLANE_RESOLUTION as u32,
    )? as usize;
    Ok(PlaneWindow {
        across,
        up,
        across_range,
        up_range,
        resolution,
    })
}
