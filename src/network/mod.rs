//! The network itself: its architecture, activations, loss, forward and backward passes and
//! initial weights. Nothing here knows about the state, the page or WebAssembly.

pub mod activation;
pub mod arch;
pub mod backward;
pub mod fast_math;
pub mod forward;
pub mod init;
pub mod layer_names;
pub mod loss;
pub mod workspace;

/// The name of `value` among `options` (each enum's `ALL` table: its values with their names in
/// the state JSON), so that every name is written once.
pub fn name_of<T: PartialEq + Copy>(value: T, options: &[(T, &'static str)]) -> &'static str {
    options
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, n)| n)
}
