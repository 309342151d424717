// The training samples as CSV text: a header row (x1,x2,t, or x1…xn,t1…tm, from the core), then
// one row per sample, each number as JavaScript writes it (the shortest text that reads back as the
// same float), so a file the page wrote imports back to the same samples and exports identical.
// Parsing is the core's (importCsv), where every bad line is named.

/** The CSV text of `samples` under `header` (`['x1', 'x2', 't']`), ending with a newline. */
export function csvText(header, samples) {
  const rows = samples.map(({ x, t }) => [...x, ...t].map(String).join(','));
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** The file name an export gets: the dataset's name when the samples are still its points. */
export function csvFileName(state) {
  return state.dataset ? `backprop-viz-${state.dataset.name}.csv` : 'backprop-viz-data.csv';
}
