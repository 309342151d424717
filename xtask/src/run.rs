//! Small helpers to run external commands and turn failures into messages.

use std::io::ErrorKind;
use std::process::{Command, Output, Stdio};

use crate::Result;

/// `program arg1 arg2 ...`, for logs and error messages.
pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        text.push(' ');
        if arg.is_empty() || arg.contains(' ') {
            text.push_str(&format!("'{arg}'"));
        } else {
            text.push_str(&arg);
        }
    }
    text
}

fn spawn_error(cmd: &Command, err: std::io::Error) -> String {
    let program = cmd.get_program().to_string_lossy();
    if err.kind() == ErrorKind::NotFound {
        format!(
            "`{program}` was not found on PATH (needed for `{}`)",
            describe(cmd)
        )
    } else {
        format!("could not start `{}`: {err}", describe(cmd))
    }
}

/// Runs `cmd` with inherited stdio, echoing it first; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs `cmd` quietly and returns its captured output, whatever the exit code.
/// Fails only if the program cannot be started.
pub fn capture(cmd: &mut Command) -> Result<Output> {
    cmd.stdin(Stdio::null())
        .output()
        .map_err(|e| spawn_error(cmd, e))
}

/// Runs `cmd` quietly; returns its stdout as text if it exits successfully.
pub fn stdout_of(cmd: &mut Command) -> Result<String> {
    let output = capture(cmd)?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(format!(
            "`{}` failed ({}): {}",
            describe(cmd),
            output.status,
            stderr.trim()
        ))
    }
}

/// Like [`stdout_of`], but `None` when the program is missing or fails.
/// Used for "is this tool installed?" probes.
pub fn probe(cmd: &mut Command) -> Option<String> {
    stdout_of(cmd).ok()
}
