// The loss landscape: the training loss J over a window of two chosen parameters, all others held,
// computed by the core in one call and drawn as colours and contours, with the current point, the
// direction of steepest descent and the path of updates. Clicking, dragging or arrow keys on the
// map set the two parameters; the window re-centres only when the point leaves it. With many
// samples the grid is coarser; while training the surface waits; and once the first surface is
// drawn, the next ones (a slider dragged) are computed by the training worker, one at a time, so
// an input never waits for one (until the worker has loaded, they are computed here, at most a
// tenth of the time). `[data-landscape]` carries `data-surface`: `ready` once the surface shown is
// the state's, `pending` while it is being computed, `waiting` while training, `refused` when the
// core could not compute it (the reason is shown).

import { setAttribute, setText } from '../lib/dom.js';
import { formatNumber, symbolText } from '../lib/format.js';
import { colourScale, paintHeatmap } from './heatmap.js';
import { contourPath } from './contours.js';
import { createLandscapeOverlay } from './landscape-overlay.js';
import { objectiveGradient, objectiveLoss, objectiveSymbol } from '../model/objective.js';
import { readParam, withParam } from '../model/state.js';

const RESOLUTION = 101;
/** Forward passes one landscape may cost: 101 × 101 points at 4 samples (XOR); more samples draw a coarser grid. */
const PASS_BUDGET = RESOLUTION * RESOLUTION * 4;
const MIN_RESOLUTION = 21;
/** While the surface keeps changing (a slider dragged; training makes it wait instead), recomputing it takes at most 1 / SHARE of the time. */
const SHARE = 10;
const CONTOUR_LEVELS = 12;
const ARROW_KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

const settable = (value) => Number(value.toPrecision(4));

/** The frame's window: `[low, high]` along each axis, centred on its centre. */
function rangesOf({ centre, span }) {
  return centre.map((middle) => [middle - span, middle + span]);
}

/** The grid's points per side for `state`: 101, fewer with many samples, so one call stays short. */
function resolutionFor(state) {
  const examples = state.samples?.length ?? 1;
  return Math.max(MIN_RESOLUTION, Math.min(RESOLUTION, Math.floor(Math.sqrt(PASS_BUDGET / examples))));
}

/** Sizes the heatmap canvas to `size` pixels a side, each pixel centred on its grid point. */
function sizeCanvas(canvas, size) {
  canvas.width = size;
  canvas.height = size;
  const overhang = 50 / (size - 1);
  for (const side of ['left', 'top']) canvas.style.setProperty(side, `${-overhang}%`);
  for (const extent of ['width', 'height']) canvas.style.setProperty(extent, `${100 + 2 * overhang}%`);
}

function contourLevels(scale) {
  return Array.from({ length: CONTOUR_LEVELS }, (_, k) =>
    scale.low + ((k + 0.5) / CONTOUR_LEVELS) * (scale.high - scale.low));
}

/**
 * Wires the panel in `container` (see index.html: `[data-landscape]` and its controls).
 * `compute(state, window)` is the core's landscape and `background` the worker's (see
 * core/engine.js; optional); `edit(values)` sets parameters as the sliders do; `current()` is
 * the state now, perhaps not drawn yet; `requestFrame()` asks for a frame, in which the page calls
 * `update` (a surface the worker sends, or one put off, is drawn there, within the frame's
 * schedule, never in a task of its own). Controller: `update(snapshot, history, training,
 * withSurface)`, the surface deferred while training runs, and `drawSurface()`.
 */
