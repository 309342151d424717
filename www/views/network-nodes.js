// The neurons, the targets and the loss in the network picture: their values, their pre-activations
// and biases, the gradients and changes the pass has reached, which neurons are saturated and,
// with samples, the mean loss J beside the shown sample's E.

import { setAttribute, setText, svgElement } from '../lib/dom.js';
import { formatNumber, fullValue, symbolText } from '../lib/format.js';
import { LOSS_SIZE, NEURON_RADIUS, TARGET_RADIUS } from './network-layout.js';
import { createPill } from './pill.js';
import { editedNames } from '../model/pass.js';
import { revealKey } from '../model/reveal.js';
import { neuronMarks } from './saturation.js';
import { readParam } from '../model/state.js';

const SLOPE_NAMES = { sigmoid: 'σ′', tanh: 'tanh′', relu: 'ReLU′', linear: 'linear′' };

/** The round nodes of `network`: what each shows and, for hidden and output neurons, z and the bias. */
function nodeSpecs(network) {
  const depth = network.widths.length - 1;
  const specs = network.nodes.map((node) => {
    const symbol = symbolText(node.symbol);
    if (node.layer === 0) return { name: node.id, kind: 'input', symbol, value: (s) => s.state.x[node.index] };
    const key = node.layer === depth ? 'y' : `h${node.layer}`;
    const zKey = `z${node.layer}`;
    return {
      name: node.id,
      kind: node.role,
      symbol,
      value: (s) => s.evaluation[key][node.index],
      z: { symbol: symbolText(node.z), value: (s) => s.evaluation[zKey][node.index] },
      bias: node.bias,
      slopeName: SLOPE_NAMES[node.activation],
      slope: (s) => s.evaluation.slope[zKey][node.index],
    };
  });
  const targets = network.params.filter((param) => param.key === 't').map((param) => ({
    name: param.node, kind: 'target', symbol: symbolText(param.symbol), value: (s) => readParam(s.state, param.name),
  }));
  return [...specs, ...targets];
}

function buildNode(spec, nodeLayer, labelLayer, labelFor) {
  const radius = spec.kind === 'target' ? TARGET_RADIUS : NEURON_RADIUS;
  const group = svgElement('g', { class: `node node--${spec.kind}`, 'data-node': spec.name }, nodeLayer);
  const node = {
    spec,
    group,
    tooltip: svgElement('title', {}, group),
    shapes: [
      svgElement('circle', { class: 'node-ring', r: radius }, group),
      ...(spec.z ? [svgElement('circle', { class: 'node-saturation', r: radius + 6 }, group)] : []),
      svgElement('circle', { class: 'node-body', r: radius }, group),
    ],
    symbol: svgElement('text', { class: 'node-symbol', 'text-anchor': 'middle' }, group),
    value: svgElement('text', { class: 'node-value', 'text-anchor': 'middle' }, group),
  };
  node.symbol.textContent = spec.symbol;
  if (spec.z) {
    node.detail = svgElement('text', { class: 'node-detail', 'text-anchor': 'middle', 'data-label-for': labelFor }, labelLayer);
    node.detailTooltip = svgElement('title', {}, node.detail);
    node.zText = svgElement('tspan', {}, node.detail);
    svgElement('tspan', { class: 'node-detail-separator' }, node.detail).textContent = ' · ';
    node.biasText = svgElement('tspan', {}, node.detail);
    node.outputGrad = createPill(labelLayer, 'pill--grad', labelFor);
    node.biasGrad = createPill(labelLayer, 'pill--grad', labelFor);
  }
  return node;
}

