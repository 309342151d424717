//! The names of a layer's fields in states and results (`w1`, `b1`, `z1`, `h1`) as static text:
//! every snapshot names every layer, and formatting those names was a measurable part of one.

use std::borrow::Cow;

use super::arch::MAX_HIDDEN_LAYERS;

/// `prefix0` … `prefix7`: a name for every layer from 0 to the most there can be.
macro_rules! names {
    ($prefix:literal) => {
        [
            concat!($prefix, "0"),
            concat!($prefix, "1"),
            concat!($prefix, "2"),
            concat!($prefix, "3"),
            concat!($prefix, "4"),
            concat!($prefix, "5"),
            concat!($prefix, "6"),
            concat!($prefix, "7"),
        ]
    };
}

const W: [&str; 8] = names!("w");
const B: [&str; 8] = names!("b");
const Z: [&str; 8] = names!("z");
const H: [&str; 8] = names!("h");
const _: () = assert!(W.len() == MAX_HIDDEN_LAYERS + 2);

/// `{prefix}{l}` (`w1`, `b2`, `z3`, `h1`), without formatting when it is one of the tables'.
pub fn layer_name(prefix: char, l: usize) -> Cow<'static, str> {
    let table = match prefix {
        'w' => &W,
        'b' => &B,
        'z' => &Z,
        'h' => &H,
        _ => return Cow::Owned(format!("{prefix}{l}")),
    };
    match table.get(l) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(format!("{prefix}{l}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_prefix_and_the_layer() {
        for prefix in ['w', 'b', 'z', 'h', 'q'] {
            for l in 0..12 {
                assert_eq!(layer_name(prefix, l), format!("{prefix}{l}"));
            }
        }
    }
}
