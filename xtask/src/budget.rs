//! Byte budgets: what a first visit downloads (every file of dist/, which holds nothing else but
//! the training worker's bundle, loaded by the first training run and counted here too),
//! measured as `gzip -9` of each file on its own.
//!
//! Each kind of file has a *ceiling*, which `cargo xtask test` enforces: today's size plus a
//! little room, so that growth is a decision (raise the ceiling in the same commit) rather than
//! an accident. Issue 11's *targets* (wasm ≤ 30 KB, a first visit ≤ 60 KB, so ≤ 30 KB for the
//! rest) are printed beside them until the build meets them; then they become the ceilings.

use std::fs;
use std::path::{Path, PathBuf};

use crate::build::{self, gzip_size, kb};
use crate::Result;

const KB: u64 = 1024;

/// An enforced ceiling and the target, in gzip -9 bytes.
#[derive(Clone, Copy)]
struct Budget {
    ceiling: Option<u64>,
    target: Option<u64>,
}

/// The kinds of file dist/ may hold, by extension, each with its budget (per file). The page
/// holds its stylesheets inline (tools/build-dist.mjs), so there is no CSS file.
const KINDS: &[(&str, &str, Budget)] = &[
    (
        ".html",
        "HTML",
        Budget {
            ceiling: Some(11 * KB),
            target: None,
        },
    ),
    (
        ".js",
        "JS",
        Budget {
            ceiling: Some(57 * KB),
            target: None,
        },
    ),
    (
        ".wasm",
        "wasm",
        Budget {
            ceiling: Some(105 * KB),
            target: Some(30 * KB),
        },
    ),
];
/// Everything but the wasm: the share the 60 KB target leaves beside a 30 KB module.
const TEXT: Budget = Budget {
    ceiling: None,
    target: Some(30 * KB),
};
/// The whole first visit.
const TOTAL: Budget = Budget {
    ceiling: Some(175 * KB),
    target: Some(60 * KB),
};

struct Row {
    label: String,
    raw: u64,
    gzip: u64,
    budget: Budget,
}

impl Row {
    fn over_ceiling(&self) -> bool {
        self.budget
            .ceiling
            .is_some_and(|ceiling| self.gzip > ceiling)
    }

    fn verdict(&self) -> String {
        let ceiling = match self.budget.ceiling {
            None => None,
            Some(_) if self.over_ceiling() => Some("OVER THE CEILING"),
            Some(_) => Some("ok"),
        };
        let target = match self.budget.target {
            None => None,
            Some(target) if self.gzip > target => Some("target not yet met"),
            Some(_) => Some("target met: make it the ceiling"),
        };
        [ceiling, target]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The files under dist/, relative to it, with `/` separators.
fn dist_files(dir: &Path, prefix: &str, found: &mut Vec<(String, PathBuf)>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot list {}: {e} (`cargo xtask build` makes it)",
            dir.display()
        )
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let path = entry.path();
        if path.is_dir() {
            dist_files(&path, &format!("{name}/"), found)?;
        } else {
            found.push((name, path));
        }
    }
    Ok(())
}

fn measure(root: &Path) -> Result<Vec<Row>> {
    let mut files = Vec::new();
    dist_files(&root.join(build::DIST_DIR), "", &mut files)?;
    if !files.iter().any(|(name, _)| name == "index.html") {
        return Err(format!("{}/index.html is missing", build::DIST_DIR));
    }
    let kind_of = |name: &str| KINDS.iter().position(|(ext, _, _)| name.ends_with(ext));
    // In the order of KINDS; by name within a kind.
    files.sort_by_key(|(name, _)| (kind_of(name), name.clone()));
    let mut rows = Vec::new();
    for (name, path) in &files {
        let Some(kind) = kind_of(name) else {
            return Err(format!(
                "{}/{name} has no byte budget: add its kind to KINDS in xtask/src/budget.rs",
                build::DIST_DIR
            ));
        };
        let raw = fs::metadata(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .len();
        rows.push(Row {
            label: name.clone(),
            raw,
            gzip: gzip_size(path)?,
            budget: KINDS[kind].2,
        });
    }
    let sum = |rows: &[&Row]| {
        (
            rows.iter().map(|r| r.raw).sum(),
            rows.iter().map(|r| r.gzip).sum(),
        )
    };
    let text: Vec<&Row> = rows
        .iter()
        .filter(|r| !r.label.ends_with(".wasm"))
        .collect();
    let (text_raw, text_gzip) = sum(&text);
    let (total_raw, total_gzip) = sum(&rows.iter().collect::<Vec<_>>());
    let count = rows.len();
    rows.push(Row {
        label: "all but the wasm".to_string(),
        raw: text_raw,
        gzip: text_gzip,
        budget: TEXT,
    });
    rows.push(Row {
        label: format!("first visit + worker ({count} files)"),
        raw: total_raw,
        gzip: total_gzip,
        budget: TOTAL,
    });
    Ok(rows)
}

fn print(rows: &[Row]) {
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
    println!(
        "First visit: the files of {}/, gzip -9 each on its own",
        build::DIST_DIR
    );
    println!(
        "  {:<width$}  {:>9}  {:>9}  {:>9}  {:>9}",
        "file", "raw", "gzip", "ceiling", "target"
    );
    for row in rows {
        println!(
            "  {:<width$}  {:>9}  {:>9}  {:>9}  {:>9}  {}",
            row.label,
            kb(row.raw),
            kb(row.gzip),
            limit_text(row.budget.ceiling),
            limit_text(row.budget.target),
            row.verdict()
        );
    }
    println!("  (ceilings fail `cargo xtask test`; targets are issue 11's, printed only)");
}

/// Prints the first visit's sizes beside their budgets.
pub fn report(root: &Path) -> Result<()> {
    print(&measure(root)?);
    Ok(())
}

/// Prints the sizes, and fails if a file or the total is over its ceiling.
pub fn check(root: &Path) -> Result<()> {
    let rows = measure(root)?;
    print(&rows);
    let over: Vec<String> = rows
        .iter()
        .filter(|r| r.over_ceiling())
        .map(|r| {
            format!(
                "{} is {} gzip, over its ceiling of {}",
                r.label,
                kb(r.gzip),
                limit_text(r.budget.ceiling)
            )
        })
        .collect();
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

fn limit_text(value: Option<u64>) -> String {
    value.map_or_else(|| "–".to_string(), kb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(gzip: u64, ceiling: Option<u64>, target: Option<u64>) -> Row {
        Row {
            label: "x".to_string(),
            raw: 0,
            gzip,
            budget: Budget { ceiling, target },
        }
    }

    #[test]
    fn a_ceiling_fails_only_when_exceeded() {
        assert!(!row(100, Some(100), None).over_ceiling());
        assert!(row(101, Some(100), None).over_ceiling());
        assert!(!row(101, None, Some(50)).over_ceiling());
    }

    #[test]
    fn verdicts_name_the_ceiling_and_the_target() {
        assert_eq!(row(90, Some(100), None).verdict(), "ok");
        assert_eq!(
            row(101, Some(100), Some(50)).verdict(),
            "OVER THE CEILING; target not yet met"
        );
        assert_eq!(
            row(40, None, Some(50)).verdict(),
            "target met: make it the ceiling"
        );
    }

    #[test]
    fn every_target_is_below_its_ceiling() {
        for budget in KINDS.iter().map(|k| k.2).chain([TEXT, TOTAL]) {
            if let (Some(ceiling), Some(target)) = (budget.ceiling, budget.target) {
                assert!(target <= ceiling);
            }
        }
    }
}
