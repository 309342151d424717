// The network picture: weight edges (thickness = |w|, sign = hue and dash), the nodes, the
// gradients the pass has reached, and the pulse that shows which way each stage's values travel.

import { setAttribute, setText, svgElement } from './dom.js';
import { formatNumber, fullValue, symbolText } from './format.js';
import { EDGES, LINKS, pointAlong } from './network-layout.js';
import { createNodes } from './network-nodes.js';
import { createPill, fitPills } from './pill.js';
import { revealKey } from './reveal.js';
import { paramByName, readParam } from './state.js';

const PULSE_CLASSES = ['is-pulsing-forward', 'is-pulsing-backward', 'is-flashing'];
const NONE = new Set();

function edgeWidth(weight) {
  return Math.min(1.5 + 2.5 * Math.abs(weight), 12).toFixed(2);
}

function buildLine(parent, className, extra = {}) {
  return svgElement('line', { class: className, ...extra }, parent);
}

function buildEdge(edge, edgeLayer, labelLayer) {
  const group = svgElement('g', { class: 'edge', 'data-edge': edge.name }, edgeLayer);
  const symbol = symbolText(paramByName(edge.name).symbol);
  return {
    edge,
    symbol,
    group,
    tooltip: svgElement('title', {}, group),
    lines: [
      buildLine(group, 'edge-halo'),
      buildLine(group, 'edge-line'),
      buildLine(group, 'edge-pulse', { pathLength: 100 }),
    ],
    weight: createPill(labelLayer, 'pill--on-edge'),
    grad: createPill(labelLayer, 'pill--on-edge pill--grad'),
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

function updateEdge(item, state, revealed) {
  const weight = readParam(state, item.edge.name);
  setAttribute(item.lines[1], 'stroke-width', edgeWidth(weight));
  item.group.classList.toggle('is-negative', weight < 0);
  const tooltip = `${item.symbol} = ${fullValue(weight)}`;
  setText(item.tooltip, tooltip);
  item.weight.show(item.symbol, formatNumber(weight), tooltip);
  const grad = revealed.edgeGrads.get(item.edge.name);
  setAttribute(item.group, 'data-grad', grad === undefined ? null : fullValue(grad));
  if (grad === undefined) item.grad.hide();
  else item.grad.show('∂E/∂w', formatNumber(grad), `∂E/∂${item.symbol} = ${fullValue(grad)}`);
}

/**
 * Draws the network into `container` in `layout` (see network-layout.js). Controller:
 * `setLayout(layout)`, and `update(snapshot, revealed, animate)`, which writes the values and the
 * revealed gradients, highlights the current stage and, when `animate` is true, plays its pulse.
 */
export function createNetworkView(container, layout) {
  const svg = svgElement('svg', {
    class: 'network',
    role: 'img',
    'aria-label': 'The 2-2-1 network: inputs x₁ and x₂, hidden neurons h₁ and h₂, output y, target t and loss E',
  }, container);
  const [linkLayer, edgeLayer, nodeLayer, labelLayer] = ['links', 'edges', 'nodes', 'labels']
    .map((name) => svgElement('g', { class: `layer-${name}` }, svg));
  const links = LINKS.map((link) => buildLink(link, linkLayer));
  const edges = EDGES.map((edge) => buildEdge(edge, edgeLayer, labelLayer));
  const nodes = createNodes(nodeLayer, labelLayer);
  const pills = [...edges.flatMap((item) => [item.weight, item.grad]), ...nodes.pills];
  const pillsByReveal = new Map([
    ...edges.map((item) => [revealKey('edgeGrads', item.edge.name), item.grad]),
    ...nodes.pillsByReveal,
  ]);

  function place(current) {
    svg.setAttribute('viewBox', current.viewBox);
    for (const item of [...links, ...edges]) placeLines(item, current);
    for (const item of edges) {
      const [weightAt, gradAt] = current.labelsAt[item.edge.name];
      item.weight.place(...pointAlong(current, item.edge, weightAt));
      item.grad.place(...pointAlong(current, item.edge, gradAt));
    }
    nodes.place(current);
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

  function stopAnimations() {
    for (const element of svg.querySelectorAll('.is-pulsing-forward, .is-pulsing-backward, .is-flashing, .is-fresh')) {
      element.classList.remove(...PULSE_CLASSES, 'is-fresh');
    }
  }

  function play(stage, fresh) {
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

  place(layout);
  return {
    setLayout: place,

    // Every click plays exactly one stage: a click during a pulse cuts it short (its results are
    // already drawn) and starts the next stage's pulse.
    update(snapshot, revealed, animate) {
      for (const item of edges) updateEdge(item, snapshot.state, revealed);
      nodes.update(snapshot, revealed);
      fitPills(pills);
      highlight(revealed.stage);
      stopAnimations();
      if (animate && revealed.stage) play(revealed.stage, revealed.fresh);
    },
  };
}
