// The input plane: the network's output (or any neuron's activation) over a window of two inputs
// as a heatmap, the decision boundary of a sigmoid output, and the training points on it; a
// 1-input network gets its curve over x. The core computes every map in one call per frame
// (plane-grid.js); this view paints them and lets the learner edit the points (plane-pointer.js).

import { setAttribute, setHidden, setText, setValue } from '../../lib/dom.js';
import { formatNumber, symbolText } from '../../lib/format.js';
import { contourPath } from '../../tools/contours.js';
import { planePoints } from '../../model/sample-edits.js';
import { buildPlaneDom } from './plane-dom.js';
import { createPlaneGrid } from './plane-grid.js';
import { createPlaneOverlay } from './plane-overlay.js';
import { colourAt, fractionOf, paintMap, scaleOf } from './plane-paint.js';
import { createPlanePointer } from './plane-pointer.js';
import { coreWindow, covers, fittedRange } from './plane-window.js';

/** Changes after which the window fits the points again (others keep it while they fit). */
const REFIT = new Set(['load', 'preset', 'reset', 'open', 'undo', 'redo', 'architecture']);

const neuronLabel = (node) => {
  const what = node.role === 'output' ? 'output' : `hidden layer ${node.layer}`;
  return `${symbolText(node.symbol)} (${what}, ${node.activation})`;
};

/**
 * Builds the plane into `container`. `engine` is the core; `edit(transform, what, gesture)`
 * changes the training set (see commands.js) and returns a refusal or null; `say(message)` writes the
 * status line; `requestFrame()` asks for a redraw. Controller: `update(snapshot)`, which returns
 * the frame's maps (plane-grid.js), `show(id)`, which shows neuron `id` large, `shown`, `window()`
 * and `prefill(state, window, maps)`, for maps the training worker computed.
 */
