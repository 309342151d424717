// The network picture: weight edges (thickness = |w|, sign = hue and dash), the nodes, the
// gradients the pass has reached, and the pulse that shows which way each stage's values travel.

import { setAttribute, setText, svgElement } from '../lib/dom.js';
import { formatNumber, fullValue, symbolText } from '../lib/format.js';
import { computeLayout, lossLinks, pointAlong } from './network-layout.js';
import { createNodes } from './network-nodes.js';
import { createThumbnails } from './network-thumbnails.js';
import { createPill, fitPills } from './pill.js';
import { editedNames } from '../model/pass.js';
import { EVERY_ITEM } from '../model/readouts.js';
import { revealKey } from '../model/reveal.js';
import { paramReader } from '../model/state.js';

const PULSE_CLASSES = ['is-pulsing-forward', 'is-pulsing-backward', 'is-flashing'];
const NONE = new Set();
/** In a compact picture, the gradients a stage reveals are shown at once when there are at most this many. */
const FEW_FRESH = 16;

/**
 * An edge's thickness for `weight`, in quarter-pixel steps: finer steps are not seen, and while
 * training they restyled nearly every edge on every frame.
 */
function edgeWidth(weight) {
  return String(Math.round(4 * Math.min(1.5 + 2.5 * Math.abs(weight), 12)) / 4);
}

function buildLine(parent, className, extra = {}) {
  return svgElement('line', { class: className, ...extra }, parent);
}

function buildEdge(network, edge, edgeLayer, labelLayer) {
  const group = svgElement('g', { class: 'edge', 'data-edge': edge.name }, edgeLayer);
  const symbol = symbolText(network.param(edge.name).symbol);
  return {
    edge,
    symbol,
    read: paramReader(edge.name),
    /** The weight its line was last styled for, and the numbers its labels last showed. */
    styled: undefined,
    labelled: {},
    group,
    tooltip: svgElement('title', {}, group),
    lines: [
      buildLine(group, 'edge-halo'),
      buildLine(group, 'edge-line'),
      buildLine(group, 'edge-pulse', { pathLength: 100 }),
    ],
    weight: createPill(labelLayer, 'pill--on-edge', edge.name),
    grad: createPill(labelLayer, 'pill--on-edge pill--grad', edge.name),
  };
}

function buildLink(link, linkLayer) {
  const group = svgElement('g', { class: 'link' }, linkLayer);
  return {
    edge: link,
    group,
    lines: [buildLine(group, 'link-line'), buildLine(group, 'edge-pulse', { pathLength: 100 })],
  };
}

function placeLines(item, layout) {
  const [x1, y1] = layout.nodes[item.edge.from];
  const [x2, y2] = layout.nodes[item.edge.to];
  for (const line of item.lines) {
    line.setAttribute('x1', x1);
    line.setAttribute('y1', y1);
    line.setAttribute('x2', x2);
    line.setAttribute('y2', y2);
  }
}

/**
 * Writes an edge's thickness and sign and, when `labels` is true, its labels and tooltip. What an
 * edge shows depends only on its weight and revealed gradient, so an edge whose two numbers are
 * the ones it last wrote is left alone: a drag changes one weight of a 4-8-8-8-4's 192.
 */
function updateEdge(item, state, revealed, labels) {
  const weight = item.read(state);
  if (!Object.is(weight, item.styled)) {
    setAttribute(item.lines[1], 'stroke-width', edgeWidth(weight));
    item.group.classList.toggle('is-negative', weight < 0);
    item.styled = weight;
  }
  if (!labels) return;
  const grad = revealed.edgeGrads.get(item.edge.name);
  if (Object.is(weight, item.labelled.weight) && Object.is(grad, item.labelled.grad)) return;
  item.labelled = { weight, grad };
  const tooltip = `${item.symbol} = ${fullValue(weight)}`;
  setText(item.tooltip, tooltip);
  item.weight.show(item.symbol, formatNumber(weight), tooltip);
  setAttribute(item.group, 'data-grad', grad === undefined ? null : fullValue(grad));
  if (grad === undefined) item.grad.hide();
  else item.grad.show('∂E/∂w', formatNumber(grad), `∂E/∂${item.symbol} = ${fullValue(grad)}`);
}

/** What the picture says to a screen reader about `network`. */
function pictureLabel(network) {
  const layers = network.widths.map((width, l) => {
    if (l === 0) return `${width} input${width === 1 ? '' : 's'}`;
    const what = l === network.depth ? `output${width === 1 ? '' : 's'}` : `hidden neuron${width === 1 ? '' : 's'}`;
    return `${width} ${network.activations[l - 1]} ${what}`;
  });
  return `The ${network.widths.join('-')} network: ${layers.join(', then ')}; the target and the loss E. `
    + 'Every value is also in the table of values below.';
}

/**
 * Draws the network of each snapshot into `container`, laid out for `orientation` (`wide` or
 * `tall`, see network-layout.js); the picture is rebuilt when the architecture changes. Each
 * hidden and output neuron has a map thumbnail; `onThumbnail(id)` hears one pressed.
 * Controller: `setOrientation(orientation)`, `paintMaps(maps, shown)` (the frame's maps, see
 * plane-grid.js, and the neuron the main plane shows), and `update(snapshot, revealed, animate, labels)`,
 * which writes the values and the revealed gradients (every edge's thickness and sign; the labels
 * of the items `labels(i, count)` chooses, the edges' then the nodes': see model/readouts.js, and
 * while a parameter is edited those of its edge, the outputs, the targets and the loss),
 * highlights the current stage and, when `animate` is true, plays its pulse.
 */
