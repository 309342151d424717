// The parameter panel: for every parameter a slider and a number field, kept in sync, grouped by
// layer, labelled with the picture's symbols; after an update each shows its change Δ.

import { htmlElement, setAttribute, setText } from './dom.js';
import { formatChange, formatEditable, fullValue, symbolText } from './format.js';
import { PARAM_GROUPS, paramByName, readParam } from './state.js';

function buildRow(param, groupElement, onEdit) {
  const id = `param-${param.name.replaceAll('.', '-')}`;
  const row = htmlElement('div', { class: 'param', 'data-param': param.name }, groupElement);
  const label = htmlElement('label', { class: 'param-label', for: `${id}-range`, id: `${id}-label` }, row);
  htmlElement('span', { class: 'param-symbol' }, label, symbolText(param.symbol));
  htmlElement('span', { class: 'param-hint' }, label, param.hint);
  const range = htmlElement('input', {
    type: 'range', id: `${id}-range`, min: param.min, max: param.max, step: param.step,
  }, row);
  const number = htmlElement('input', {
    type: 'number', step: 'any', inputmode: 'decimal', class: 'param-number',
    'aria-labelledby': `${id}-label exact-value-label`,
  }, row);
  const change = htmlElement('span', { class: 'param-change', hidden: '' }, row);
  const message = htmlElement('p', { class: 'param-message', id: `${id}-message`, 'aria-live': 'polite', hidden: '' }, row);
  number.setAttribute('aria-describedby', message.id);
  const cells = { param, row, range, number, change, message };

  range.addEventListener('input', () => onEdit(param.name, Number(range.value)));
  number.addEventListener('input', () => {
    const junk = junkProblem(number);
    const refusal = junk ? `${junk}: ${symbolText(param.symbol)} keeps ${formatEditable(Number(row.dataset.value))}.`
      : onEdit(param.name, number.valueAsNumber);
    showMessage(cells, refusal);
    setAttribute(number, 'aria-invalid', refusal ? 'true' : null);
  });
  number.addEventListener('change', () => {
    number.value = formatEditable(Number(row.dataset.value));
    setAttribute(number, 'aria-invalid', null);
  });
  return cells;
}

/** What is wrong with the number field's text, or null when it holds a finite number. */
function junkProblem(number) {
  if (number.validity.badInput) return 'Not a number, or too large for one';
  if (number.value.trim() === '') return 'The field is empty';
  return Number.isFinite(number.valueAsNumber) ? null : 'Not a finite number';
}

/** Shows `text` under the row, or hides the message when `text` is null. */
function showMessage({ message }, text) {
  if (message.hidden !== (text === null)) message.hidden = text === null;
  setText(message, text ?? '');
}

/**
 * Builds the panel into `container`. `onEdit(name, value)` is called on every input event and
 * returns why the value was refused, or null. A number field given junk (empty, `-`, `1e999`)
 * keeps the last good value and says so beside it until the next good one; a finite value beyond
 * the slider's range is taken, the slider pinned at its end. Controller: `update(snapshot, revealed)`.
 */
export function createControlsView(container, onEdit) {
  htmlElement('span', { id: 'exact-value-label', hidden: '' }, container, 'exact value');
  const rows = [];
  for (const group of PARAM_GROUPS) {
    const fieldset = htmlElement('fieldset', { class: 'param-group' }, container);
    htmlElement('legend', {}, fieldset, group.title);
    for (const name of group.names) rows.push(buildRow(paramByName(name), fieldset, onEdit));
  }

  return {
    update(snapshot, revealed) {
      for (const cells of rows) {
        const { param, row, range, number, change } = cells;
        const value = readParam(snapshot.state, param.name);
        const full = fullValue(value);
        if (row.dataset.value !== full) {
          row.dataset.value = full;
          showMessage(cells, null);
          setAttribute(number, 'aria-invalid', null);
          range.value = full;
          setAttribute(range, 'aria-valuetext', formatEditable(value));
          number.title = full;
          if (document.activeElement !== number) number.value = formatEditable(value);
        }
        const delta = revealed.paramChanges.get(param.name);
        if (change.hidden !== (delta === undefined)) change.hidden = delta === undefined;
        if (delta !== undefined) {
          setText(change, `Δ ${formatChange(delta)}`);
          change.title = `Δ${symbolText(param.symbol)}, the update's step = ${fullValue(delta)}`;
        }
      }
    },
  };
}