export function createPlaneView(container, { engine, edit, say, requestFrame }) {
  const dom = buildPlaneDom(container);
  const overlay = createPlaneOverlay(dom.map);
  const grid = createPlaneGrid(engine);
  let network = null;
  let shown = null;
  let axes = null;
  let ranges = null;
  let vertical = null;
  let latest = null;
  let drawnMaps = null;
  let drawnKey = '';
  let drawnPoints = null;
  let drawnPointsKey = '';

  function build(next) {
    network = next;
    const neurons = next.nodes.filter((node) => node.layer > 0);
    const outputs = neurons.filter((node) => node.role === 'output');
    dom.show.select.replaceChildren(...[...outputs, ...neurons.filter((node) => node.role !== 'output')]
      .map((node) => new Option(neuronLabel(node), node.id)));
    if (!neurons.some((node) => node.id === shown)) shown = outputs[0].id;
    dom.show.select.value = shown;
    const inputs = next.nodes.filter((node) => node.layer === 0);
    for (const { select: picker } of [dom.across, dom.up]) {
      picker.replaceChildren(...inputs.map((node) => new Option(symbolText(node.symbol), String(node.index))));
    }
    const previous = axes ?? [0, 1];
    axes = inputs.length === 1 ? [0] : previous.map((i) => Math.min(i, inputs.length - 1));
    if (axes.length === 2 && axes[0] === axes[1]) axes = [0, 1];
    dom.across.field.hidden = inputs.length <= 2;
    dom.up.field.hidden = inputs.length <= 2;
    ranges = null;
  }

  const outputNode = () => {
    const node = network.node(shown);
    return node.role === 'output' ? node : network.nodes.find((n) => n.role === 'output');
  };

  /** Keeps the window while the points fit in it; fits it to them after a jump elsewhere. */
  function placeWindow({ change }, points) {
    const fitted = axes.map((input) => fittedRange(points, input));
    if (!ranges || !covers(ranges, axes, points)
      || (REFIT.has(change.kind) && JSON.stringify(fitted) !== JSON.stringify(ranges))) {
      ranges = fitted;
    }
  }

  const toBox = (value, [low, high]) => ((value - low) / (high - low)) * 100;

  function drawAxes(maps) {
    const symbol = (input) => symbolText(network.node(`x.${input}`).symbol);
    const write = (texts, [low, high], name) => {
      setText(texts[0], formatNumber(low));
      setText(texts[1], name);
      setText(texts[2], formatNumber(high));
    };
    write(dom.acrossText, ranges[0], symbol(axes[0]));
    if (maps.curve) write(dom.upText, vertical, symbolText(network.node(shown).symbol));
    else write(dom.upText, ranges[1], symbol(axes[1]));
    setAttribute(dom.map, 'data-across', String(axes[0]));
    setAttribute(dom.map, 'data-up', maps.curve ? null : String(axes[1]));
    setAttribute(dom.map, 'data-across-range', ranges[0].join(' '));
    setAttribute(dom.map, 'data-up-range', maps.curve ? null : ranges[1].join(' '));
    setAttribute(dom.map, 'data-shown', shown);
    const over = maps.curve ? `over ${symbol(axes[0])}` : `over ${symbol(axes[0])} (across) and ${symbol(axes[1])} (up)`;
    setAttribute(dom.map, 'aria-label', `The input plane: ${symbolText(network.node(shown).symbol)} ${over}. `
      + 'Click to add a point; select one with a click, move it with the arrow keys, remove it with Delete.');
  }

  function drawMap(maps, map, scale) {
    setHidden(dom.heat, maps.curve);
    if (maps.curve) {
      const [low, high] = vertical;
      const n = maps.resolution;
      overlay.showCurve(Array.from({ length: n }, (_, i) => [
        (i / (n - 1)) * 100, 100 - toBox(maps.values[map.offset + i], [low, high]),
      ]));
      overlay.showBoundary('');
      return;
    }
    overlay.showCurve(null);
    paintMap(dom.heat, maps.values, map.offset, maps.resolution, scale);
    const values = maps.values.subarray(map.offset, map.offset + maps.points);
    overlay.showBoundary(scale.boundary === null ? '' : contourPath(values, maps.resolution, [scale.boundary]));
  }

  /**
   * Draws the points, unless they, their window, their colours and which are held out are as
   * last drawn (while training, only the weights change: 200 points' marks and tooltips were
   * a tenth of a frame).
   */
  function drawPoints({ state }, maps, points, shownIndex) {
    const output = outputNode();
    const scale = scaleOf(maps.maps.get(output.id));
    const { evaluation } = latest.snapshot;
    const results = state.samples ? evaluation.batch.samples : [];
    const held = results.filter((result) => result.test).length;
    const key = [output.id, axes, ranges, vertical, scale.from, scale.to, shownIndex, pointer.selected(),
      results.map((result) => (result.test ? 1 : 0)).join('')].join(' ');
    if (points !== drawnPoints || key !== drawnPointsKey) {
      drawnPoints = points;
      drawnPointsKey = key;
      placePoints(points, results, { k: output.index, scale, curve: maps.curve, shownIndex });
    }
    setAttribute(dom.map, 'data-samples', String(points.length));
    setAttribute(dom.map, 'data-test-samples', String(held));
    setHidden(dom.testKey, held === 0);
    const loss = evaluation.batch ? evaluation.batch.loss : evaluation.loss;
    const counted = held === 0 ? `${points.length} training points` : `${points.length - held} training and ${held} test points`;
    const what = state.samples ? counted : 'the example alone (add a point to start a training set)';
    setText(dom.readout, `${what} · J = ${formatNumber(loss)}. Click to add a point, drag a point to move it, `
      + 'select one and press Delete (or right-click it) to remove it.');
  }

  function placePoints(points, results, { k, scale, curve, shownIndex }) {
    const middle = (scale.from + scale.to) / 2;
    const drawn = points.map((point, i) => {
      const t = point.t[k];
      const test = results[i]?.test === true;
      const y = curve ? toBox(t, vertical) : toBox(point.x[axes[1]], ranges[1]);
      return {
        x: toBox(point.x[axes[0]], ranges[0]),
        y: 100 - y,
        fill: colourAt(fractionOf(scale, t)),
        high: t >= middle,
        test,
        label: `x (${point.x.map((v) => formatNumber(v)).join(', ')}) → t ${point.t.map((v) => formatNumber(v)).join(', ')}`
          + (test ? ' (held out for testing)' : ''),
      };
    });
    pointer.setPoints(drawn);
    overlay.showPoints(drawn, shownIndex, pointer.selected());
  }

  function drawLegend(maps, map, scale) {
    setText(dom.scaleLow, formatNumber(maps.curve ? vertical[0] : scale.from));
    setText(dom.scaleHigh, formatNumber(maps.curve ? vertical[1] : scale.to));
    setText(dom.scaleName, `${symbolText(network.node(shown).symbol)}, this window: ${formatNumber(map.low)} to ${formatNumber(map.high)}`);
    setHidden(dom.boundaryKey, scale.boundary === null || maps.curve);
    setHidden(dom.back, network.node(shown).role === 'output');
  }

  /** A 1-input network's vertical range: the curve and (for an output) the targets, with a margin. */
  function verticalRange(maps, points) {
    const map = maps.maps.get(shown);
    const values = [map.low, map.high];
    if (network.node(shown).role === 'output') values.push(...points.map((p) => p.t[network.node(shown).index]));
    const [low, high] = fittedRange(values.map((v) => ({ x: [v] })), 0);
    return [low, high];
  }

  function render() {
    const { snapshot } = latest;
    if (snapshot.network !== network) build(snapshot.network);
    setValue(dom.across.select, String(axes[0]));
    if (axes.length === 2) setValue(dom.up.select, String(axes[1]));
    const { points, shown: shownIndex } = planePoints(snapshot.state);
    placeWindow(snapshot, points);
    const maps = grid.update(snapshot.state, network, axes, ranges);
    dom.map.classList.toggle('is-stale', Boolean(maps.error));
    if (maps.error) {
      setText(dom.readout, `The plane could not be computed here: ${maps.error.message}`);
      return maps;
    }
    const map = maps.maps.get(shown);
    const scale = scaleOf(map);
    if (maps.curve) vertical = verticalRange(maps, points);
    const key = `${shown} ${vertical}`;
    if (drawnMaps !== maps || drawnKey !== key) {
      drawMap(maps, map, scale);
      drawnMaps = maps;
      drawnKey = key;
    }
    drawAxes(maps);
    drawPoints(snapshot, maps, points, shownIndex);
    drawLegend(maps, map, scale);
    return maps;
  }

  const pointer = createPlanePointer(dom, {
    current: () => latest?.snapshot,
    geometry: () => ({ axes, ranges, vertical, curve: axes.length === 1, output: outputNode().index }),
    target: dom.target.value,
    edit,
    say,
    redraw: rerender,
  });

  /** Redraws now, for a change made here, and asks for a frame so the thumbnails follow. */
  function rerender() {
    if (!latest) return;
    latest.maps = render();
    requestFrame();
  }

  function showNeuron(id) {
    shown = id;
    dom.show.select.value = id;
    rerender();
  }

  dom.show.select.addEventListener('change', () => showNeuron(dom.show.select.value));
  dom.back.addEventListener('click', () => showNeuron(outputNode().id));
  dom.fit.addEventListener('click', () => {
    ranges = null;
    rerender();
  });
  const chooseAxis = (which) => {
    const other = 1 - which;
    const value = Number([dom.across, dom.up][which].select.value);
    if (value === axes[other]) axes[other] = axes[which];
    axes[which] = value;
    ranges = null;
    rerender();
  };
  dom.across.select.addEventListener('change', () => chooseAxis(0));
  dom.up.select.addEventListener('change', () => chooseAxis(1));

  return {
    update(snapshot) {
      if (latest?.snapshot === snapshot) return latest.maps;
      latest = { snapshot };
      latest.maps = render();
      return latest.maps;
    },
    show: showNeuron,
    /** The core's window the plane shows (see plane-window.js), or null before it is placed. */
    window: () => (ranges ? coreWindow(axes, ranges) : null),
    /** Hands over the maps of `state` over `window` computed elsewhere (see plane-grid.js). */
    prefill: grid.prefill,
    get shown() {
      return shown;
    },
  };
}
