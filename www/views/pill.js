// A rounded label in the SVG — a muted name and a value, e.g. "w⁽¹⁾₁₂ 0.4000" — that sizes itself
// to its text and carries the full value in a tooltip.

import { setAttribute, setText, svgElement } from '../lib/dom.js';

const HEIGHT = 20;
const PADDING = 7;

/**
 * A value's shape for its width: every digit the same, since pills set figures tabular
 * (network.css), so "0.4123" and "0.5871" are equally wide and only a new shape needs a layout read.
 */
const shapeOf = (value) => value.replace(/[0-9]/g, '0');

/**
 * Widths of names and of value shapes measured, keyed with the pill's classes (they decide the
 * weight and whether the stylesheet shows it: a hidden pill measures 0) and shared by every
 * pill, so that a few frames into a training run no frame needs a layout read. Placing pills (a
 * new layout) clears it; it never holds more than `MAX_WIDTHS`.
 */
const widths = new Map();
const MAX_WIDTHS = 4000;

function widthOf(span, key) {
  let width = widths.get(key);
  if (width === undefined) {
    width = span.getComputedTextLength();
    if (widths.size >= MAX_WIDTHS) widths.clear();
    widths.set(key, width);
  }
  return width;
}

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
      // A new layout may show or hide the name (narrow screens), so the text is measured anew.
      widths.clear();
    },

    /**
     * Measures the text (a layout read, skipped when its name and value shape were measured) and returns a
     * function that writes the new size.
     */
    measure() {
      if (!needsFit || group.classList.contains('is-hidden')) return null;
      needsFit = false;
      const classes = group.getAttribute('class');
      const length = widthOf(nameSpan, `${classes}\u0000name\u0000${nameSpan.textContent}`)
        + widthOf(valueSpan, `${classes}\u0000value\u0000${shapeOf(valueSpan.textContent)}`);
      const width = Math.ceil(length) + 2 * PADDING;
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
