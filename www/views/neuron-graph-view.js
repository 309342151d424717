// One neuron zoomed in, micrograd style: each scalar operation of a = f(Σ wᵢ·aᵢ + b) as a node
// showing `value | grad`, with each operation's local derivative on its edges. Values and
// gradients are the core's (engine.neuronGraph); each is filled in once the stage that computes
// it has been played, so Step backprop and Step back drive the graph as they drive the picture.

import { setAttribute, setText } from '../lib/dom.js';
import { formatNumber, fullValue, symbolText } from '../lib/format.js';
import { buildNeuronGraph } from './neuron-graph-svg.js';

const PER_INPUT = 5;
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
      built = buildNeuronGraph(frame, network, node);
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
