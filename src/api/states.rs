//! A state read in full once per shape: while a slider is dragged or a run trains, every call
//! passes a state of the same shape (the same fields and sizes, other numbers), and its numbers
//! are placed into the state read before ([`Template`]) instead of reading it all again.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{from_js, read_error, to_error};
use crate::parse::{parse_state, Template};
use crate::state::State;

thread_local! {
    /// The shape read last (its tokens without the numbers) and its template.
    static KNOWN: RefCell<Option<(Vec<f64>, Template)>> = const { RefCell::new(None) };
}

/// `value` as a state; any error is the full read's (see [`Template::fill`]).
pub fn read_state(value: &JsValue) -> Result<State, JsValue> {
    let tokens = from_js::tokens(value).map_err(|e| read_error("state", &e))?;
    let (shape, numbers) = from_js::split(&tokens).map_err(|e| read_error("state", &e))?;
    let filled = KNOWN.with(|known| {
        let known = known.try_borrow().ok()?;
        let (known, template) = known.as_ref()?;
        (known.as_slice() == shape).then(|| template.fill(numbers))?
    });
    if let Some(state) = filled {
        return Ok(state);
    }
    let value = from_js::parse(shape, numbers).map_err(|e| read_error("state", &e))?;
    let state = parse_state(&value).map_err(to_error)?;
    if let Some(template) = Template::of(&value, numbers, &state) {
        KNOWN.with(|known| {
            if let Ok(mut known) = known.try_borrow_mut() {
                *known = Some((shape.to_vec(), template));
            }
        });
    }
    Ok(state)
}
