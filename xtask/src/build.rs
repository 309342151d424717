//! `cargo xtask build`: wasm-pack build into www/pkg, then wasm-opt, then the production tree
//! dist/ (tools/build-dist.mjs: esbuild bundles and minifies the page).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

use crate::run::{capture, describe, run};
use crate::tools;
use crate::Result;

/// Output directory, relative to the project root (ignored by git).
pub const OUT_DIR: &str = "www/pkg";
/// The production tree, relative to the project root (ignored by git): exactly the files a
/// first visit downloads.
pub const DIST_DIR: &str = "dist";
/// The page's sources, which dist/ is built from.
pub const WWW_DIR: &str = "www";
/// The script that bundles www/ into dist/ with esbuild.
const BUILD_DIST: &str = "tools/build-dist.mjs";
/// File stem wasm-bindgen derives from the package name `backprop-viz`.
const STEM: &str = "backprop_viz";

/// wasm-opt flags: optimise for size, and drop debug names and producer info.
///
/// The `--enable-*` list is exactly the feature set rustc (1.95) emits for
/// wasm32-unknown-unknown by default, as recorded in the module's
/// `target_features` section. binaryen 132 also reads that section, but
/// listing the features makes the step independent of it: wasm-opt then
/// never rejects an instruction rustc emitted, and never introduces one
/// from a feature rustc did not already require of the browser.
const WASM_OPT_FLAGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--strip-debug",
    "--strip-producers",
];

/// Ensures the tools, builds and optimises the wasm module, then builds dist/.
pub fn build(root: &Path) -> Result<()> {
    tools::ensure_build_tools(root)?;
    build_wasm(root)?;
    build_dist(root)
}

/// Bundles www/ (with the wasm module www/pkg already holds) into dist/.
///
/// The script writes only the files whose bytes changed and removes stale ones, so a build
/// with nothing changed leaves dist/ as it was; it takes about a tenth of a second.
pub fn build_dist(root: &Path) -> Result<()> {
    let script = root.join(BUILD_DIST);
    if !script.is_file() {
        return Err(format!("missing {}", script.display()));
    }
    run(Command::new("node")
        .arg(BUILD_DIST)
        .args(["--src", WWW_DIR, "--out", DIST_DIR]))
}

/// Builds www/pkg (tools must already be installed) and prints its size.
pub fn build_wasm(root: &Path) -> Result<()> {
    let started = Instant::now();
    let build_start = SystemTime::now();
    // wasm-pack checks crates.io for a newer wasm-pack on every run whose stamp file
    // (`wasm-pack.stamp` beside its binary) is missing or over a day old, and warns
    // "failed to get wasm-pack version" when that request fails, as it does on a closed
    // network: noise for a build that never needs it. wasm-pack 0.15 has no switch for the
    // check, so its own [WARN] lines are silenced; cargo's and rustc's warnings and every
    // error still show, and xtask prints the outcome below.
    run(Command::new("wasm-pack").args([
        "--log-level",
        "error",
        "build",
        "--target",
        "web",
        "--release",
        "--out-dir",
        OUT_DIR,
        "--no-pack",
    ]))?;
    // Relative to the project root (the current directory), for shorter logs.
    let js = Path::new(OUT_DIR).join(format!("{STEM}.js"));
    let wasm = Path::new(OUT_DIR).join(format!("{STEM}_bg.wasm"));
    for file in [&js, &wasm] {
        // Must be rewritten by this build, not left over from an earlier one.
        let fresh = fs::metadata(file)
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified >= build_start);
        if !fresh {
            return Err(format!(
                "wasm-pack reported success but did not write {}",
                file.display()
            ));
        }
    }
    let before = file_size(&wasm)?;
    optimise(root, &wasm)?;
    let after = file_size(&wasm)?;
    let gzip = gzip_size(&wasm)?;
    println!(
        "xtask: built {} in {:.1} s: {} raw (wasm-bindgen output {}), {} gzip -9",
        wasm.display(),
        started.elapsed().as_secs_f64(),
        kb(after),
        kb(before),
        kb(gzip),
    );
    Ok(())
}

/// Runs npm binaryen's wasm-opt on `wasm` in place.
///
/// npm's wasm-opt is a large JS file Node compiles on every start (1-2 s), so
/// the result is cached in `.xtask/wasm-opt/`, keyed by the exact input bytes,
/// the flags and package-lock.json (which pins the binaryen version).
fn optimise(root: &Path, wasm: &Path) -> Result<()> {
    let input = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let cache = WasmOptCache::new(root)?;
    if let Some(output) = cache.lookup(&input) {
        println!("xtask: wasm-opt: input unchanged, reusing the cached output");
        return fs::write(wasm, output)
            .map_err(|e| format!("cannot write {}: {e}", wasm.display()));
    }

    let tmp: PathBuf = wasm.with_extension("opt.wasm");
    run(Command::new(tools::wasm_opt_path(root))
        .args(WASM_OPT_FLAGS)
        .arg(wasm)
        .arg("-o")
        .arg(&tmp))?;
    fs::rename(&tmp, wasm)
        .map_err(|e| format!("cannot move {} to {}: {e}", tmp.display(), wasm.display()))?;
    if let Err(message) = cache.store(&input, wasm) {
        // Only costs time on the next build.
        eprintln!("xtask: warning: cannot cache the wasm-opt output: {message}");
    }
    Ok(())
}

struct WasmOptCache {
    dir: PathBuf,
    key: Vec<u8>,
}

impl WasmOptCache {
    fn new(root: &Path) -> Result<Self> {
        let lock = root.join("package-lock.json");
        let mut key = WASM_OPT_FLAGS.join(" ").into_bytes();
        key.push(b'\n');
        key.extend(fs::read(&lock).map_err(|e| format!("cannot read {}: {e}", lock.display()))?);
        Ok(Self {
            dir: root.join(".xtask/wasm-opt"),
            key,
        })
    }

    fn lookup(&self, input: &[u8]) -> Option<Vec<u8>> {
        let same = |name: &str, expected: &[u8]| {
            fs::read(self.dir.join(name)).is_ok_and(|bytes| bytes == expected)
        };
        if same("key", &self.key) && same("input.wasm", input) {
            fs::read(self.dir.join("output.wasm")).ok()
        } else {
            None
        }
    }

    fn store(&self, input: &[u8], output: &Path) -> Result<()> {
        let write = |name: &str, bytes: &[u8]| {
            let path = self.dir.join(name);
            fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
        };
        fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        // Invalidate first, so an interrupted store never pairs old and new files.
        let _ = fs::remove_file(self.dir.join("key"));
        write("input.wasm", input)?;
        fs::copy(output, self.dir.join("output.wasm"))
            .map_err(|e| format!("{}: {e}", output.display()))?;
        write("key", &self.key)
    }
}

fn file_size(path: &Path) -> Result<u64> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Size of `gzip -9` of the file, via the system gzip.
pub fn gzip_size(path: &Path) -> Result<u64> {
    let mut cmd = Command::new("gzip");
    cmd.args(["-c", "-9", "-n"]).arg(path);
    let output = capture(&mut cmd)?;
    if !output.status.success() {
        return Err(format!("`{}` failed ({})", describe(&cmd), output.status));
    }
    Ok(output.stdout.len() as u64)
}

pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
