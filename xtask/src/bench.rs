//! `cargo xtask bench`: the numbers in the README — the core natively (criterion), the wasm core
//! and a slider drag in Chromium, what a first visit to the production build downloads, and its
//! first contentful paint.

use std::path::Path;
use std::process::Command;

use crate::run::run;
use crate::tools::{self, cargo};
use crate::{budget, build, Result};

pub fn bench(root: &Path) -> Result<()> {
    build::build(root)?;
    tools::ensure_chromium()?;
    run(cargo().args(["bench", "--bench", "core"]))?;
    run(Command::new("node").arg("tools/bench-browser.mjs"))?;
    run(Command::new("node").arg("tools/bench-paint.mjs"))?;
    println!();
    budget::report(root)
}
