// Prove it: every weight's and bias's backprop gradient beside the core's central finite
// difference (J(p + ε) − J(p − ε)) / 2ε, with their relative error, for an ε the learner picks.

import { htmlElement, setAttribute, setHidden, setText } from '../lib/dom.js';
import { formatNumber, fullValue, powerOfTen, symbolText } from '../lib/format.js';
import { objectiveSymbol } from '../model/objective.js';

/**
 * How well the two agree: below 1e-7 they match; below 1e-2 they are close, as when ε is too large
 * or the gradient so small that rounding error shows; above that, something is wrong.
 */
const VERDICTS = [
  { below: 1e-7, name: 'match', mark: '✓', text: 'match' },
  { below: 1e-2, name: 'close', mark: '≈', text: 'close' },
  { below: Infinity, name: 'mismatch', mark: '✗', text: 'mismatch' },
];

function buildRow(body, network, name) {
  const row = htmlElement('tr', { class: 'fd-row', 'data-fd': name }, body);
  htmlElement('th', { scope: 'row', class: 'fd-name' }, row, symbolText(network.param(name).symbol));
  const [analytic, numeric, error] = ['fd-analytic', 'fd-numeric', 'fd-error'].map((className) =>
    htmlElement('td', { class: className }, row));
  const mark = htmlElement('span', { class: 'fd-mark', 'aria-hidden': 'true' }, error);
  const errorText = htmlElement('span', {}, error);
  return { row, analytic, numeric, mark, errorText };
}

function showRow(cells, result) {
  const verdict = VERDICTS.find((candidate) => result.relative_error < candidate.below);
  setAttribute(cells.row, 'data-analytic', fullValue(result.analytic));
  setAttribute(cells.row, 'data-numeric', fullValue(result.numeric));
  setAttribute(cells.row, 'data-relative-error', fullValue(result.relative_error));
  setAttribute(cells.row, 'data-verdict', verdict.name);
  setText(cells.analytic, formatNumber(result.analytic));
  setText(cells.numeric, formatNumber(result.numeric));
  setText(cells.mark, verdict.mark);
  setText(cells.errorText, formatNumber(result.relative_error, 2));
  cells.row.title = `backprop ${fullValue(result.analytic)}\nfinite difference ${fullValue(result.numeric)}\n`
    + `relative error ${fullValue(result.relative_error)}: ${verdict.text}`;
  return verdict.name;
}

/**
 * A check bigger than this also waits while a slider is dragged: more rows than `rows`, or more
 * passes than `passes` (two per parameter and sample). A 4-8-8-8-4's 220 rows cost ~5 ms of script
 * and ~1,700 boxes laid out anew on each check, which made its drag's frames late; a 2-2-1's 9
 * rows, or XOR's 72 passes, still follow the drag.
 */
const LIVE_CHECK = { rows: 100, passes: 4000 };

/** Whether checking `state` of `network` is too big to follow a drag. */
function slowCheck(network, state) {
  const rows = network.weights.length;
  return rows > LIVE_CHECK.rows || 2 * rows * Math.max(1, state.samples?.length ?? 0) > LIVE_CHECK.passes;
}

/**
 * Wires the panel in `container`: the `[data-eps]` exponent slider, its `[data-eps-value]` text, the
 * table body `[data-fd-rows]`, the headers `[data-fd-loss]` and the `[data-fd-problem]` line.
 * `check(state, eps)` is the core's finiteDifferences. Controller: `update(snapshot, running,
 * dragging)`, one core call when the state or ε changed (deferred while training runs, and while a
 * slider is dragged when the check is big).
 */
export function createGradcheckView(container, check) {
  const slider = container.querySelector('[data-eps]');
  const epsText = container.querySelector('[data-eps-value]');
  const problem = container.querySelector('[data-fd-problem]');
  const summary = container.querySelector('[data-fd-summary]');
  const body = container.querySelector('[data-fd-rows]');
  let rows = new Map();
  let built = null;
  let checked = null;
  let latest = null;
  let busy = false;

  function build(network) {
    body.replaceChildren();
    rows = new Map(network.weights.map((name) => [name, buildRow(body, network, name)]));
    built = network;
  }

  function render() {
    if (latest.network !== built) build(latest.network);
    const eps = Number(`1e${slider.value}`);
    // While training runs (or, for a big check, a slider is dragged), the table waits (each check
    // costs two passes per parameter over every sample) and is brought up to date in the frame
    // training stops.
    const waiting = busy && checked !== null && checked.eps === eps;
    container.classList.toggle('is-waiting', waiting && checked.state !== latest.state);
    if (waiting || (checked && checked.state === latest.state && checked.eps === eps)) return;
    checked = { state: latest.state, eps };
    const symbol = objectiveSymbol(latest.state);
    for (const label of container.querySelectorAll('[data-fd-loss]')) setText(label, symbol);
    let results;
    try {
      results = check(latest.state, eps);
    } catch (error) {
      setHidden(problem, false);
      setText(problem, `The finite differences could not be computed: ${error.message}`);
      return;
    }
    setHidden(problem, true);
    const counts = { match: 0, close: 0, mismatch: 0 };
    for (const result of results) counts[showRow(rows.get(result.name), result)] += 1;
    const parts = [`${counts.match} match`, ...(counts.close ? [`${counts.close} close`] : []),
      ...(counts.mismatch ? [`${counts.mismatch} mismatch`] : [])];
    setText(summary, `${results.length} weights and biases: ${parts.join(', ')}.`);
  }

  slider.addEventListener('input', () => {
    setText(epsText, powerOfTen(slider.value));
    slider.setAttribute('aria-valuetext', `epsilon 1e${slider.value}`);
    if (latest) render();
  });
  setText(epsText, powerOfTen(slider.value));
  slider.disabled = false;

  return {
    /**
     * Shows `snapshot`; while `running` (training), or `dragging` a slider when the check is big,
     * keeps the last check until it stops.
     */
    update(snapshot, running = false, dragging = false) {
      latest = snapshot;
      busy = running || (dragging && slowCheck(snapshot.network, snapshot.state));
      render();
    },
  };
}
