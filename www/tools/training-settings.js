// How training uses the samples, in the Data panel: the held-out test split, the mini-batch size,
// the shuffle seed (the split and the mini-batch order) and L2 regularisation λ. Each field applies
// when the learner leaves it; a value out of range is marked and refused, the state kept.

import { htmlElement, setAttribute, setValue } from '../lib/dom.js';
import { isWhole, numberField, percent, within } from './number-field.js';

/** The settings' values when the state leaves them out. */
const DEFAULTS = { batch_size: 10, shuffle_seed: 1, test_fraction: 0, l2: 0 };

/**
 * Builds the fields into `container`. `commands.setting(key, value, fallback, what)` applies one;
 * `tell(text)` shows why a value was refused. Controller: `update(state)`, which shows the state's
 * values in the fields not being edited.
 */
export function createTrainingSettings(container, { commands, tell }) {
  const row = htmlElement('div', { class: 'tool-controls' }, container);
  const testField = numberField(row, 'Test split %', { min: '0', max: '90', step: '5', 'data-test-fraction': '' });
  const batchField = numberField(row, 'Mini-batch', { min: '1', max: '500', step: '1', 'data-batch-size': '' });
  const shuffleField = numberField(row, 'Shuffle seed', { min: '0', max: '4294967295', step: '1', 'data-shuffle-seed': '' });
  const l2Field = numberField(row, 'L2 λ', { min: '0', max: '10', step: 'any', 'data-l2': '' });
  htmlElement('p', { class: 'tool-key' }, container,
    'The test split is held out: training never sees it. Mini-batches apply when updates use mini-batches '
    + '(Samples panel). L2 adds ½λ·Σw² to J, so each weight\'s gradient gains λw (weights only: biases are not regularised).');

  const settings = [
    { field: testField, label: 'The test split', key: 'test_fraction', accept: within(0, 90), toState: (v) => v / 100, toField: (v) => Number((v * 100).toPrecision(12)),
      why: 'a percentage from 0 to 90', what: (v) => `Test split: ${percent(v)} of the samples are held out.` },
    { field: batchField, label: 'The mini-batch size', key: 'batch_size', accept: isWhole(1, 500), toState: (v) => v, toField: (v) => v,
      why: 'a whole number from 1 to 500', what: (v) => `Mini-batches of ${v} samples.` },
    { field: shuffleField, label: 'The shuffle seed', key: 'shuffle_seed', accept: isWhole(0, 4294967295), toState: (v) => v, toField: (v) => v,
      why: 'a whole number of 0 or more', what: (v) => `Shuffle seed ${v}: a new test split and mini-batch order.` },
    { field: l2Field, label: 'L2 λ', key: 'l2', accept: within(0, 10), toState: (v) => v, toField: (v) => v,
      why: 'a number from 0 to 10', what: (v) => (v === 0 ? 'L2 regularisation off.' : `L2 regularisation λ = ${v}: J gains ½λ·Σw².`) },
  ];
  for (const setting of settings) {
    setting.field.addEventListener('change', () => {
      const value = setting.field.valueAsNumber;
      const good = Number.isFinite(value) && setting.accept(value);
      setAttribute(setting.field, 'aria-invalid', good ? null : 'true');
      if (!good) {
        tell(`${setting.label} must be ${setting.why}; it stays as it was.`);
        return;
      }
      const stateValue = setting.toState(value);
      tell(commands.setting(setting.key, stateValue, DEFAULTS[setting.key], setting.what(stateValue)) ?? '');
    });
  }

  return {
    update(state) {
      for (const setting of settings) {
        if (document.activeElement === setting.field) continue;
        setValue(setting.field, String(setting.toField(state[setting.key] ?? DEFAULTS[setting.key])));
        setAttribute(setting.field, 'aria-invalid', null);
      }
    },
  };
}