function buildLoss(nodeLayer) {
  const group = svgElement('g', { class: 'node node--loss', 'data-loss': '' }, nodeLayer);
  const box = { width: LOSS_SIZE.width, height: LOSS_SIZE.height, rx: 12 };
  return {
    group,
    tooltip: svgElement('title', {}, group),
    shapes: [
      svgElement('rect', { class: 'node-ring', ...box }, group),
      svgElement('rect', { class: 'node-body', ...box }, group),
    ],
    symbol: svgElement('text', { class: 'node-symbol', 'text-anchor': 'middle' }, group),
    value: svgElement('text', { class: 'node-value', 'text-anchor': 'middle' }, group),
    mean: svgElement('text', { class: 'node-detail loss-mean', 'text-anchor': 'middle' }, nodeLayer),
  };
}

function placeContent(node, x, y) {
  for (const shape of node.shapes) {
    if (shape.tagName === 'rect') {
      shape.setAttribute('x', x - LOSS_SIZE.width / 2);
      shape.setAttribute('y', y - LOSS_SIZE.height / 2);
    } else {
      shape.setAttribute('cx', x);
      shape.setAttribute('cy', y);
    }
  }
  node.symbol.setAttribute('x', x);
  node.symbol.setAttribute('y', y - 6);
  node.value.setAttribute('x', x);
  node.value.setAttribute('y', y + 13);
}

/** The kinds of node that follow every frame of an edit (see `update`). */
const WATCHED = new Set(['output', 'target']);

/** In practice mode a value still to be worked out shows as `?`, and nowhere else. */
const YOUR_TURN = '?';

function showValue(node, value, tooltip, hidden = false) {
  setAttribute(node.group, 'data-value', hidden ? null : fullValue(value));
  setAttribute(node.group, 'data-hidden', hidden ? 'true' : null);
  setText(node.value, hidden ? YOUR_TURN : formatNumber(value));
  setText(node.tooltip, tooltip);
}

/** Shows `value` labelled `name` (its full symbol `fullName` in the tooltip), or hides the pill. */
function showPill(pill, name, fullName, value) {
  if (value === undefined) pill.hide();
  else pill.show(name, formatNumber(value), `${fullName} = ${fullValue(value)}`);
}

/** Writes a neuron's z, bias and revealed gradients; returns their full values for its tooltip. */
function updateDetail(node, snapshot, revealed, marks) {
  const { name, symbol, z, bias, slope, slopeName } = node.spec;
  const zValue = z.value(snapshot);
  const biasValue = readParam(snapshot.state, bias);
  const biasSymbol = symbolText(snapshot.network.param(bias).symbol);
  const mark = marks.get(name);
  const flat = mark ? ` (${mark})` : '';
  setAttribute(node.group, 'data-saturated', mark === 'saturated' ? 'true' : null);
  setAttribute(node.group, 'data-dead', mark === 'dead' ? 'true' : null);
  const zHidden = revealed.masked.has(`z:${name}`);
  const fullValues = zHidden ? `${z.symbol} = ${YOUR_TURN} (your turn)\n${biasSymbol} = ${fullValue(biasValue)}`
    : `${z.symbol} = ${fullValue(zValue)}\n${biasSymbol} = ${fullValue(biasValue)}\n`
    + `${slopeName}(${z.symbol}) = ${fullValue(slope(snapshot))}${flat}`;
  setText(node.zText, `${z.symbol} ${zHidden ? YOUR_TURN : formatNumber(zValue)}`);
  setText(node.biasText, `${biasSymbol} ${formatNumber(biasValue)}`);
  setText(node.detailTooltip, fullValues);
  const biasGrad = revealed.biasGrads.get(name);
  setAttribute(node.group, 'data-bias-grad', biasGrad === undefined ? null : fullValue(biasGrad));
  showPill(node.biasGrad, '∂E/∂b', `∂E/∂${biasSymbol}`, biasGrad);
  const outputGrad = revealed.outputGrads.get(name);
  setAttribute(node.group, 'data-output-grad', outputGrad === undefined ? null : fullValue(outputGrad));
  showPill(node.outputGrad, `∂E/∂${symbol}`, `∂E/∂${symbol}`, outputGrad);
  return fullValues;
}

