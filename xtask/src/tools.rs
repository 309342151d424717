//! "Ensure" steps: check that each tool is installed, install it if not.
//!
//! Each check is cheap when the tool is already there, so these run on every
//! `cargo xtask build` / `test`.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{probe, run, stdout_of};
use crate::Result;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
const MIN_NODE_MAJOR: u32 = 20;
/// npm esbuild, which tools/build-dist.mjs imports (its binary comes in an optional dependency).
const ESBUILD_PACKAGE: &str = "node_modules/esbuild/package.json";
/// Copy of the package-lock.json that node_modules was last installed from.
const NPM_STAMP: &str = "node_modules/.xtask-lock-stamp";

/// A `cargo` command using the same cargo that runs xtask.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")))
}

fn cargo_bin_dir() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    Some(home.join("bin"))
}

/// Puts `$CARGO_HOME/bin` on PATH (for us and our children), so that tools we
/// `cargo install` are found, by us and by wasm-pack, even if the user's PATH
/// lacks it.
pub fn add_cargo_bin_to_path() -> Result<()> {
    let Some(bin) = cargo_bin_dir() else {
        return Ok(());
    };
    let current = std::env::var_os("PATH").unwrap_or_default();
    if std::env::split_paths(&current).any(|p| p == bin) {
        return Ok(());
    }
    let joined = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&current)))
        .map_err(|e| format!("cannot add cargo's bin directory to PATH: {e}"))?;
    std::env::set_var("PATH", joined);
    Ok(())
}

fn ok(what: &str) {
    println!("xtask: ok: {what}");
}

/// Everything `cargo xtask build` needs.
pub fn ensure_build_tools(root: &Path) -> Result<()> {
    ensure_wasm_target()?;
    ensure_wasm_pack()?;
    ensure_wasm_bindgen(&pinned_wasm_bindgen_version(root)?)?;
    ensure_npm_packages(root)
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed = stdout_of(Command::new("rustup").args(["target", "list", "--installed"]))
        .map_err(|e| format!("{e}\nxtask needs rustup to add the {WASM_TARGET} target"))?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    ok(&format!("rust target {WASM_TARGET}"));
    Ok(())
}

pub fn ensure_wasm_pack() -> Result<()> {
    let mut version = probe(Command::new("wasm-pack").arg("--version"));
    if version.is_none() {
        run(cargo().args(["install", "wasm-pack", "--locked"]))?;
        version = Some(stdout_of(Command::new("wasm-pack").arg("--version"))?);
    }
    ok(version.unwrap_or_default().trim());
    Ok(())
}

/// The version of the `wasm-bindgen` crate the build links, as Cargo resolved it (`cargo pkgid`
/// reads the lock file): the CLI must be exactly this version.
pub fn pinned_wasm_bindgen_version(root: &Path) -> Result<String> {
    let id = stdout_of(cargo().current_dir(root).args(["pkgid", "wasm-bindgen"]))?;
    parse_pkgid_version(&id)
}

/// The version in a package id: `registry+https://…#wasm-bindgen@0.2.130` (older Cargo writes
/// `…#wasm-bindgen:0.2.130` or `…#0.2.130`).
fn parse_pkgid_version(id: &str) -> Result<String> {
    let id = id.trim();
    let version = id
        .rsplit_once('@')
        .or_else(|| id.rsplit_once(':'))
        .or_else(|| id.rsplit_once('#'))
        .map(|(_, version)| version.trim());
    match version {
        Some(v) if is_plain_version(v) => Ok(v.to_string()),
        _ => Err(format!(
            "cannot read the wasm-bindgen version from `cargo pkgid`: {id}"
        )),
    }
}

fn is_plain_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn wasm_bindgen_version() -> Option<String> {
    // Prints e.g. `wasm-bindgen 0.2.130`.
    probe(Command::new("wasm-bindgen").arg("--version"))
        .and_then(|out| out.split_whitespace().nth(1).map(str::to_string))
}

pub fn ensure_wasm_bindgen(version: &str) -> Result<()> {
    let found = wasm_bindgen_version();
    if found.as_deref() != Some(version) {
        match &found {
            Some(other) => println!("xtask: wasm-bindgen CLI is {other}, the crate pins {version}"),
            None => println!("xtask: wasm-bindgen CLI not found"),
        }
        // Without --locked: its lock file names a crate the registry may not serve.
        run(cargo().args(["install", "wasm-bindgen-cli", "--version", version]))?;
        let now = wasm_bindgen_version();
        if now.as_deref() != Some(version) {
            return Err(format!(
                "installed wasm-bindgen-cli {version}, but `wasm-bindgen --version` on PATH \
                 still reports {}; remove the other wasm-bindgen from PATH",
                now.as_deref().unwrap_or("nothing")
            ));
        }
    }
    ok(&format!("wasm-bindgen CLI {version}"));
    Ok(())
}

