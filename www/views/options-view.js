// The conventions the state spells out: which loss (E = (y − t)² or ½(y − t)²) and which update
// rule (descent, or the seed notebook's ascent bug). Each choice is written into the state, so
// every number, formula and card follows it.

import { createRadioGroup } from '../lib/radio-group.js';
import { OPTIONS, readOption } from '../model/state.js';

const SHOWN = [
  { key: 'loss_fn', attribute: 'data-loss-fn' },
  { key: 'update', attribute: 'data-update' },
  { key: 'update_order', attribute: 'data-update-order' },
];

/**
 * Builds the option groups into `container`; `onChoose(key, value)`. Controller: `update(snapshot)`,
 * which checks the state's choices (cheap when nothing changed).
 */
export function createOptionsView(container, onChoose) {
  const groups = SHOWN.map(({ key, attribute }) => ({
    key,
    group: createRadioGroup(container, { attribute, ...OPTIONS[key] }, (value) => onChoose(key, value)),
  }));

  return {
    update(snapshot) {
      for (const { key, group } of groups) group.show(readOption(snapshot.state, key));
    },
  };
}
