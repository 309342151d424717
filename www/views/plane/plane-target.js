// The target a new point gets: class 0 or class 1 (a toggle), or a typed value.

import { htmlElement } from '../../lib/dom.js';

const CHOICES = [
  { value: '0', label: 'class 0' },
  { value: '1', label: 'class 1' },
  { value: 'typed', label: 'value' },
];

/**
 * Builds the control into `container`. Controller: `value()`, the target a new point gets, or
 * null when the typed value is not a finite number (the field is then marked invalid).
 */
export function createPlaneTarget(container) {
  const fieldset = htmlElement('fieldset', { class: 'choices plane-target', 'data-plane-target': '' }, container);
  htmlElement('legend', { class: 'choices-legend' }, fieldset, 'New point’s t');
  const inputs = CHOICES.map((choice, i) => {
    const label = htmlElement('label', { class: 'choice' }, fieldset);
    const input = htmlElement('input', { type: 'radio', name: 'plane-target', value: choice.value }, label);
    input.checked = i === 1;
    htmlElement('span', { class: 'choice-label' }, label, choice.label);
    return input;
  });
  const typed = htmlElement('input', {
    type: 'number', class: 'field-number', step: 'any', value: '0.5', inputmode: 'decimal',
    'aria-label': 'A new point’s target value', 'data-plane-target-value': '',
  }, fieldset);
  typed.addEventListener('input', () => {
    inputs[2].checked = true;
    typed.removeAttribute('aria-invalid');
  });

  return {
    value() {
      const chosen = inputs.find((input) => input.checked)?.value ?? '1';
      if (chosen !== 'typed') return Number(chosen);
      const value = typed.value.trim() === '' ? NaN : Number(typed.value);
      if (Number.isFinite(value)) return value;
      typed.setAttribute('aria-invalid', 'true');
      return null;
    },
  };
}
