// The zoomed neuron graph's drawing: a box `label | value | grad` for each value, a circle for
// each operation, and a label slot on each edge for its local derivative. The view fills them in.

import { svgElement } from '../lib/dom.js';
import { symbolText } from '../lib/format.js';
import { neuronGraphLayout } from './neuron-graph-layout.js';

const FUNCTIONS = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', linear: 'id' };

/**
 * Draws neuron `node`'s graph into `frame` for `network`. Returns `{ key, boxes, edges, inputs,
 * weights, bias }`: `boxes` maps each value's name (a weight or bias name, an input's or the
 * neuron's id, `product.i`, `sum`, `z`) to `{ group, tooltip, label, value, grad }`, and `edges`
 * maps `local.<name>` to the text element of the edge leaving that value.
 */
export function buildNeuronGraph(frame, network, node) {
  const inputs = network.nodes.filter((n) => n.layer === node.layer - 1);
  const weights = inputs.map((input) => network.param(`w${node.layer}.${input.index}.${node.index}`));
  const bias = network.param(node.bias);
  const layout = neuronGraphLayout(inputs.length);
  const svg = svgElement('svg', {
    class: 'graph', viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, role: 'group',
    'aria-label': `Computational graph of ${symbolText(node.symbol)}`,
  }, frame);
  const boxes = new Map();
  const edges = new Map();
  const box = (name, label, at) => {
    const group = svgElement('g', { class: 'graph-value', 'data-graph-node': name }, svg);
    const tooltip = svgElement('title', {}, group);
    svgElement('rect', { x: at.x, y: at.y, width: layout.box.width, height: layout.box.height, rx: 6 }, group);
    for (const split of layout.box.splits) {
      svgElement('line', { x1: at.x + split, x2: at.x + split, y1: at.y, y2: at.y + layout.box.height }, group);
    }
    const text = (className, offset) => svgElement('text', {
      class: className, x: at.x + offset, y: at.y + layout.box.height / 2 + 4, 'text-anchor': 'middle',
    }, group);
    text('graph-label', layout.box.label).textContent = label;
    const entry = { group, tooltip, label, value: text('graph-number', layout.box.value), grad: text('graph-grad', layout.box.grad) };
    boxes.set(name, entry);
    return entry;
  };
  const op = (symbol, at) => {
    svgElement('circle', { class: 'graph-op', cx: at.x, cy: at.y, r: layout.op }, svg);
    svgElement('text', { class: 'graph-op-symbol', x: at.x, y: at.y + 4, 'text-anchor': 'middle' }, svg).textContent = symbol;
  };
  const wire = (name, from, to, labelAt) => {
    svgElement('path', { class: 'graph-wire', d: `M${from.x},${from.y} L${to.x},${to.y}` }, svg);
    if (!name) return;
    const label = svgElement('text', { class: 'graph-local', 'data-graph-edge': name, x: labelAt.x, y: labelAt.y, 'text-anchor': 'middle' }, svg);
    edges.set(name, label);
  };
  inputs.forEach((input, i) => {
    const row = layout.inputs[i];
    box(weights[i].name, symbolText(weights[i].symbol), row.weight);
    box(input.id, symbolText(input.symbol), row.input);
    box(`product.${i}`, '×', row.product);
    wire(`local.${weights[i].name}`, row.weightOut, row.opIn, row.weightLabel);
    wire(`local.${input.id}`, row.inputOut, row.opIn, row.inputLabel);
    op('×', row.op);
    wire(null, row.opOut, row.productIn);
    wire(`local.product.${i}`, row.productOut, layout.sum.opIn, row.productLabel);
  });
  op('+', layout.sum.op);
  wire(null, layout.sum.opOut, layout.sum.boxIn);
  box('sum', 'Σ', layout.sum.box);
  box(bias.name, symbolText(bias.symbol), layout.bias.box);
  op('+', layout.bias.op);
  wire('local.sum', layout.sum.boxOut, layout.bias.opIn, layout.sum.label);
  wire(`local.${bias.name}`, layout.bias.boxOut, layout.bias.opIn, layout.bias.label);
  wire(null, layout.bias.opOut, layout.z.boxIn);
  box('z', symbolText(node.z), layout.z.box);
  op(FUNCTIONS[node.activation], layout.activation.op);
  wire('local.z', layout.z.boxOut, layout.activation.opIn, layout.z.label);
  wire(null, layout.activation.opOut, layout.activation.boxIn);
  box(node.id, symbolText(node.symbol), layout.activation.box);
  return { key: `${network.key} ${node.id}`, boxes, edges, inputs, weights, bias };
}
