// Every value of the picture as a table, for screen readers and for reading numbers side by side:
// inputs, pre-activations, activations, the loss, the parameters, each gradient the pass has
// revealed so far and the update's changes. It follows the picture on every change.

import { htmlElement, setAttribute, setHidden, setText } from '../lib/dom.js';
import { formatChange, formatNumber, fullValue, symbolText } from '../lib/format.js';
import { EVERY_ITEM } from '../model/readouts.js';
import { readParam } from '../model/state.js';

const NOT_YET = 'not yet';
const FUNCTIONS = { sigmoid: 'σ(z)', tanh: 'tanh(z)', relu: 'ReLU(z)', linear: 'z' };

/** The table's groups of rows for `network`. */
function tableGroups(network) {
  const param = (name) => {
    const { symbol, hint } = network.param(name);
    const node = network.nodeOfParam(name);
    return {
      name,
      symbol: symbolText(symbol),
      hint,
      value: (s) => readParam(s.state, name),
      grad: name.startsWith('w') ? (r) => r.edgeGrads.get(name) : (r) => r.biasGrads.get(node),
      change: (r) => r.paramChanges.get(name),
    };
  };
  const input = (name) => ({ ...param(name), grad: null, change: null });
  const neuron = (name, symbol, hint, value, grad, mask) => ({ name, symbol, hint, value, grad, change: null, mask });
  const inputs = network.params.filter((p) => p.key === 'x' || p.key === 't').map((p) => input(p.name));
  const layers = network.widths.slice(1).map((_, i) => {
    const layer = i + 1;
    const output = layer === network.depth;
    const key = output ? 'y' : `h${layer}`;
    const rows = network.nodes.filter((node) => node.layer === layer).flatMap((node) => {
      const a = symbolText(node.symbol);
      return [
        neuron(`z${layer}.${node.index}`, symbolText(node.z), `pre-activation of ${a}`,
          (s) => s.evaluation[`z${layer}`][node.index], (r) => r.biasGrads.get(node.id), `z:${node.id}`),
        neuron(node.id, a, `${output ? 'output' : 'activation'} ${FUNCTIONS[node.activation]}`,
          (s) => s.evaluation[key][node.index], (r) => r.outputGrads.get(node.id), `a:${node.id}`),
      ];
    });
    if (output) {
      rows.push(
        neuron('loss', 'E', 'loss of the shown example', (s) => s.evaluation.loss, null, 'loss'),
        neuron('batch-loss', 'J', 'mean loss over the samples', (s) => s.evaluation.batch?.loss, null),
      );
    }
    const title = output ? 'Output and loss' : (network.depth === 2 ? 'Hidden layer' : `Hidden layer ${layer}`);
    return { title, rows };
  });
  return [
    { title: 'Inputs and target', rows: inputs },
    ...layers,
    { title: 'Weights, biases and learning rate', rows: [...network.weights.map(param), input('lr')] },
  ];
}

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

/**
 * Builds the table into `table` (its caption and body). Controller: `update(snapshot, revealed,
 * write)`, which writes the rows `write(i, count)` chooses (see model/readouts.js; every row without it).
 */
export function createValuesTableView(table) {
  const caption = htmlElement('caption', {}, table);
  const head = htmlElement('tr', {}, htmlElement('thead', {}, table));
  for (const title of ['Quantity', 'Value', 'Gradient ∂E/∂·', 'Update Δ']) htmlElement('th', { scope: 'col' }, head, title);
  let bodies = [];
  let rows = [];
  let built = null;

  function build(network) {
    for (const body of bodies) body.remove();
    bodies = [];
    rows = tableGroups(network).flatMap((group) => {
      const body = htmlElement('tbody', {}, table);
      bodies.push(body);
      htmlElement('th', { scope: 'colgroup', colspan: '4', class: 'values-group' }, htmlElement('tr', {}, body), group.title);
      return group.rows.map((row) => buildRow(body, row));
    });
    built = network;
  }

  return {
    update(snapshot, revealed, write = EVERY_ITEM) {
      if (snapshot.network !== built) build(snapshot.network);
      const { stage } = revealed;
      const count = snapshot.network.stageCount;
      setText(caption, stage === null ? `Every value before the pass: no gradient revealed yet (stage 0 of ${count}).`
        : `Every value at stage ${stage.index} of ${count}, ${stage.title}: gradients as revealed so far.`);
      for (const [i, cells] of rows.entries()) {
        if (!write(i, rows.length)) continue;
        const { row, element } = cells;
        const value = row.value(snapshot);
        setHidden(element, value === undefined);
        if (value === undefined) continue;
        showCell(cells.value, element, 'data-value', revealed.masked.has(row.mask) ? undefined : value, '?');
        if (row.grad) showCell(cells.grad, element, 'data-grad', row.grad(revealed), NOT_YET);
        if (row.change) showCell(cells.change, element, 'data-change', row.change(revealed), '', formatChange);
      }
    },
  };
}
