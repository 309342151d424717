//! `cargo xtask serve`: build, then serve dist/ (the production build), or with `--dev` the
//! unbundled sources in www/, with tools/static-server.mjs.

use std::path::Path;
use std::process::Command;

use crate::build;
use crate::run::describe;
use crate::Result;

pub const DEFAULT_PORT: u16 = 8000;
const SERVER: &str = "tools/static-server.mjs";

pub fn serve(root: &Path, port: u16, dev: bool) -> Result<()> {
    build::build(root)?;
    let tree = if dev { build::WWW_DIR } else { build::DIST_DIR };
    let script = root.join(SERVER);
    if !script.is_file() {
        return Err(format!("missing {}", script.display()));
    }
    let mut cmd = Command::new("node");
    cmd.arg(&script)
        .args(["--root", tree, "--host", "127.0.0.1", "--port"])
        .arg(port.to_string());
    // The server prints the URL once it is listening; Ctrl+C stops it.
    println!("$ {}", describe(&cmd));
    exec(cmd)
}

/// Replaces this process with `cmd`, so Ctrl+C and exit codes go straight to it.
#[cfg(unix)]
fn exec(mut cmd: Command) -> Result<()> {
    use std::os::unix::process::CommandExt;
    let err = cmd.exec();
    Err(format!("could not start `{}`: {err}", describe(&cmd)))
}

#[cfg(not(unix))]
fn exec(mut cmd: Command) -> Result<()> {
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(&cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the static server stopped ({status})"))
    }
}
