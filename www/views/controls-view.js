// The parameter panel: for every parameter a slider and a number field, kept in sync, grouped by
// layer, labelled with the picture's symbols; after an update each shows its change Δ. A network
// with many weights shows each layer as a compact grid of number cells (colour for sign and size);
// clicking a cell, or pinning its edge in the picture, opens its slider.

import { htmlElement, setAttribute, setHidden, setText } from '../lib/dom.js';
import { formatChange, formatEditable, formatNumber, fullValue, symbolText } from '../lib/format.js';
import { EVERY_ITEM } from '../model/readouts.js';
import { editedNames } from '../model/pass.js';
import { readParam } from '../model/state.js';

/** Past this many weights and biases, each layer is shown as a grid of cells. */
const GRID_AFTER = 16;

function buildRow(param, groupElement, onEdit, cell) {
  const id = `param-${param.name.replaceAll('.', '-')}`;
  const row = htmlElement('div', { class: cell ? 'param param--cell' : 'param', 'data-param': param.name }, groupElement);
  const toggle = cell ? htmlElement('button', { type: 'button', class: 'param-cell', 'aria-expanded': 'false' }, row) : null;
  const editor = cell ? htmlElement('div', { class: 'param-editor', hidden: '' }, row) : row;
  const label = htmlElement('label', { class: 'param-label', for: `${id}-range`, id: `${id}-label` }, editor);
  htmlElement('span', { class: 'param-symbol' }, label, symbolText(param.symbol));
  htmlElement('span', { class: 'param-hint' }, label, param.hint);
  const range = htmlElement('input', {
    type: 'range', id: `${id}-range`, min: param.min, max: param.max, step: param.step,
  }, editor);
  const number = htmlElement('input', {
    type: 'number', step: 'any', inputmode: 'decimal', class: 'param-number',
    'aria-labelledby': `${id}-label exact-value-label`,
  }, editor);
  const change = htmlElement('span', { class: 'param-change', hidden: '' }, editor);
  const message = htmlElement('p', { class: 'param-message', id: `${id}-message`, 'aria-live': 'polite', hidden: '' }, editor);
  number.setAttribute('aria-describedby', message.id);
  const cells = { param, row, range, number, change, message, toggle, editor };

  range.addEventListener('input', () => onEdit(param.name, Number(range.value)));
  number.addEventListener('input', () => {
    const junk = junkProblem(number);
    const refusal = junk ? `${junk}: ${symbolText(param.symbol)} keeps ${formatEditable(Number(row.dataset.value))}.`
      : onEdit(param.name, number.valueAsNumber);
    showMessage(cells, refusal);
    setAttribute(number, 'aria-invalid', refusal ? 'true' : null);
  });
  number.addEventListener('change', () => {
    number.value = formatEditable(Number(row.dataset.value));
    setAttribute(number, 'aria-invalid', null);
  });
  return cells;
}

/** What is wrong with the number field's text, or null when it holds a finite number. */
function junkProblem(number) {
  if (number.validity.badInput) return 'Not a number, or too large for one';
  if (number.value.trim() === '') return 'The field is empty';
  return Number.isFinite(number.valueAsNumber) ? null : 'Not a finite number';
}

/** Shows `text` under the row, or hides the message when `text` is null. */
function showMessage({ message }, text) {
  setHidden(message, text === null);
  setText(message, text ?? '');
}

/** A cell's colour: the sign's hue, stronger for larger |value| (full at |value| ≥ 2). */
function cellColour(value) {
  const strength = Math.min(Math.abs(value) / 2, 1);
  const hue = value < 0 ? 'var(--negative)' : 'var(--positive)';
  return `color-mix(in srgb, ${hue} ${Math.round(10 + 50 * strength)}%, var(--panel))`;
}

function writeRow(cells, snapshot, revealed) {
  const { param, row, range, number, change, toggle } = cells;
  const value = readParam(snapshot.state, param.name);
  const full = fullValue(value);
  if (row.dataset.value !== full) {
    row.dataset.value = full;
    showMessage(cells, null);
    setAttribute(number, 'aria-invalid', null);
    range.value = full;
    setAttribute(range, 'aria-valuetext', formatEditable(value));
    number.title = full;
    if (document.activeElement !== number) number.value = formatEditable(value);
    if (toggle) {
      const shown = formatNumber(value, 2);
      setText(toggle, shown);
      // The accessible name starts with the visible text, then says which parameter it is.
      toggle.setAttribute('aria-label', `${shown}: ${symbolText(param.symbol)}, ${param.hint}`);
      toggle.style.background = cellColour(value);
      toggle.title = `${symbolText(param.symbol)} = ${full} (${param.hint})`;
    }
  }
  const delta = revealed.paramChanges.get(param.name);
  setHidden(change, delta === undefined);
  if (delta !== undefined) {
    setText(change, `Δ ${formatChange(delta)}`);
    change.title = `Δ${symbolText(param.symbol)}, the update's step = ${fullValue(delta)}`;
  }
}

