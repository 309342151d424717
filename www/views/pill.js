// A rounded label in the SVG — a muted name and a value, e.g. "w⁽¹⁾₁₂ 0.4000" — that sizes itself
// to its text and carries the full value in a tooltip.

import { setAttribute, setText, svgElement } from '../lib/dom.js';

const HEIGHT = 20;
const PADDING = 7;

/**
 * The text's shape for the width: every digit the same, since pills set figures tabular
 * (network.css), so "0.4123" and "0.5871" are equally wide and only a new shape needs a layout read.
 */
const shapeOf = (nameText, value) => `${nameText}\u0000${value.replace(/[0-9]/g, '0')}`;

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
  let measuredShape = null;
  let measuredWidth = 0;

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
      // A new layout may show or hide the name (narrow screens), so the text is measured anew.
      measuredShape = null;
    },

    /**
     * Measures the text (a layout read, skipped when its shape was measured last) and returns a
     * function that writes the new size.
     */
    measure() {
      if (!needsFit || group.classList.contains('is-hidden')) return null;
      needsFit = false;
      // The classes are part of the key: they decide whether the stylesheet shows the pill (a
      // compact picture hides unlinked ones, and a hidden pill measures 0).
      const shape = `${group.getAttribute('class')}\u0000${shapeOf(nameSpan.textContent, valueSpan.textContent)}`;
      if (shape !== measuredShape) {
        measuredWidth = Math.ceil(text.getComputedTextLength()) + 2 * PADDING;
        measuredShape = shape;
      }
      const width = measuredWidth;
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