export function createLandscapeView(container, { compute, background = null, edit, current, requestFrame }) {
  const map = container.querySelector('[data-landscape]');
  const canvas = map.querySelector('canvas');
  const overlay = createLandscapeOverlay(map);
  const pickers = { a: container.querySelector('[data-landscape-a]'), b: container.querySelector('[data-landscape-b]') };
  const spanPicker = container.querySelector('[data-landscape-span]');
  const text = (name) => container.querySelector(`[data-text="${name}"]`);
  let frame = null;
  let surface = null;
  let latest = null;
  let drawn = {};
  let network = null;
  let axes = null;
  let nextSurfaceAt = 0;
  let surfaceFrame = null;
  let deferred = null;
  let asked = null;
  /** The surface the worker last refused: computed here instead, where the error is shown. */
  let refused = null;
  /** The worker's last answer, `{ answer, request }`, drawn by the next `update`. */
  let arrived = null;
  const symbolOf = (name) => symbolText(network.param(name).symbol);

  /** Fills the pickers with `next`'s weights; keeps the axes where they still exist. */
  function build(next) {
    network = next;
    const output = next.weights.filter((name) => name.startsWith(`w${next.depth}.`) || name.startsWith(`b${next.depth}.`));
    const defaults = output.length >= 2 ? output.slice(0, 2) : next.weights.slice(-2);
    for (const [which, fallback] of [['a', defaults[0]], ['b', defaults[1]]]) {
      const picker = pickers[which];
      picker.replaceChildren(...next.weights.map((name) => new Option(`${symbolOf(name)} (${next.param(name).hint})`, name)));
      picker.value = axes && next.hasParam(axes[which]) ? axes[which] : fallback;
    }
    if (pickers.a.value === pickers.b.value) [pickers.a.value, pickers.b.value] = defaults;
    axes = { a: pickers.a.value, b: pickers.b.value };
    drawn = {};
    surface = null;
  }

  const pointOf = (state) => [readParam(state, axes.a), readParam(state, axes.b)];
  const gridStep = () => (2 * frame.span) / (RESOLUTION - 1);

  function inside(point) {
    return rangesOf(frame).every(([low, high], i) =>
      point[i] >= low - gridStep() / 2 && point[i] <= high + gridStep() / 2);
  }

  function toBox([a, b]) {
    const [[aLow], [bLow]] = rangesOf(frame);
    return [((a - aLow) / (2 * frame.span)) * 100, 100 - ((b - bLow) / (2 * frame.span)) * 100];
  }

  function surfaceKey(state) {
    const held = withParam(withParam({ ...state, lr: 0 }, axes.a, 0), axes.b, 0);
    return JSON.stringify([held, axes, frame]);
  }

  function windowOf(state) {
    const [aRange, bRange] = rangesOf(frame);
    return { a: axes.a, b: axes.b, a_range: aRange, b_range: bRange, resolution: resolutionFor(state) };
  }

  function drawSurface(state) {
    const started = performance.now();
    const result = compute(state, windowOf(state));
    nextSurfaceAt = performance.now() + (SHARE - 1) * (performance.now() - started);
    paintSurface(result, frame);
  }

  /**
   * Asks the worker for the surface of `state` (one request at a time); the answer waits for the
   * next frame, which draws it if the window is still the one it was asked for and asks anew if
   * the surface changed meanwhile.
   */
  function askSurface(state, key) {
    const request = { key, frame };
    asked = request;
    background.landscape(state, windowOf(state)).then((answer) => {
      asked = null;
      arrived = { answer, request };
      requestFrame();
    });
  }

  /** Draws the worker's answer, if one came since the last frame. */
  function takeArrived() {
    if (arrived === null) return;
    const { answer, request } = arrived;
    arrived = null;
    if (answer.lost) surface = null;
    else if (answer.error) refused = request.key;
    else if (request.frame === frame) {
      const started = performance.now();
      paintSurface(answer.surface, request.frame);
      nextSurfaceAt = performance.now() + (SHARE - 1) * (performance.now() - started);
      surface = request.key;
    }
  }

  function showError(error) {
    map.classList.add('is-stale');
    setAttribute(map, 'data-surface', 'refused');
    setText(text('readout'), `The landscape could not be computed here: ${error.message}`);
  }

  function paintSurface(result, surfaceAt) {
    const [aRange, bRange] = rangesOf(surfaceAt);
    const resolution = result.a_values.length;
    surfaceFrame = surfaceAt;
    map.classList.remove('is-stale');
    if (canvas.width !== resolution) sizeCanvas(canvas, resolution);
    setAttribute(map, 'data-resolution', String(resolution));
    const scale = colourScale(result);
    paintHeatmap(canvas, scale, resolution);
    overlay.showContours(contourPath(scale.shade, resolution, contourLevels(scale)));
    setText(text('min'), formatNumber(result.min));
    setText(text('max'), formatNumber(result.max));
    setAttribute(map, 'data-min', String(result.min));
    setAttribute(map, 'data-max', String(result.max));
    setText(text('scale'), scale.logarithmic ? 'log scale' : 'linear scale');
    const ranges = { 'a-min': aRange[0], 'a-max': aRange[1], 'b-min': bRange[0], 'b-max': bRange[1] };
    for (const [name, value] of Object.entries(ranges)) {
      setAttribute(map, `data-${name}`, String(value));
      setText(text(name), formatNumber(value));
    }
  }

  function drawPoint({ state, evaluation }) {
    const point = pointOf(state);
    const [x, y] = toBox(point);
    const gradient = objectiveGradient(evaluation);
    const loss = objectiveSymbol(state);
    overlay.showPoint(x, y);
    overlay.showArrow(x, y, -readParam(gradient, axes.a), readParam(gradient, axes.b));
    setAttribute(map, 'data-point', point.join(' '));
    setText(text('readout'), `${symbolOf(axes.a)} = ${formatNumber(point[0])}, ${symbolOf(axes.b)} = `
      + `${formatNumber(point[1])}: ${loss} = ${formatNumber(objectiveLoss(evaluation))}, `
      + `∂${loss}/∂${symbolOf(axes.a)} = ${formatNumber(readParam(gradient, axes.a))}, `
      + `∂${loss}/∂${symbolOf(axes.b)} = ${formatNumber(readParam(gradient, axes.b))}`);
  }

  function drawPath(history) {
    const [ia, ib] = [network.weights.indexOf(axes.a), network.weights.indexOf(axes.b)];
    overlay.showPath(history.path.map(({ weights }) => toBox([weights[ia], weights[ib]])));
  }

  /**
   * Draws the point and the path, and the surface unless `withSurface` is false (see `update`);
   * with `computeHere` false, only a surface the worker computes (see `drawSurface`).
   */
  function render(withSurface = true, computeHere = true) {
    if (withSurface) takeArrived();
    const { snapshot, history } = latest;
    if (snapshot.network !== network) {
      build(snapshot.network);
      chooseAxis('a', 'b', false);
    }
    const point = pointOf(snapshot.state);
    if (!frame || !inside(point)) frame = { centre: point, span: Number(spanPicker.value) };
    const key = surfaceKey(snapshot.state);
    // While training runs the surface waits (it costs a pass over every sample at every grid
    // point) and only the point and the path move; it is redrawn in the frame training stops.
    const waiting = latest.training && surface !== null && key !== surface;
    map.classList.toggle('is-waiting', waiting);
    setAttribute(map, 'data-surface', (key === surface && 'ready') || (waiting && 'waiting') || 'pending');
    clearTimeout(deferred);
    // Once a surface is drawn, the next ones come from the worker, so that a slider drag never
    // waits for the core; drawing them (or, until the worker has loaded, computing them too)
    // takes at most 1 / SHARE of the time.
    if (key !== surface && surface !== null) background?.start();
    const soon = !waiting && key !== surface && surface !== null && frame === surfaceFrame && performance.now() < nextSurfaceAt;
    const ahead = !waiting && key !== surface && surface !== null && key !== refused && background?.ready;
    // Without the surface's turn, or when it would be computed here (the worker not loaded yet,
    // or a surface it refused) while only the worker's may be drawn, only the point and the path
    // move, over the surface last drawn for this window.
    const held = !waiting && key !== surface && surface !== null && frame === surfaceFrame
      && (!withSurface || (!computeHere && !ahead));
    if (held || soon || ahead) {
      // The surface changed again soon after the last one: draw it a little later.
      if (held) deferred = null;
      else if (soon) deferred = setTimeout(requestFrame, nextSurfaceAt - performance.now());
      else if (!asked) askSurface(snapshot.state, key);
      if (drawn.state !== snapshot.state) drawPoint(snapshot);
      if (drawn.version !== history.version) drawPath(history);
      drawn = { state: snapshot.state, surface: drawn.surface, version: history.version };
      return;
    }
    try {
      if (key !== surface && !waiting) {
        drawSurface(snapshot.state);
        surface = key;
        setAttribute(map, 'data-surface', 'ready');
      }
      map.classList.remove('is-stale');
    } catch (error) {
      showError(error);
      return;
    }
    if (drawn.state !== snapshot.state || drawn.surface !== surface) drawPoint(snapshot);
    if (drawn.version !== history.version || drawn.surface !== surface) drawPath(history);
    drawn = { state: snapshot.state, surface, version: history.version };
  }

  function recentre() {
    frame = null;
    if (latest) render();
  }

  function chooseAxis(which, other, redraw = true) {
    if (pickers[which].value === axes[other]) pickers[other].value = axes[which];
    axes = { a: pickers.a.value, b: pickers.b.value };
    setAttribute(map, 'data-a', axes.a);
    setAttribute(map, 'data-b', axes.b);
    for (const axis of ['a', 'b']) setText(text(`${axis}-symbol`), symbolOf(axes[axis]));
    setAttribute(map, 'aria-label', `Loss landscape over ${symbolOf(axes.a)} (across) and ${symbolOf(axes.b)} `
      + '(up): click, drag or use the arrow keys to move the point');
    frame = null;
    if (redraw && latest) render();
  }

  function moveTo(a, b) {
    edit({ [axes.a]: settable(a), [axes.b]: settable(b) });
  }

  function pointerAt(event) {
    const box = map.getBoundingClientRect();
    const across = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
    const up = Math.min(Math.max((box.bottom - event.clientY) / box.height, 0), 1);
    const [[aLow], [bLow]] = rangesOf(frame);
    moveTo(aLow + across * 2 * frame.span, bLow + up * 2 * frame.span);
  }

  map.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || !frame) return;
    map.setPointerCapture(event.pointerId);
    map.focus({ preventScroll: true });
    pointerAt(event);
  });
  map.addEventListener('pointermove', (event) => {
    if (map.hasPointerCapture(event.pointerId)) pointerAt(event);
  });
  map.addEventListener('keydown', (event) => {
    const direction = ARROW_KEYS[event.key];
    if (!direction || !latest || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const step = gridStep() * (event.shiftKey ? 10 : 1);
    const [a, b] = pointOf(current());
    moveTo(a + direction[0] * step, b + direction[1] * step);
  });
  pickers.a.addEventListener('change', () => chooseAxis('a', 'b'));
  pickers.b.addEventListener('change', () => chooseAxis('b', 'a'));
  spanPicker.addEventListener('change', recentre);
  container.querySelector('[data-action="recentre"]').addEventListener('click', recentre);
  for (const control of container.querySelectorAll('select, button')) control.disabled = false;

  return {
    /**
     * Shows `snapshot` and the `history` of updates; while `training`, the surface waits; with
     * `withSurface` false (a drag's frame), only the point and the path move, and the surface
     * waits for `drawSurface()` or the next `update` with it.
     */
    update(snapshot, history, training = false, withSurface = true) {
      latest = { snapshot, history, training };
      render(withSurface);
    },

    /**
     * Draws the surface of the last `update`'s snapshot, if it is not drawn yet and the worker
     * computes it: a drag's frame never computes a surface on the page's thread (~4–15 ms); one
     * the worker cannot give waits for the drag's end.
     */
    drawSurface() {
      if (latest) render(true, false);
    },
  };
}
