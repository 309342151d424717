// Number fields of the tool panels, the checks their values pass, and how a fraction reads.

import { htmlElement } from '../lib/dom.js';
import { formatNumber } from '../lib/format.js';

/** A number field labelled `label`, with `attributes` (its data attribute among them), in `parent`. */
export function numberField(parent, label, attributes) {
  const wrapper = htmlElement('label', { class: 'field' }, parent, label);
  return htmlElement('input', { type: 'number', class: 'field-number', ...attributes }, wrapper);
}

/** A check that a value is a whole number from `low` to `high`. */
export const isWhole = (low, high) => (value) => Number.isInteger(value) && value >= low && value <= high;

/** A check that a value is from `low` to `high`. */
export const within = (low, high) => (value) => value >= low && value <= high;

/** A fraction as a percentage: `0.25` → `25 %`. */
export const percent = (fraction) => `${formatNumber(fraction * 100, 3)} %`;
