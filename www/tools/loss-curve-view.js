// The loss curve: the training loss after each update (Step backprop or training) and, with a
// test split, the held-out samples' loss beside it (dashed), on a linear or a log scale, with the
// target loss as a dashed line. Long runs are thinned to at most 400 points.

import { htmlElement, setAttribute, setHidden, setText, svgElement } from '../lib/dom.js';
import { formatNumber, svgNumber } from '../lib/format.js';
import { createRadioGroup } from '../lib/radio-group.js';

const WIDTH = 400;
const HEIGHT = 190;
const PLOT = { left: 58, right: 392, top: 10, bottom: 164 };
const MAX_POINTS = 400;
const SCALES = {
  linear: { toAxis: (loss) => loss, fromAxis: (value) => value },
  log: { toAxis: (loss) => Math.log10(Math.max(loss, Number.MIN_VALUE)), fromAxis: (value) => 10 ** value },
};

/** Indices of at most MAX_POINTS points spread evenly over `count`, the first and last included. */
function thinned(count) {
  const shown = Math.min(count, MAX_POINTS);
  if (shown === 1) return [0];
  return Array.from({ length: shown }, (_, k) => Math.round((k * (count - 1)) / (shown - 1)));
}

function axisRange(history, target, scale) {
  const values = [history.lowest, history.highest, ...(target === null ? [] : [target])].map(scale.toAxis);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high > low ? 0 : Math.abs(low) * 0.1 || 1;
  return [low - pad, high + pad];
}

function buildAxes(svg) {
  const grid = [0, 0.5, 1].map((fraction) => {
    const y = PLOT.top + fraction * (PLOT.bottom - PLOT.top);
    svgElement('line', { class: 'curve-grid', x1: PLOT.left, x2: PLOT.right, y1: y, y2: y }, svg);
    return svgElement('text', { class: 'curve-tick', x: PLOT.left - 6, y: y + 4, 'text-anchor': 'end' }, svg);
  });
  const firstStep = svgElement('text', { class: 'curve-tick', x: PLOT.left, y: HEIGHT - 8 }, svg);
  const lastStep = svgElement('text', { class: 'curve-tick', x: PLOT.right, y: HEIGHT - 8, 'text-anchor': 'end' }, svg);
  firstStep.textContent = '0';
  return { grid, lastStep };
}

/**
 * Builds the curve into `container`, with its linear / log switch. Controller:
 * `update(history, target, symbol)`, where `target` is the target loss (or null) and `symbol`
 * names the loss (`J` or `E`); it redraws only when one of them or the scale changed.
 */
export function createLossCurveView(container) {
  const svg = svgElement('svg', {
    class: 'loss-curve', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, 'data-loss-curve': '', 'data-points': '0',
    role: 'img', 'aria-label': 'Loss curve',
  }, container);
  const axes = buildAxes(svg);
  const targetLine = svgElement('line', { class: 'curve-target', x1: PLOT.left, x2: PLOT.right }, svg);
  const line = svgElement('polyline', { class: 'curve-line' }, svg);
  const testLine = svgElement('polyline', { class: 'curve-line curve-line--test', 'data-test-curve': '' }, svg);
  const last = svgElement('circle', { class: 'curve-last', r: 3.5 }, svg);
  const hint = svgElement('text', {
    class: 'curve-hint', x: (PLOT.left + PLOT.right) / 2, y: 90, 'text-anchor': 'middle',
  }, svg);
  hint.textContent = 'Train, or play a pass to its update, to plot the loss.';
  let scaleName = 'log';
  let drawn = null;
  let latest = null;

  function draw(history, target, symbol) {
    const { losses } = history;
    const indices = losses.length > 0 ? thinned(losses.length) : [];
    setAttribute(svg, 'data-points', String(indices.length));
    setAttribute(svg, 'data-scale', scaleName);
    setAttribute(svg, 'aria-label', indices.length === 0 ? `Loss curve of ${symbol}: no updates yet`
      : `Loss curve of ${symbol} over ${losses.length - 1} updates: `
        + `from ${formatNumber(losses[0])} to ${formatNumber(losses.at(-1))}`);
    hint.classList.toggle('is-hidden', indices.length > 0);
    for (const element of [line, last]) element.classList.toggle('is-hidden', indices.length === 0);
    targetLine.classList.toggle('is-hidden', indices.length === 0 || target === null);
    const tested = indices.filter((i) => history.testLosses[i] !== null);
    testLine.classList.toggle('is-hidden', tested.length === 0);
    setAttribute(svg, 'data-test-points', String(tested.length));
    setHidden(legend, tested.length === 0);
    if (indices.length === 0) return;
    const scale = SCALES[scaleName];
    const [low, high] = axisRange(history, target, scale);
    const yOf = (loss) => PLOT.bottom - ((scale.toAxis(loss) - low) / (high - low)) * (PLOT.bottom - PLOT.top);
    const xOf = (step) => PLOT.left + (losses.length > 1 ? step / (losses.length - 1) : 0) * (PLOT.right - PLOT.left);
    const points = indices.map((i) => `${svgNumber(xOf(i), 1)},${svgNumber(yOf(losses[i]), 1)}`);
    setAttribute(line, 'points', points.join(' '));
    setAttribute(testLine, 'points', tested.map((i) => `${svgNumber(xOf(i), 1)},${svgNumber(yOf(history.testLosses[i]), 1)}`).join(' '));
    const [lastX, lastY] = points.at(-1).split(',');
    setAttribute(last, 'cx', lastX);
    setAttribute(last, 'cy', lastY);
    axes.grid.forEach((label, k) => setText(label, formatNumber(scale.fromAxis(high - (k / 2) * (high - low)))));
    setText(axes.lastStep, `${losses.length - 1} step${losses.length === 2 ? '' : 's'}`);
    if (target !== null) {
      setAttribute(targetLine, 'y1', yOf(target).toFixed(1));
      setAttribute(targetLine, 'y2', yOf(target).toFixed(1));
    }
  }

  function render() {
    const [history, target, symbol] = latest;
    const key = `${history.version} ${target} ${symbol} ${scaleName}`;
    if (key === drawn) return;
    drawn = key;
    draw(history, target, symbol);
  }

  const legend = htmlElement('p', { class: 'tool-key curve-legend' }, container);
  legend.hidden = true;
  htmlElement('span', { class: 'key-item' }, legend, '— training loss (J)');
  htmlElement('span', { class: 'key-item key-item--test' }, legend, '‒ ‒ test loss: the mean E over the held-out samples, never trained on');
  const scaleGroup = createRadioGroup(container, {
    attribute: 'data-loss-scale',
    legend: 'Scale',
    choices: [{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }],
  }, (value) => {
    scaleName = value;
    if (latest) render();
  });
  scaleGroup.show(scaleName);

  return {
    update(history, target, symbol) {
      latest = [history, target, symbol];
      render();
    },
  };
}
