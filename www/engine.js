// The only module that talks to the WebAssembly core. It hands out plain, deeply frozen objects,
// so no view can change what the core computed.

import init, { defaultState, evaluate, stageList, stages } from './pkg/backprop_viz.js';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Loads the core and returns its functions:
 * - `seedState()`: the seed notebook's state;
 * - `evaluate(state)`: `{ z1, h, z2, y, loss, grad, next }` (throws an Error naming the bad field);
 * - `stages(state)`: the ten stages of one pass, with their formulas;
 * - `stageList()`: the ten stages' `{ id, index, title }`, without computing anything.
 */
export async function loadEngine() {
  await init();
  return Object.freeze({
    seedState: () => deepFreeze(defaultState()),
    evaluate: (state) => deepFreeze(evaluate(state)),
    stages: (state) => deepFreeze(stages(state)),
    stageList: () => deepFreeze(stageList()),
  });
}
