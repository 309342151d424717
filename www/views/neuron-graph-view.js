// One neuron zoomed in, micrograd style: each scalar operation of a = f(Σ wᵢ·aᵢ + b) as a node
// showing `value | grad`, with each operation's local derivative on its edges. Values and
// gradients are the core's (engine.neuronGraph); each is filled in once the stage that computes
// it has been played, so Step backprop and Step back drive the graph as they drive the picture.

import { htmlElement, setAttribute, setText, svgElement } from '../lib/dom.js';
import { formatNumber, fullValue, symbolText } from '../lib/format.js';
import { neuronGraphLayout } from './neuron-graph-layout.js';

const PER_INPUT = 5;
const FUNCTIONS = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', linear: 'id' };
const SLOPES = { sigmoid: 'σ′', tanh: 'tanh′', relu: 'ReLU′', linear: '1' };

/** The number of the first stage of `stages` with a formula `matches` (Infinity when none). */
function stageOf(stages, matches) {
  const index = stages.findIndex((stage) => stage.formulas.some(matches));
  return index < 0 ? Infinity : index + 1;
}

/**
 * After how many stages each part of neuron `node`'s graph is known, read from the core's tape
 * (which formula computes what), so no stage is named here. An input x has no stage of its own:
 * it is known from the start, and its share of the gradient arrives with the weights'.
 */
function revealStages(stages, node, input, weight) {
  const grad = (target) => (f) => f.kind === 'node_grad' && f.target === target && f.lhs.of?.base !== 'z';
  const computed = (target) => (f) => f.kind === 'pre_activation' && f.target === target;
  const weightGrads = stageOf(stages, (f) => f.kind === 'param_grad' && f.param === weight);
  const inputShares = stageOf(stages, grad(input));
  return {
    inputs: input.startsWith('x.') ? 0 : stageOf(stages, computed(input)),
    forward: stageOf(stages, computed(node.id)),
    outputGrad: stageOf(stages, grad(node.id)),
    delta: stageOf(stages, (f) => f.kind === 'param_grad' && f.param === node.bias),
    weightGrads,
    inputShares: inputShares === Infinity ? weightGrads : inputShares,
  };
}

/**
 * Builds the zoomed graph into `container` (a section with a heading, a close button and a
 * frame); `engine.neuronGraph` gives the numbers; `shown(nodeId)` hears which neuron is open (null
 * once closed). Controller: `open(nodeId, opener)`, `close()`, `isOpen()` and `update(snapshot)`.
 * Esc (anywhere) or the close button closes it; the focus, if it was in the graph, returns to `opener`.
 */
export function createNeuronGraphView(container, engine, shown = () => {}) {
  const title = container.querySelector('[data-graph-title]');
  const note = container.querySelector('[data-graph-note]');
  const frame = container.querySelector('[data-graph-frame]');
  const closeButton = container.querySelector('[data-graph-close]');
  let nodeId = null;
  let opener = null;
  let built = null; // { key, boxes: Map(name → box), edges: Map(name → label) }
  let lastSnapshot = null;

  function close() {
    if (nodeId === null) return;
    nodeId = null;
    built = null;
    container.hidden = true;
    frame.replaceChildren();
    setAttribute(container, 'data-graph-node-open', null);
    shown(null);
    if (container.contains(document.activeElement)) opener?.focus();
    opener = null;
  }

  closeButton.addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nodeId !== null) {
      event.preventDefault();
      close();
    }
  });

  function build(network, node) {
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

  function show(entry, value, grad) {
    setAttribute(entry.group, 'data-value', value === null ? null : fullValue(value));
    setAttribute(entry.group, 'data-grad', grad === null ? null : fullValue(grad));
    setText(entry.value, value === null ? '?' : formatNumber(value));
    setText(entry.grad, grad === null ? '?' : formatNumber(grad));
    const gradText = grad === null ? 'not computed yet' : fullValue(grad);
    setText(entry.tooltip, `${entry.label}: value ${value === null ? 'not computed yet' : fullValue(value)}, gradient ${gradText}`);
  }

  function showLocal(name, text, value) {
    const label = built.edges.get(name);
    setAttribute(label, 'data-local', value === null ? null : fullValue(value));
    setText(label, value === null ? '' : text);
  }

  function draw(snapshot) {
    // After the update the picture shows the new parameters; the graph keeps the pass just played.
    const shown = snapshot.beforeUpdate ?? snapshot;
    const network = shown.network;
    const node = network.node(nodeId);
    if (!node || node.layer === 0) {
      close();
      return;
    }
    if (built?.key !== `${network.key} ${node.id}`) {
      frame.replaceChildren();
      built = build(network, node);
      setText(title, `${symbolText(node.symbol)} zoomed in`);
    }
    const played = (count) => count <= snapshot.stageIndex;
    const graph = engine.neuronGraph(shown.state, nodeId);
    const n = built.inputs.length;
    const [sum, b, z, a, dA, delta, slope] = graph.slice(n * PER_INPUT);
    const stages = revealStages(shown.stages, node, built.inputs[0]?.id ?? '', built.weights[0]?.name ?? '');
    const forward = played(stages.forward);
    const known = (value, when) => (played(when) ? value : null);
    built.inputs.forEach((input, i) => {
      const [aIn, w, product, dW, share] = graph.slice(i * PER_INPUT, (i + 1) * PER_INPUT);
      show(built.boxes.get(built.weights[i].name), w, known(dW, stages.weightGrads));
      show(built.boxes.get(input.id), known(aIn, stages.inputs), known(share, stages.inputShares));
      show(built.boxes.get(`product.${i}`), forward ? product : null, known(delta, stages.delta));
      showLocal(`local.${built.weights[i].name}`, formatNumber(aIn), known(aIn, stages.weightGrads));
      showLocal(`local.${input.id}`, formatNumber(w), known(w, stages.inputShares));
      showLocal(`local.product.${i}`, '1', known(1, stages.delta));
    });
    show(built.boxes.get('sum'), forward ? sum : null, known(delta, stages.delta));
    show(built.boxes.get(built.bias.name), b, known(delta, stages.delta));
    show(built.boxes.get('z'), forward ? z : null, known(delta, stages.delta));
    show(built.boxes.get(nodeId), forward ? a : null, known(dA, stages.outputGrad));
    showLocal('local.sum', '1', known(1, stages.delta));
    showLocal(`local.${built.bias.name}`, '1', known(1, stages.delta));
    showLocal('local.z', `${SLOPES[node.activation]} = ${formatNumber(slope)}`, known(slope, stages.delta));
    const stage = snapshot.stageIndex === 0 ? 'No stage played yet' : `After “${network.stages[snapshot.stageIndex - 1].title}”`;
    setText(note, `${stage}: each box reads value | grad (∂E/∂ of it); each edge, its operation’s local derivative.`);
  }

  return {
    isOpen: () => nodeId !== null,
    open(id, from = null) {
      nodeId = id;
      opener = from;
      container.hidden = false;
      setAttribute(container, 'data-graph-node-open', id);
      shown(id);
      if (lastSnapshot) draw(lastSnapshot);
    },
    close,
    update(snapshot) {
      lastSnapshot = snapshot;
      if (nodeId !== null) draw(snapshot);
    },
  };
}
