// Editing the training set on the input plane: adding, moving and removing a sample. Each is a
// pure function from a state to the next one. The picture keeps showing the sample it showed
// (its x and t follow it when it moves); a state without samples trains on its example alone, so
// the first added point makes that example the first sample.

import { shownSample } from './state.js';

const samplesOf = (state) => state.samples ?? [{ x: state.x, t: state.t }];

/** `state` with the training set `samples` (none left: no `samples` field). */
function withSamples(state, samples) {
  const next = { ...state, samples };
  if (samples.length === 0) delete next.samples;
  return next;
}

/** A new sample `{ x, t }` added at the end of the training set (the example becomes the first). */
export function addSample(state, sample) {
  return withSamples(state, [...samplesOf(state), sample]);
}

/**
 * Sample `index` moved: `moved` is `{ x }` or `{ x, t }`. When it is the one the picture shows
 * (or the state has no samples and it is the example), the example moves with it.
 */
export function moveSample(state, index, moved) {
  if (!state.samples) return { ...state, ...moved };
  const shown = shownSample(state) === index;
  const samples = state.samples.map((sample, i) => (i === index ? { ...sample, ...moved } : sample));
  return shown ? { ...withSamples(state, samples), ...moved } : withSamples(state, samples);
}

/**
 * Sample `index` removed. When it was the shown one, the picture shows the sample now at its
 * place (or the last). The example itself cannot be removed: null when there is nothing else.
 */
export function removeSample(state, index) {
  if (!state.samples || state.samples.length <= 1) return null;
  const shown = shownSample(state) === index;
  const samples = state.samples.filter((_, i) => i !== index);
  const next = withSamples(state, samples);
  if (!shown) return next;
  const { x, t } = samples[Math.min(index, samples.length - 1)];
  return { ...next, x, t };
}

/** The points the plane draws: the samples, or the example alone; `shown` is the ringed one. */
export function planePoints(state) {
  const points = samplesOf(state);
  return { points, shown: state.samples ? shownSample(state) : 0 };
}
