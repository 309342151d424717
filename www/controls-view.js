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

  range.addEventListener('input', () => onEdit(param.name, Number(range.value)));
  number.addEventListener('input', () => {
    if (number.value !== '' && Number.isFinite(number.valueAsNumber)) {
      const accepted = onEdit(param.name, number.valueAsNumber);
      setAttribute(number, 'aria-invalid', accepted ? null : 'true');
    }
  });
  number.addEventListener('change', () => {
    number.value = formatEditable(Number(row.dataset.value));
    setAttribute(number, 'aria-invalid', null);
  });
  return { param, row, range, number, change };
}

/**
 * Builds the panel into `container`. `onEdit(name, value)` is called on every input event and
 * returns whether the value was accepted. Controller: `update(snapshot, revealed)`.
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
      for (const { param, row, range, number, change } of rows) {
        const value = readParam(snapshot.state, param.name);
        const full = fullValue(value);
        if (row.dataset.value !== full) {
          row.dataset.value = full;
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
