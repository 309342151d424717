// The plane panel's elements: its pickers and buttons, the new point's target, the map with its
// axes (the canvas and, in plane-overlay.js, what is drawn over it), the context menu, the
// legend and the readout. Markup only; plane-view.js fills and wires them.

import { htmlElement } from '../../lib/dom.js';
import { paintScaleBar } from './plane-paint.js';
import { createPlaneTarget } from './plane-target.js';
import { RESOLUTION } from './plane-window.js';

const select = (parent, label, attribute) => {
  const field = htmlElement('label', { class: 'field' }, parent, label);
  return { field, select: htmlElement('select', { [attribute]: '' }, field) };
};

/** Builds the panel's elements into `container` and returns them by name. */
export function buildPlaneDom(container) {
  const controls = htmlElement('div', { class: 'tool-controls' }, container);
  const show = select(controls, 'Showing', 'data-plane-show');
  const across = select(controls, 'across', 'data-plane-across');
  const up = select(controls, 'up', 'data-plane-up');
  const back = htmlElement('button', { type: 'button', class: 'button button--small', 'data-action': 'plane-output' },
    controls, 'Back to the output');
  const fit = htmlElement('button', { type: 'button', class: 'button button--small', 'data-action': 'plane-fit' },
    controls, 'Fit to the points');
  const target = createPlaneTarget(htmlElement('div', { class: 'tool-controls' }, container));
  const figure = htmlElement('div', { class: 'plane-figure' }, container);
  const upAxis = htmlElement('div', { class: 'plane-axis plane-axis--up', 'aria-hidden': 'true' }, figure);
  const map = htmlElement('div', {
    class: 'plane-map', 'data-plane': '', tabindex: '0', role: 'application', 'aria-roledescription': 'input plane',
    'aria-describedby': 'plane-readout',
  }, figure);
  const heat = htmlElement('canvas', { class: 'plane-heat', width: String(RESOLUTION), height: String(RESOLUTION) }, map);
  const acrossAxis = htmlElement('div', { class: 'plane-axis plane-axis--across', 'aria-hidden': 'true' }, figure);
  const axisText = (parent) => ['low', 'name', 'high'].map((part) =>
    htmlElement('span', { class: part === 'name' ? 'plane-axis-name' : '' }, parent));
  const upText = axisText(upAxis).reverse();
  const acrossText = axisText(acrossAxis);
  const menu = htmlElement('div', { class: 'plane-menu', role: 'menu', hidden: '' }, figure);
  const remove = htmlElement('button', { type: 'button', role: 'menuitem', class: 'plane-menu-item' }, menu,
    'Remove this point');
  const legend = htmlElement('p', { class: 'tool-key plane-legend' }, container);
  const scaleItem = htmlElement('span', { class: 'key-item' }, legend);
  const scaleLow = htmlElement('span', {}, scaleItem);
  const bar = htmlElement('canvas', { class: 'plane-scale', width: '256', height: '1', 'aria-hidden': 'true' }, scaleItem);
  const scaleHigh = htmlElement('span', {}, scaleItem);
  const scaleName = htmlElement('span', { class: 'plane-scale-name' }, scaleItem);
  htmlElement('span', { class: 'key-item' }, legend, '● t at or above the midpoint · ■ below');
  htmlElement('span', { class: 'key-item' }, legend, '◯ the shown example');
  const boundaryKey = htmlElement('span', { class: 'key-item' }, legend, '— the decision boundary, y = 0.5');
  const testKey = htmlElement('span', { class: 'key-item', hidden: '' }, legend, 'faint, dashed: held out for testing');
  const readout = htmlElement('p', { class: 'plane-readout', id: 'plane-readout', 'aria-live': 'polite' }, container);
  paintScaleBar(bar);
  return {
    show, across, up, back, fit, target, figure, map, heat, upText, acrossText, menu, remove,
    scaleLow, scaleHigh, scaleName, boundaryKey, testKey, readout,
  };
}
