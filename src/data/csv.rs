//! The learner's data as CSV: a header row naming the columns, then one row per sample.
//!
//! For a network with `n` inputs and `m` outputs the header is `x1,…,xn,t1,…,tm`, or
//! `x1,…,xn,t` with one output (`x1,x2,t` for the usual two inputs). Every other row holds
//! `n + m` finite numbers. Blank lines are skipped; spaces around a value, a byte-order mark and
//! Windows line ends are allowed. Anything else is refused with the line (counting from 1) and
//! what is wrong, so the page can keep the data it shows.
//!
//! The page writes the file back (its numbers as JavaScript's shortest round-trip text), so
//! parsing here and writing there give back the same file.

use crate::error::Error;
use crate::network::arch::Arch;
use crate::parse::MAX_SAMPLES;
use crate::state::Sample;

/// The header a network of `arch`'s widths reads: `x1,x2,t`, or `x1,…,xn,t1,…,tm`.
pub fn header(arch: &Arch) -> Vec<String> {
    let inputs = (1..=arch.inputs()).map(|i| format!("x{i}"));
    let targets: Vec<String> = if arch.outputs() == 1 {
        vec!["t".to_string()]
    } else {
        (1..=arch.outputs()).map(|k| format!("t{k}")).collect()
    };
    inputs.chain(targets).collect()
}

/// The samples in CSV `text` for a network of `arch`'s widths.
pub fn parse_csv(text: &str, arch: &Arch) -> Result<Vec<Sample>, Error> {
    let expected = header(arch);
    let joined = expected.join(",");
    let widths = format!(
        "this network's {} input{} and {} output{}",
        arch.inputs(),
        if arch.inputs() == 1 { "" } else { "s" },
        arch.outputs(),
        if arch.outputs() == 1 { "" } else { "s" }
    );
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(k, line)| (k + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty());
    let Some((first, head)) = lines.next() else {
        return Err(Error::new(
            "csv",
            format!("the file is empty: it needs the header row {joined} and then one row of numbers per sample"),
        ));
    };
    let names: Vec<&str> = head.split(',').map(str::trim).collect();
    if names != expected {
        let numbers = names.iter().all(|n| n.parse::<f64>().is_ok());
        let found = if numbers {
            "a row of numbers: the header row is missing".to_string()
        } else {
            format!("“{head}”")
        };
        return Err(Error::new(
            "csv",
            format!("line {first} must be the header {joined} (for {widths}), but it is {found}"),
        ));
    }
    let mut samples = Vec::new();
    for (line, row) in lines {
        if samples.len() == MAX_SAMPLES {
            return Err(Error::new(
                "csv",
                format!("line {line}: the file has more than {MAX_SAMPLES} rows of data, the most a training set holds"),
            ));
        }
        samples.push(parse_row(line, row, &expected, arch.inputs())?);
    }
    if samples.is_empty() {
        return Err(Error::new(
            "csv",
            format!("the file has the header {joined} but no rows of numbers after it"),
        ));
    }
    Ok(samples)
}

fn parse_row(line: usize, row: &str, columns: &[String], inputs: usize) -> Result<Sample, Error> {
    let cells: Vec<&str> = row.split(',').map(str::trim).collect();
    if cells.len() != columns.len() {
        return Err(Error::new(
            "csv",
            format!(
                "line {line} has {} value{} but needs {} ({}): “{row}”",
                cells.len(),
                if cells.len() == 1 { "" } else { "s" },
                columns.len(),
                columns.join(", ")
            ),
        ));
    }
    let mut values = Vec::with_capacity(cells.len());
    for (cell, column) in cells.iter().zip(columns) {
        let problem = match cell.parse::<f64>() {
            Ok(v) if v.is_finite() => {
                values.push(v);
                continue;
            }
            Ok(_) => "is not a finite number",
            Err(_) if cell.is_empty() => "is empty",
            Err(_) => "is not a number",
        };
        let shown = if cell.is_empty() {
            String::new()
        } else {
            format!(" “{cell}”")
        };
        return Err(Error::new(
            "csv",
            format!("line {line}: {column}{shown} {problem}"),
        ));
    }
    let t = values.split_off(inputs);
    Ok(Sample { x: values, t })
}
