//! `cargo xtask bench`: the numbers in the README — the core natively (criterion), training in
//! wasm against plain JavaScript and native (Node, then Chromium), the wasm core and a slider
//! drag in Chromium, training with the input plane and its thumbnails repainted every frame in
//! Chromium, what a first visit to the production build downloads, and its first contentful
//! paint.

use std::path::Path;
use std::process::Command;

use crate::run::run;
use crate::tools::{self, cargo};
use crate::{budget, build, Result};

/// Builds, then runs every measurement, each even when an earlier one failed; fails at the end
/// naming those that did.
pub fn bench(root: &Path) -> Result<()> {
    build::build(root)?;
    tools::ensure_chromium()?;
    let measurements: [(&str, &dyn Fn() -> Result<()>); 6] = [
        ("criterion", &|| {
            run(cargo().args(["bench", "--bench", "core"]))
        }),
        // After criterion: it reads the native training rates criterion has just written.
        ("training in Node", &|| {
            run(Command::new("node").arg("tools/bench-train.mjs"))
        }),
        ("the core and a slider drag in Chromium", &|| {
            run(Command::new("node").arg("tools/bench-browser.mjs"))
        }),
        ("training with the input plane in Chromium", &|| {
            run(Command::new("node").arg("tools/bench-plane.mjs"))
        }),
        ("first contentful paint", &|| {
            run(Command::new("node").arg("tools/bench-paint.mjs"))
        }),
        ("first-visit sizes", &|| budget::report(root)),
    ];
    let mut failed = Vec::new();
    for (name, measure) in measurements {
        println!();
        if let Err(message) = measure() {
            eprintln!("xtask: bench: {name} failed: {message}");
            failed.push(name);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("these measurements failed: {}", failed.join(", ")))
    }
}
