// A rounded label in the SVG — a muted name and a value, e.g. "w⁽¹⁾₁₂ 0.4000" — that sizes itself
// to its text and carries the full value in a tooltip.

import { setAttribute, setText, svgElement } from '../lib/dom.js';

const HEIGHT = 20;
const PADDING = 7;

/**
 * Creates a pill in `parent` with CSS classes `className`, labelling parameter `labelFor` (its
 * `data-label-for`, so that pointing at the parameter marks it too). Its controller: `element`,
 * `show(name, value, tooltip)`, `hide()`, `place(x, y)` (its centre) and `measure()`; size pills
 * with {@link fitPills} after writing them, so that the browser lays their text out only once.
 */
export function createPill(parent, className, labelFor = null) {
  const group = svgElement('g', { class: `pill ${className} is-hidden` }, parent);
  if (labelFor) group.setAttribute('data-label-for', labelFor);
  const tooltip = svgElement('title', {}, group);
  const background = svgElement('rect', { height: HEIGHT, rx: HEIGHT / 2 }, group);
  const text = svgElement('text', { 'text-anchor': 'middle', dy: '0.35em' }, group);
  const nameSpan = svgElement('tspan', { class: 'pill-name' }, text);
  const valueSpan = svgElement('tspan', { class: 'pill-value' }, text);
  let centreX = 0;
  let needsFit = false;

  return {
    element: group,

    show(name, value, tooltipText) {
      if (group.classList.contains('is-hidden')) {
        group.classList.remove('is-hidden');
        needsFit = true;
      }
      setText(tooltip, tooltipText);
      const nameText = name ? `${name} ` : '';
      if (nameSpan.textContent !== nameText || valueSpan.textContent !== value) {
        nameSpan.textContent = nameText;
        valueSpan.textContent = value;
        needsFit = true;
      }
    },

    hide() {
      group.classList.add('is-hidden');
    },

    place(x, y) {
      centreX = x;
      setAttribute(text, 'x', String(x));
      setAttribute(text, 'y', String(y));
      setAttribute(background, 'y', String(y - HEIGHT / 2));
      needsFit = true;
    },

    /** Measures the text (a layout read) and returns a function that writes the new size. */
    measure() {
      if (!needsFit || group.classList.contains('is-hidden')) return null;
      needsFit = false;
      const width = Math.ceil(text.getComputedTextLength()) + 2 * PADDING;
      return () => {
        setAttribute(background, 'width', String(width));
        setAttribute(background, 'x', String(centreX - width / 2));
      };
    },
  };
}

/** Sizes every pill whose text or place changed: all reads first, then all writes. */
export function fitPills(pills) {
  const writes = [];
  for (const pill of pills) {
    const write = pill.measure();
    if (write) writes.push(write);
  }
  for (const write of writes) write();
}
