// The learner's data as CSV: a header row naming the columns, then one row per sample.
//
// For a network with n inputs and m outputs the header is x1,…,xn,t1,…,tm, or x1,…,xn,t with one
// output (x1,x2,t for the usual two inputs); every other row holds n + m finite numbers. Blank
// lines are skipped; spaces around a value, a byte-order mark and Windows line ends are allowed.
// Anything else is refused with its line (counting from 1) and what is wrong. The page writes each
// number as JavaScript's shortest text that reads back as the same float, so a file it wrote
// imports back to the same samples and exports identical.
//
// Read here rather than in the core: JavaScript's Number() already rounds decimal text correctly,
// which in Rust would add about 16 KB (gzip) of float parsing to the wasm; the core still checks
// the samples it is given (their count, and the targets a loss accepts).

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** The header for `inputs` inputs and `outputs` outputs: `['x1', 'x2', 't']`. */
export function csvHeader(inputs, outputs) {
  const xs = Array.from({ length: inputs }, (_, i) => `x${i + 1}`);
  const ts = outputs === 1 ? ['t'] : Array.from({ length: outputs }, (_, k) => `t${k + 1}`);
  return [...xs, ...ts];
}

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One cell as a number, or the reason it is not one. */
function readCell(cell) {
  if (cell === '') return { problem: 'is empty' };
  if (NOT_FINITE.test(cell)) return { problem: 'is not a finite number' };
  if (!DECIMAL.test(cell)) return { problem: 'is not a number' };
  const value = Number(cell);
  return Number.isFinite(value) ? { value } : { problem: 'is not a finite number' };
}

/**
 * The samples `[{ x, t }]` of CSV `text` for a network of `inputs` inputs and `outputs` outputs;
 * throws an Error naming the line and what is wrong.
 */
export function parseCsv(text, inputs, outputs) {
  const columns = csvHeader(inputs, outputs);
  const header = columns.join(',');
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/)
    .map((line, k) => ({ number: k + 1, text: line.trim() }))
    .filter((line) => line.text !== '');
  if (lines.length === 0) {
    throw new Error(`the file is empty: it needs the header row ${header} and then one row of numbers per sample`);
  }
  const [head, ...rows] = lines;
  const names = head.text.split(',').map((name) => name.trim());
  if (names.join(',') !== header) {
    const numbers = names.every((name) => readCell(name).value !== undefined);
    const found = numbers ? 'a row of numbers: the header row is missing' : `“${head.text}”`;
    throw new Error(`line ${head.number} must be the header ${header} (for this network's ${plural(inputs, 'input')} `
      + `and ${plural(outputs, 'output')}), but it is ${found}`);
  }
  if (rows.length === 0) throw new Error(`the file has the header ${header} but no rows of numbers after it`);
  return rows.map(({ number, text: row }) => {
    const cells = row.split(',').map((cell) => cell.trim());
    if (cells.length !== columns.length) {
      throw new Error(`line ${number} has ${plural(cells.length, 'value')} but needs ${columns.length} (${columns.join(', ')}): “${row}”`);
    }
    const values = cells.map((cell, k) => {
      const { value, problem } = readCell(cell);
      if (problem) throw new Error(`line ${number}: ${columns[k]}${cell === '' ? '' : ` “${cell}”`} ${problem}`);
      return value;
    });
    return { x: values.slice(0, inputs), t: values.slice(inputs) };
  });
}

/** The CSV text of `samples` for a network of `inputs` inputs and `outputs` outputs, ending with a newline. */
export function csvText(samples, inputs, outputs) {
  const rows = samples.map(({ x, t }) => [...x, ...t].map(String).join(','));
  return `${[csvHeader(inputs, outputs).join(','), ...rows].join('\n')}\n`;
}

/** The file name an export gets: the dataset's name while the samples are still its points. */
export function csvFileName(state) {
  return state.dataset ? `backprop-viz-${state.dataset.name}.csv` : 'backprop-viz-data.csv';
}
