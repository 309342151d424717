//! The one error type of the core: which field is wrong, and a sentence that says why.

use std::fmt;

/// An input the core refuses, or a result it cannot represent.
///
/// `field` is the path of the offending value (`w1[0][1]`, `steps`, `state`), so that a page can
/// show the message beside the right control; `message` is a complete sentence for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub field: String,
    pub message: String,
}

impl Error {
    /// An error about `field`, with a complete message.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