/** A layer's weights as a grid (rows: the neurons below, columns: the neurons above), its biases last. */
function buildGrid(network, group, fieldset, onEdit, open) {
  const layer = group.layer;
  const columns = network.widths[layer];
  const grid = htmlElement('div', { class: 'param-grid' }, fieldset);
  grid.style.setProperty('--columns', String(columns));
  htmlElement('span', { class: 'param-grid-corner', 'aria-hidden': 'true' }, grid);
  const above = network.nodes.filter((node) => node.layer === layer);
  const below = network.nodes.filter((node) => node.layer === layer - 1);
  for (const node of above) htmlElement('span', { class: 'param-grid-head', 'aria-hidden': 'true' }, grid, symbolText(node.symbol));
  const rows = [];
  const rowOf = (name) => {
    const cells = buildRow(network.param(name), grid, onEdit, true);
    cells.toggle.addEventListener('click', () => open(cells));
    rows.push(cells);
  };
  for (const node of below) {
    htmlElement('span', { class: 'param-grid-head', 'aria-hidden': 'true' }, grid, symbolText(node.symbol));
    for (let j = 0; j < columns; j += 1) rowOf(`w${layer}.${node.index}.${j}`);
  }
  htmlElement('span', { class: 'param-grid-head', 'aria-hidden': 'true' }, grid, 'b');
  for (let j = 0; j < columns; j += 1) rowOf(`b${layer}.${j}`);
  return rows;
}

/**
 * Builds the panel into `container` for each snapshot's network. `onEdit(name, value)` is called
 * on every input event and returns why the value was refused, or null. A number field given junk
 * (empty, `-`, `1e999`) keeps the last good value and says so beside it until the next good one; a
 * finite value beyond the slider's range is taken, the slider pinned at its end.
 * Controller: `update(snapshot, revealed, write)` (the rows `write(i, count)` chooses, see
 * model/readouts.js, and those of the parameters just edited; every row without it) and
 * `open(name)`, which opens a grid cell's slider.
 */
export function createControlsView(container, onEdit) {
  htmlElement('span', { id: 'exact-value-label', hidden: '' }, container, 'exact value');
  const body = htmlElement('div', { class: 'param-groups' }, container);
  let rows = [];
  let built = null;
  let opened = null;

  function open(cells) {
    if (opened && opened !== cells) close(opened);
    const closing = opened === cells;
    if (closing) {
      close(cells);
      return;
    }
    opened = cells;
    cells.row.classList.add('is-open');
    cells.editor.hidden = false;
    cells.toggle.setAttribute('aria-expanded', 'true');
  }

  function close(cells) {
    cells.row.classList.remove('is-open');
    cells.editor.hidden = true;
    cells.toggle.setAttribute('aria-expanded', 'false');
    opened = null;
  }

  function build(network) {
    body.replaceChildren();
    opened = null;
    const grid = network.weights.length > GRID_AFTER;
    container.classList.toggle('is-grid', grid);
    rows = [];
    for (const group of network.groups) {
      const fieldset = htmlElement('fieldset', { class: 'param-group' }, body);
      htmlElement('legend', {}, fieldset, group.title);
      if (grid && group.layer) rows.push(...buildGrid(network, group, fieldset, onEdit, open));
      else for (const name of group.names) rows.push(buildRow(network.param(name), fieldset, onEdit, false));
    }
    built = network;
  }

  return {
    update(snapshot, revealed, write = EVERY_ITEM) {
      if (snapshot.network !== built) build(snapshot.network);
      // A row being edited (its slider dragged) follows every frame, whatever `write` says, while
      // its slider is in view (a grid cell's editor can be closed: its cell waits for its turn).
      const edited = editedNames(snapshot);
      rows.forEach((cells, i) => {
        const editing = !cells.editor.hidden && edited.includes(cells.param.name);
        if (write(i, rows.length) || editing) writeRow(cells, snapshot, revealed);
      });
    },

    open(name) {
      const cells = rows.find((row) => row.param.name === name);
      if (cells?.toggle && opened !== cells) open(cells);
    },
  };
}
