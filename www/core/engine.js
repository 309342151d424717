// The only module of the page's thread that talks to the WebAssembly core (the training worker,
// train-worker.js, runs its own copy). It hands out plain, deeply frozen objects, so no view can
// change what the core computed, and it keeps one network model per architecture.

import init, {
  describe, evaluate, exercise, finiteDifferences, generateDataset, landscape, mistakeKinds, neuronGraph, numpyScript,
  plane, practice, presets, pytorchScript, reinitialize, reshape, snapshot, stageList, stages, trainRun, validateState,
} from '../pkg/backprop_viz.js';
import { architectureKey, architectureOf, createNetwork } from './network.js';
import { createWorkerClient } from './worker-client.js';
import { decodeQuestions } from './questions.js';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** `state` holding `samples` (in its own `samples` field's place), or as it is without them. */
const withSamples = (state, samples) => (samples && state ? { ...state, samples } : state);

/**
 * `run`, a trainRun's result from `given` (here, or from the worker, which sends its states with
 * `samples: null`: see train-worker.js), holding `given`'s training set itself. Training never
 * changes the samples, so views can tell by identity that the points did not move, and a frame
 * freezes 200 samples no more.
 */
function restoreSamples(given, run) {
  const { evaluation } = run;
  return {
    ...run,
    state: withSamples(run.state, given.samples),
    ...(evaluation && { evaluation: { ...evaluation, next: withSamples(evaluation.next, given.samples) } }),
  };
}

/**
 * Loads the core and returns its functions (each throws an Error naming the bad input):
 * - `presets()`: `[{ id, title, note, state }]`, the seed notebook's state first;
 * - `network(state)`: the model of the state's network (see network.js), one per architecture;
 * - `snapshot(state, { tape })`: `{ evaluation, stages, dataset }`, one pass's values, gradients and
 *   tape in one call; with `tape: false`, without `stages` (see `stages`), for training frames;
 * - `evaluate(state)`: `{ z1 … zL, h1 … h(L−1), y, loss, grad, next, slope, dead, batch? }`;
 * - `stages(state)`: the stages of one pass, with their formulas;
 * - `stageList(state)`: the stages' `{ id, index, title }`, without computing anything;
 * - `reshape(state, { widths, activations })`: the state with another architecture, weights that
 *   still exist kept; `reinitialize(state, seed)`: every weight drawn anew from `seed`;
 * - `trainRun(state, steps, stopBelow)`: `{ state, steps, losses, loss, evaluation?, error? }`,
 *   `evaluation` the pass at `state` as `evaluate` gives it, after a run that took steps;
 * - `background`: the same training off the page's thread, with the plane at the state reached
 *   (see train-worker.js): `ready`, `start()` and `trainRun(state, steps, stopBelow, window)`,
 *   a Promise of `{ run, maps }`, `{ error }` (an Error) or `{ lost: true }` (no worker: train here);
 *   and `landscape(state, window)`, a Promise of `{ surface }` (as `landscape` gives it), `{ error }`
 *   or `{ lost: true }`;
 * - `finiteDifferences(state, eps)`: `[{ name, analytic, numeric, relative_error }]`;
 * - `landscape(state, window)`: the training loss over a grid of two parameters;
 * - `neuronGraph(state, node)`: one neuron's computational graph as a Float64Array (see
 *   src/neuron_graph.rs): per input aᵢ, wᵢⱼ, wᵢⱼ·aᵢ, ∂E/∂wᵢⱼ, wᵢⱼ·δⱼ; then Σ, b, z, a, ∂E/∂a, δ, f′(z);
 * - `plane(state, window)`: every hidden and output neuron's activation over a window of the
 *   inputs, one Float64Array (see src/api/mod.rs; a typed array cannot be frozen, nor need it be:
 *   each call returns a new one);
 * - `validateState(state)`: the state checked and in canonical form, for links and files;
 * - `generateDataset(state, { name, size, noise, seed })`: the state training on a seeded dataset;
 * - `numpyScript(state)`, `pytorchScript(state)`: Python that rebuilds this network and prints
 *   its forward values and gradients;
 * - `practice(state)`: `{ tolerance, stages }`, each formula's value and the mistakes that apply
 *   (see questions.js);
 *   `exercise(state, seed)`: a fresh state of one-decimal numbers for the same network.
 */
export async function loadEngine() {
  await init();
  const worker = createWorkerClient(new URL('./train-worker.js', import.meta.url));
  /** The worker's answer to `message`: `{ lost: true }`, `{ error }` (an Error) or `read(answer)`. */
  const askWorker = (message, read) => worker.request(message).then((answer) => {
    if (answer.lost) return { lost: true };
    if (answer.error !== undefined) return { error: new Error(answer.error) };
    return read(answer);
  });
  const background = Object.freeze({
    get ready() {
      return worker.ready;
    },
    start: worker.start,
    trainRun: (state, steps, stopBelow, window) => askWorker({ state, steps, stopBelow, window }, ({ run, maps }) => ({
      run: deepFreeze(restoreSamples(state, run)), maps: maps?.error ? { error: new Error(maps.error) } : maps,
    })),
    landscape: (state, window) => askWorker({ kind: 'landscape', state, window }, ({ surface }) => ({
      surface: deepFreeze(surface),
    })),
  });
  const networks = new Map();
  const kinds = mistakeKinds().split(',');
  function network(state) {
    const { widths, activations } = architectureOf(state);
    const key = architectureKey(widths, activations);
    let found = networks.get(key);
    if (!found) {
      found = createNetwork(deepFreeze(describe(state)));
      networks.set(key, found);
    }
    return found;
  }
  return Object.freeze({
    presets: () => deepFreeze(presets()),
    network,
    snapshot: (state, { tape = true } = {}) => deepFreeze(snapshot(state, tape)),
    evaluate: (state) => deepFreeze(evaluate(state)),
    stages: (state) => deepFreeze(stages(state)),
    stageList: (state) => deepFreeze(stageList(state)),
    reshape: (state, arch) => deepFreeze(reshape(state, arch)),
    reinitialize: (state, seed) => deepFreeze(reinitialize(state, seed)),
    trainRun: (state, steps, stopBelow) => deepFreeze(restoreSamples(state, trainRun(state, steps, stopBelow))),
    background,
    finiteDifferences: (state, eps) => deepFreeze(finiteDifferences(state, eps)),
    landscape: (state, window) => deepFreeze(landscape(state, window)),
    plane,
    validateState: (state) => deepFreeze(validateState(state)),
    neuronGraph,
    generateDataset: (state, spec) => deepFreeze(generateDataset(state, spec)),
    numpyScript,
    pytorchScript,
    practice: (state) => deepFreeze(decodeQuestions(practice(state), kinds)),
    exercise: (state, seed) => deepFreeze(exercise(state, seed)),
  });
}
