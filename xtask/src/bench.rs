//! `cargo xtask bench`: the numbers in the README — the core natively (criterion), the wasm core
//! and a slider drag in Chromium, and what the page weighs on the wire.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::{self, gzip_size, kb};
use crate::run::run;
use crate::tools::{self, cargo};
use crate::Result;

pub fn bench(root: &Path) -> Result<()> {
    build::build(root)?;
    tools::ensure_chromium()?;
    run(cargo().args(["bench", "--bench", "core"]))?;
    run(Command::new("node").arg("tools/bench-browser.mjs"))?;
    sizes(root)
}

/// Raw and gzip sizes of the wasm module and of every file the page loads.
fn sizes(root: &Path) -> Result<()> {
    let wasm = root.join(build::OUT_DIR).join("backprop_viz_bg.wasm");
    let files = page_files(root)?;
    let (mut raw, mut gzip) = (0, 0);
    for file in &files {
        raw += fs::metadata(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?
            .len();
        gzip += gzip_size(file)?;
    }
    println!("\nSizes (gzip -9, each file compressed on its own):");
    println!(
        "  wasm module     {} raw, {} gzip",
        kb(fs::metadata(&wasm).map_err(|e| e.to_string())?.len()),
        kb(gzip_size(&wasm)?)
    );
    println!(
        "  whole page      {} raw, {} gzip ({} files: HTML, CSS, JS, the wasm glue and module)",
        kb(raw),
        kb(gzip),
        files.len()
    );
    Ok(())
}

/// www/*.{html,css,js} and the two files of www/pkg the page imports.
fn page_files(root: &Path) -> Result<Vec<PathBuf>> {
    let www = root.join("www");
    let mut files: Vec<PathBuf> = fs::read_dir(&www)
        .map_err(|e| format!("cannot list {}: {e}", www.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|ext| ext == "html" || ext == "css" || ext == "js")
        })
        .collect();
    let pkg = root.join(build::OUT_DIR);
    files.push(pkg.join("backprop_viz.js"));
    files.push(pkg.join("backprop_viz_bg.wasm"));
    files.sort();
    Ok(files)
}
