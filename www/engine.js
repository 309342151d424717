// The only module that talks to the WebAssembly core. It hands out plain, deeply frozen objects,
// so no view can change what the core computed.

import init, {
  evaluate, finiteDifferences, landscape, numpyScript, presets, pytorchScript, stageList, stages, trainRun,
  validateState,
} from './pkg/backprop_viz.js';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Loads the core and returns its functions (each throws an Error naming the bad input):
 * - `presets()`: `[{ id, title, note, state }]`, the seed notebook's state first;
 * - `evaluate(state)`: `{ z1, h, z2, y, loss, grad, next, sigma_prime, batch? }`;
 * - `stages(state)`: the ten stages of one pass, with their formulas;
 * - `stageList()`: the ten stages' `{ id, index, title }`, without computing anything;
 * - `trainRun(state, steps, stopBelow)`: `{ state, steps, losses, loss }`;
 * - `finiteDifferences(state, eps)`: `[{ name, analytic, numeric, relative_error }]`;
 * - `landscape(state, window)`: the training loss over a grid of two parameters;
 * - `validateState(state)`: the state checked and in canonical form, for links and files;
 * - `numpyScript(state)`, `pytorchScript(state)`: Python that rebuilds this network and prints
 *   its forward values and gradients.
 */
export async function loadEngine() {
  await init();
  return Object.freeze({
    presets: () => deepFreeze(presets()),
    evaluate: (state) => deepFreeze(evaluate(state)),
    stages: (state) => deepFreeze(stages(state)),
    stageList: () => deepFreeze(stageList()),
    trainRun: (state, steps, stopBelow) => deepFreeze(trainRun(state, steps, stopBelow)),
    finiteDifferences: (state, eps) => deepFreeze(finiteDifferences(state, eps)),
    landscape: (state, window) => deepFreeze(landscape(state, window)),
    validateState: (state) => deepFreeze(validateState(state)),
    numpyScript,
    pytorchScript,
  });
}