/** Writes E of the shown example and, with samples, the mean J over them beside it. */
function updateLoss(loss, { evaluation }, hidden) {
  const { batch } = evaluation;
  const tooltip = `E = ${hidden ? `${YOUR_TURN} (your turn)` : fullValue(evaluation.loss)}`;
  showValue(loss, evaluation.loss, batch
    ? `${tooltip} (the shown sample)\nJ = ${fullValue(batch.loss)} (the mean over the samples)` : tooltip, hidden);
  setAttribute(loss.group, 'data-batch-loss', batch ? fullValue(batch.loss) : null);
  loss.mean.classList.toggle('is-hidden', !batch);
  if (batch) setText(loss.mean, `mean J ${formatNumber(batch.loss)}`);
}

/**
 * Builds the nodes of `network` into `nodeLayer` (their labels into `labelLayer`). Controller: `elements`
 * (name → group, the loss under `loss`), `pills`, `pillsByReveal` (reveal key → pill),
 * `place(layout)`, `count` (the nodes with the loss) and `update(snapshot, revealed, due)`, which
 * writes node `k` (the loss last) when `due(k)` is true.
 */
export function createNodes(network, nodeLayer, labelLayer) {
  const nodes = nodeSpecs(network).map((spec) => buildNode(spec, nodeLayer, labelLayer, network.paramOfNode(spec.name)));
  const loss = buildLoss(nodeLayer);
  loss.symbol.textContent = 'E';
  const elements = new Map(nodes.map((node) => [node.spec.name, node.group]));
  elements.set('loss', loss.group);
  const detailed = nodes.filter((node) => node.spec.z);

  return {
    elements,
    pills: detailed.flatMap((node) => [node.outputGrad, node.biasGrad]),
    pillsByReveal: detailed.flatMap((node) => [
      [revealKey('outputGrads', node.spec.name), node.outputGrad],
      [revealKey('biasGrads', node.spec.name), node.biasGrad],
    ]),

    place(layout) {
      for (const node of nodes) placeContent(node, ...layout.nodes[node.spec.name]);
      placeContent(loss, ...layout.nodes.loss);
      loss.mean.setAttribute('x', layout.meanLoss[0]);
      loss.mean.setAttribute('y', layout.meanLoss[1]);
      for (const node of detailed) {
        const [x, y] = layout.details[node.spec.name];
        node.detail.setAttribute('x', x);
        node.detail.setAttribute('y', y + 4);
        setAttribute(node.biasText, 'x', layout.detailLines === 2 ? String(x) : null);
        setAttribute(node.biasText, 'dy', layout.detailLines === 2 ? '1.25em' : null);
        node.biasGrad.place(...layout.biasGrads[node.spec.name]);
        node.outputGrad.place(...layout.outputGrads[node.spec.name]);
      }
    },

    count: nodes.length + 1,

    update(snapshot, revealed, due) {
      const marks = neuronMarks(snapshot);
      // While a parameter is edited (a slider dragged), the outputs, the targets and the loss
      // follow every frame, whatever `due` says: they are what a learner watches, and the other
      // labels of a big network take turns (model/readouts.js).
      const watched = editedNames(snapshot).length > 0;
      for (const [k, node] of nodes.entries()) {
        if (!due(k) && !(watched && WATCHED.has(node.spec.kind))) continue;
        const value = node.spec.value(snapshot);
        const hidden = revealed.masked.has(`a:${node.spec.name}`);
        const tooltip = `${node.spec.symbol} = ${hidden ? `${YOUR_TURN} (your turn)` : fullValue(value)}`;
        const detail = node.spec.z ? `\n${updateDetail(node, snapshot, revealed, marks)}` : '';
        showValue(node, value, `${tooltip}${detail}`, hidden);
      }
      if (due(nodes.length) || watched) updateLoss(loss, snapshot, revealed.masked.has('loss'));
    },
  };
}
