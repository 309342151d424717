//! Project automation for backprop-viz, run as `cargo xtask <command>`.
//!
//! Every command installs what it needs (wasm target, wasm-pack, the pinned
//! wasm-bindgen CLI, npm packages, Chromium) so that it works on a bare machine.

mod bench;
mod budget;
mod build;
mod run;
mod serve;
mod test;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Result type used throughout xtask: errors are human-readable messages.
pub type Result<T> = std::result::Result<T, String>;

const USAGE: &str = "\
Usage: cargo xtask <command>

Commands:
  build               Build the wasm module into www/pkg (installs missing tools),
                      then the production tree dist/ (esbuild: bundled, minified)
  serve [--port N] [--dev]
                      Build, then serve dist/ on http://127.0.0.1:N (default 8000);
                      with --dev, serve the unbundled sources in www/ instead
  test                Run every check: fmt, clippy, cargo test, wasm build,
                      Node API tests (tests/node), production build, byte
                      budgets and page tests (tests/page, against dist/)
  bench               Measure: criterion (native), the core and a slider drag
                      in Chromium, what a first visit downloads and its first
                      contentful paint (the README's numbers)
  help                Show this message
";

enum Command {
    Build,
    Serve { port: u16, dev: bool },
    Test,
    Bench,
    Help,
}

fn parse_args(args: &[String]) -> Result<Command> {
    let Some((name, rest)) = args.split_first() else {
        return Err("no command given".to_string());
    };
    match name.as_str() {
        "build" => no_more_args("build", rest).map(|()| Command::Build),
        "test" => no_more_args("test", rest).map(|()| Command::Test),
        "bench" => no_more_args("bench", rest).map(|()| Command::Bench),
        "serve" => parse_serve(rest),
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(format!("unknown command `{other}`")),
    }
}

fn no_more_args(command: &str, rest: &[String]) -> Result<()> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("`{command}` takes no arguments, got `{arg}`")),
    }
}

fn parse_serve(rest: &[String]) -> Result<Command> {
    let mut port = serve::DEFAULT_PORT;
    let mut dev = false;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        if arg == "--dev" {
            dev = true;
            continue;
        }
        let value = if arg == "--port" {
            args.next()
                .ok_or_else(|| "`--port` needs a value, e.g. `--port 8000`".to_string())?
                .as_str()
        } else if let Some(value) = arg.strip_prefix("--port=") {
            value
        } else {
            return Err(format!("`serve` does not understand `{arg}`"));
        };
        port = value
            .parse()
            .map_err(|_| format!("invalid port `{value}`: expected a number from 0 to 65535"))?;
    }
    Ok(Command::Serve { port, dev })
}

/// The workspace root (the directory holding the root Cargo.toml).
fn project_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| "cannot find the project root above xtask/".to_string())
}

fn real_main() -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("xtask: {message}\n\n{USAGE}");
            return Ok(ExitCode::from(2));
        }
    };
    if let Command::Help = command {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }

    let root = project_root()?;
    std::env::set_current_dir(&root)
        .map_err(|e| format!("cannot change directory to {}: {e}", root.display()))?;
    tools::add_cargo_bin_to_path()?;

    match command {
        Command::Build => build::build(&root).map(|_| ExitCode::SUCCESS),
        Command::Serve { port, dev } => serve::serve(&root, port, dev).map(|()| ExitCode::SUCCESS),
        Command::Test => Ok(test::test(&root)),
        Command::Bench => bench::bench(&root).map(|()| ExitCode::SUCCESS),
        Command::Help => Ok(ExitCode::SUCCESS),
    }
}

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_commands() {
        assert!(matches!(parse_args(&args(&["build"])), Ok(Command::Build)));
        assert!(matches!(parse_args(&args(&["test"])), Ok(Command::Test)));
        assert!(matches!(parse_args(&args(&["bench"])), Ok(Command::Bench)));
        assert!(matches!(
            parse_args(&args(&["serve"])),
            Ok(Command::Serve {
                port: 8000,
                dev: false
            })
        ));
        assert!(matches!(
            parse_args(&args(&["serve", "--port", "9001"])),
            Ok(Command::Serve {
                port: 9001,
                dev: false
            })
        ));
        assert!(matches!(
            parse_args(&args(&["serve", "--port=0", "--dev"])),
            Ok(Command::Serve { port: 0, dev: true })
        ));
        assert!(matches!(
            parse_args(&args(&["serve", "--dev"])),
            Ok(Command::Serve {
                port: 8000,
                dev: true
            })
        ));
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse_args(&args(&[])).is_err());
        assert!(parse_args(&args(&["deploy"])).is_err());
        assert!(parse_args(&args(&["build", "--fast"])).is_err());
        assert!(parse_args(&args(&["serve", "--port"])).is_err());
        assert!(parse_args(&args(&["serve", "--port", "70000"])).is_err());
        assert!(parse_args(&args(&["serve", "--host", "x"])).is_err());
    }
}