export function createNetworkView(container, orientation, { onThumbnail }) {
  const svg = svgElement('svg', { class: 'network', role: 'img' }, container);
  const layers = ['links', 'edges', 'nodes', 'thumbnails', 'labels']
    .map((name) => svgElement('g', { class: `layer-${name}` }, svg));
  let built = null;
  let links = [];
  let edges = [];
  let nodes = null;
  let thumbnails = null;
  let pills = [];
  let pillsByReveal = new Map();
  let layout = null;

  function build(network) {
    for (const layer of layers) layer.replaceChildren();
    const [linkLayer, edgeLayer, nodeLayer, thumbnailLayer, labelLayer] = layers;
    svg.setAttribute('aria-label', pictureLabel(network));
    links = lossLinks(network).map((link) => buildLink(link, linkLayer));
    edges = network.edges.map((edge) => buildEdge(network, { name: edge.id, from: edge.from, to: edge.to }, edgeLayer, labelLayer));
    nodes = createNodes(network, nodeLayer, labelLayer);
    thumbnails = createThumbnails(network, thumbnailLayer, onThumbnail);
    pills = [...edges.flatMap((item) => [item.weight, item.grad]), ...nodes.pills];
    pillsByReveal = new Map([
      ...edges.map((item) => [revealKey('edgeGrads', item.edge.name), item.grad]),
      ...nodes.pillsByReveal,
    ]);
    built = network;
    place();
  }

  function place() {
    layout = computeLayout(built, orientation);
    svg.setAttribute('viewBox', layout.viewBox);
    svg.classList.toggle('is-compact', layout.compact);
    for (const item of [...links, ...edges]) placeLines(item, layout);
    for (const item of edges) {
      const [weightAt, gradAt] = layout.labelsAt[item.edge.name];
      item.weight.place(...pointAlong(layout, item.edge, weightAt));
      item.grad.place(...pointAlong(layout, item.edge, gradAt));
    }
    nodes.place(layout);
    thumbnails.place(layout);
    fitPills(pills);
  }
  function highlight(stage) {
    svg.classList.toggle('is-playing', stage !== null);
    setAttribute(svg, 'data-phase', stage ? stage.phase : 'none');
    const activeNodes = stage ? new Set(stage.nodes) : NONE;
    const activeEdges = stage ? new Set(stage.edges) : NONE;
    for (const item of edges) item.group.classList.toggle('is-active', activeEdges.has(item.edge.name));
    for (const [name, element] of nodes.elements) element.classList.toggle('is-active', activeNodes.has(name));
    for (const item of links) {
      const active = activeNodes.has('loss') && activeNodes.has(item.edge.from);
      item.group.classList.toggle('is-active', active);
    }
  }

  /** Whether a pulse was played since the last `stopAnimations`: only then is there one to stop. */
  let animated = false;

  function stopAnimations() {
    if (!animated) return;
    animated = false;
    for (const element of svg.querySelectorAll('.is-pulsing-forward, .is-pulsing-backward, .is-flashing, .is-fresh')) {
      element.classList.remove(...PULSE_CLASSES, 'is-fresh');
    }
  }

  function play(stage, fresh) {
    animated = true;
    // Reading layout between removing and adding the classes restarts the CSS animations.
    svg.getBoundingClientRect();
    const pulse = stage.phase === 'forward' || stage.phase === 'loss' ? 'is-pulsing-forward' : 'is-pulsing-backward';
    const moving = stage.phase === 'update' ? 'is-flashing' : pulse;
    for (const item of [...edges, ...links]) {
      if (item.group.classList.contains('is-active')) item.group.classList.add(moving);
    }
    if (stage.edges.length === 0 || stage.phase === 'update') {
      for (const name of stage.nodes) nodes.elements.get(name).classList.add('is-flashing');
    }
    for (const key of fresh) pillsByReveal.get(key)?.element.classList.add('is-fresh');
  }

  return {
    setOrientation(next) {
      orientation = next;
      if (built) place();
    },

    paintMaps(maps, shown) {
      thumbnails?.paint(maps, shown);
    },

    // Every click plays exactly one stage: a click during a pulse cuts it short (its results are
    // already drawn) and starts the next stage's pulse.
    update(snapshot, revealed, animate, labels = EVERY_ITEM) {
      if (snapshot.network !== built) build(snapshot.network);
      const count = edges.length + nodes.count;
      // The edge of a parameter being edited follows every frame, as its slider's row does.
      const edited = editedNames(snapshot);
      edges.forEach((item, i) => updateEdge(item, snapshot.state, revealed, labels(i, count) || edited.includes(item.edge.name)));
      nodes.update(snapshot, revealed, (k) => labels(edges.length + k, count));
      fitPills(pills);
      highlight(revealed.stage);
      stopAnimations();
      // A compact picture still shows what the stage just revealed, when it is a handful.
      const few = revealed.fresh.size <= FEW_FRESH;
      for (const [key, pill] of pillsByReveal) pill.element.classList.toggle('is-current', few && revealed.fresh.has(key));
      if (animate && revealed.stage) play(revealed.stage, revealed.fresh);
    },
  };
}
