// The training worker: a second instance of the core, off the page's thread, that runs one
// frame's training steps and computes the input plane at the state they reach, so that while
// training the page's own thread only draws (issue 12: the two calls were ~5 ms of a 16.7 ms
// frame); and the loss landscape's surface, so that a slider drag never waits for one. See
// worker-client.js for the page's side; every message is answered in order:
//   { id, state, steps, stopBelow, window }  →  { id, run, maps }  or  { id, error }
//   { id, kind: 'landscape', state, window }  →  { id, surface }  or  { id, error }
// where `run` is the core's trainRun and `maps` its plane at `run.state` over `window` (null
// when there is no window or no step was taken; `{ error }` when the core refuses the window).
// Training never changes the samples, so the run's states (`state`, `evaluation.next`) come back
// with `samples: null`: the page has them, and cloning 200 of them twice was a millisecond.

import init, { landscape, plane, trainRun } from '../pkg/backprop_viz.js';

const ready = init().then(() => self.postMessage({ ready: true }), (error) => {
  self.postMessage({ failed: error.message });
  throw error;
});

const withoutSamples = (state) => (state?.samples ? { ...state, samples: null } : state);

/** `run` with its states' samples left for the page to put back. */
function slim(run) {
  const evaluation = run.evaluation && { ...run.evaluation, next: withoutSamples(run.evaluation.next) };
  return { ...run, state: withoutSamples(run.state), ...(evaluation && { evaluation }) };
}

/** The plane at `state` over `window`, without the training set (the maps do not depend on it). */
function mapsAt(state, window) {
  const { samples, ...rest } = state;
  try {
    return plane(samples ? rest : state, window);
  } catch (error) {
    return { error: error.message };
  }
}

self.addEventListener('message', async ({ data }) => {
  await ready;
  const { id, kind, state, steps, stopBelow, window } = data;
  let answer;
  try {
    if (kind === 'landscape') {
      self.postMessage({ id, surface: landscape(state, window) });
      return;
    }
    const run = trainRun(state, steps, stopBelow ?? undefined);
    const maps = window && run.steps > 0 ? mapsAt(run.state, window) : null;
    answer = { id, run: slim(run), maps };
  } catch (error) {
    answer = { id, error: error.message };
  }
  self.postMessage(answer, answer.maps instanceof Float64Array ? [answer.maps.buffer] : []);
});
