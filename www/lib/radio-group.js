// A set of radio buttons in a fieldset: one choice out of a few, each with a label and a hint.

import { htmlElement } from './dom.js';

/**
 * Builds a fieldset into `container` carrying `attribute` (e.g. `data-loss-fn`, once per page), with `legend`
 * and one radio per `{ value, label, hint? }` of `choices`; `onChoose(value)` hears the learner's
 * choice. Controller: `element` and `show(value)`, which checks that choice without telling.
 */
export function createRadioGroup(container, { attribute, legend, choices }, onChoose) {
  const name = attribute.replace(/^data-/, '');
  const fieldset = htmlElement('fieldset', { class: 'choices', [attribute]: '' }, container);
  htmlElement('legend', { class: 'choices-legend' }, fieldset, legend);
  const inputs = choices.map((choice) => {
    const label = htmlElement('label', { class: 'choice' }, fieldset);
    const input = htmlElement('input', { type: 'radio', name, value: choice.value }, label);
    const text = htmlElement('span', { class: 'choice-text' }, label);
    htmlElement('span', { class: 'choice-label' }, text, choice.label);
    if (choice.hint) htmlElement('span', { class: 'choice-hint' }, text, choice.hint);
    input.addEventListener('change', () => {
      if (input.checked) onChoose(choice.value);
    });
    return input;
  });

  return {
    element: fieldset,
    show(value) {
      for (const input of inputs) {
        if (input.checked !== (input.value === value)) input.checked = input.value === value;
      }
    },
  };
}
