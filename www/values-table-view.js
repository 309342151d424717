// Every value of the picture as a table, for screen readers and for reading numbers side by side:
// inputs, pre-activations, activations, the loss, the parameters, each gradient the pass has
// revealed so far and the update's changes. It follows the picture on every change.

import { htmlElement, setAttribute, setText } from './dom.js';
import { formatChange, formatNumber, fullValue, symbolText } from './format.js';
import { STAGE_COUNT } from './pass.js';
import { WEIGHT_NAMES, paramByName, readParam } from './state.js';

const NOT_YET = 'not yet';
/** The neuron whose ∂E/∂z (δ) equals a bias's gradient. */
const NEURON_OF_BIAS = { 'b1.0': 'h.0', 'b1.1': 'h.1', 'b2.0': 'y.0' };

const param = (name) => ({
  name, symbol: symbolText(paramByName(name).symbol), hint: paramByName(name).hint,
  value: (s) => readParam(s.state, name),
  grad: name.startsWith('w') ? (r) => r.edgeGrads.get(name) : (r) => r.biasGrads.get(NEURON_OF_BIAS[name]),
  change: (r) => r.paramChanges.get(name),
});
const input = (name) => ({ ...param(name), grad: null, change: null });
const neuron = (name, symbol, hint, value, grad) => ({ name, symbol, hint, value, grad, change: null });

const GROUPS = [
  { title: 'Inputs and target', rows: [input('x.0'), input('x.1'), input('t.0')] },
  {
    title: 'Hidden layer',
    rows: [0, 1].flatMap((j) => [
      neuron(`z1.${j}`, `z⁽¹⁾${'₁₂'[j]}`, `pre-activation of h${'₁₂'[j]}`, (s) => s.evaluation.z1[j],
        (r) => r.biasGrads.get(`h.${j}`)),
      neuron(`h.${j}`, `h${'₁₂'[j]}`, 'activation σ(z)', (s) => s.evaluation.h[j], (r) => r.outputGrads.get(`h.${j}`)),
    ]),
  },
  {
    title: 'Output and loss',
    rows: [
      neuron('z2.0', 'z⁽²⁾', 'pre-activation of y', (s) => s.evaluation.z2[0], (r) => r.biasGrads.get('y.0')),
      neuron('y.0', 'y', 'output σ(z)', (s) => s.evaluation.y[0], (r) => r.outputGrads.get('y.0')),
      neuron('loss', 'E', 'loss of the shown example', (s) => s.evaluation.loss, null),
      neuron('batch-loss', 'J', 'mean loss over the samples', (s) => s.evaluation.batch?.loss, null),
    ],
  },
  { title: 'Weights, biases and learning rate', rows: [...WEIGHT_NAMES.map(param), input('lr')] },
];

function buildRow(body, row) {
  const element = htmlElement('tr', { 'data-quantity': row.name }, body);
  const name = htmlElement('th', { scope: 'row' }, element);
  htmlElement('span', { class: 'values-symbol' }, name, row.symbol);
  htmlElement('span', { class: 'values-hint' }, name, row.hint);
  const [value, grad, change] = ['values-value', 'values-grad', 'values-change'].map((className) =>
    htmlElement('td', { class: className }, element));
  return { row, element, value, grad, change };
}

function showCell(cell, element, attribute, value, text, format = formatNumber) {
  setAttribute(element, attribute, value === undefined ? null : fullValue(value));
  setText(cell, value === undefined ? text : format(value));
  cell.classList.toggle('is-empty', value === undefined);
}

/** Builds the table into `table` (its caption and body). Controller: `update(snapshot, revealed)`. */
export function createValuesTableView(table) {
  const caption = htmlElement('caption', {}, table);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const title of ['Quantity', 'Value', 'Gradient ∂E/∂·', 'Update Δ']) htmlElement('th', { scope: 'col' }, head, title);
  const rows = GROUPS.flatMap((group) => {
    const body = htmlElement('tbody', {}, table);
    htmlElement('th', { scope: 'colgroup', colspan: '4', class: 'values-group' }, htmlElement('tr', {}, body), group.title);
    return group.rows.map((row) => buildRow(body, row));
  });

  return {
    update(snapshot, revealed) {
      const { stage } = revealed;
      setText(caption, stage === null ? `Every value before the pass: no gradient revealed yet (stage 0 of ${STAGE_COUNT}).`
        : `Every value at stage ${stage.index} of ${STAGE_COUNT}, ${stage.title}: gradients as revealed so far.`);
      for (const cells of rows) {
        const { row, element } = cells;
        const value = row.value(snapshot);
        element.hidden = value === undefined;
        if (value === undefined) continue;
        showCell(cells.value, element, 'data-value', value, '');
        if (row.grad) showCell(cells.grad, element, 'data-grad', row.grad(revealed), NOT_YET);
        if (row.change) showCell(cells.change, element, 'data-change', row.change(revealed), '', formatChange);
      }
    },
  };
}