fn ensure_node() -> Result<()> {
    let hint = "install Node.js 20 or newer (Debian: `apt-get install -y nodejs npm`)";
    let version =
        stdout_of(Command::new("node").arg("--version")).map_err(|e| format!("{e}\n{hint}"))?;
    let version = version.trim();
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    match major {
        Some(major) if major >= MIN_NODE_MAJOR => {}
        _ => return Err(format!("found node {version}; {hint}")),
    }
    probe(Command::new("npm").arg("--version")).ok_or_else(|| format!("npm not found; {hint}"))?;
    ok(&format!("node {version}"));
    Ok(())
}

/// `npm ci` when node_modules is missing or package-lock.json changed since the
/// last install.
pub fn ensure_npm_packages(root: &Path) -> Result<()> {
    ensure_node()?;
    let lock_path = root.join("package-lock.json");
    let lock = fs::read(&lock_path).map_err(|e| {
        format!(
            "cannot read {}: {e} (it is committed; restore it with git)",
            lock_path.display()
        )
    })?;
    let stamp_path = root.join(NPM_STAMP);
    let up_to_date = fs::read(&stamp_path).is_ok_and(|stamp| stamp == lock)
        && wasm_opt_path(root).is_file()
        && root.join(ESBUILD_PACKAGE).is_file();
    if !up_to_date {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
        fs::write(&stamp_path, &lock)
            .map_err(|e| format!("cannot write {}: {e}", stamp_path.display()))?;
    }
    ok("npm packages (node_modules matches package-lock.json)");
    Ok(())
}

/// npm binaryen's wasm-opt (never Debian's: its v108 breaks the module).
pub fn wasm_opt_path(root: &Path) -> PathBuf {
    root.join("node_modules/.bin/wasm-opt")
}

/// Headless Chromium for the page tests; `CHROMIUM_PATH` overrides the default.
pub fn ensure_chromium() -> Result<PathBuf> {
    if let Some(custom) = std::env::var_os("CHROMIUM_PATH").filter(|p| !p.is_empty()) {
        let custom = PathBuf::from(custom);
        if custom.is_file() {
            ok(&format!(
                "chromium at {} (from CHROMIUM_PATH)",
                custom.display()
            ));
            return Ok(custom);
        }
        return Err(format!(
            "CHROMIUM_PATH is set to {}, which does not exist",
            custom.display()
        ));
    }
    let path = PathBuf::from(CHROMIUM);
    if !path.is_file() {
        if !is_root() {
            return Err(format!(
                "{CHROMIUM} is missing; install it with \
                 `sudo apt-get update && sudo apt-get install -y chromium`"
            ));
        }
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get")
            .args(["install", "-y", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        if !path.is_file() {
            return Err(format!(
                "`apt-get install chromium` succeeded but {CHROMIUM} is still missing"
            ));
        }
    }
    ok(&format!("chromium at {CHROMIUM}"));
    Ok(path)
}

/// Python 3 with NumPy: the native tests run the NumPy script the core exports.
pub fn ensure_numpy() -> Result<()> {
    let version =
        || probe(Command::new("python3").args(["-c", "import numpy; print(numpy.__version__)"]));
    if version().is_none() {
        run(Command::new("python3").args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--root-user-action=ignore",
            "numpy",
        ]))?;
    }
    let found = version().ok_or("`pip install numpy` succeeded but `import numpy` still fails")?;
    ok(&format!("numpy {} for python3", found.trim()));
    Ok(())
}

fn is_root() -> bool {
    probe(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_version_of_a_package_id() {
        let new = "registry+https://github.com/rust-lang/crates.io-index#wasm-bindgen@0.2.130\n";
        assert_eq!(parse_pkgid_version(new), Ok("0.2.130".to_string()));
        let old = "https://github.com/rust-lang/crates.io-index#wasm-bindgen:0.2.99";
        assert_eq!(parse_pkgid_version(old), Ok("0.2.99".to_string()));
        assert!(parse_pkgid_version("registry+https://x#wasm-bindgen@0.2").is_err());
    }
}
