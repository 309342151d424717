// The maps of one frame: one core call computes every hidden and output neuron's activation over
// the plane's window, and this module only names the pieces of the Float64Array it returns. The
// call is skipped when neither the state nor the window changed since the last one, or when the
// training worker already computed the maps of this state over this window.

import { coreWindow } from './plane-window.js';

/**
 * Reads the core's array for `network` (its hidden and output nodes, in order) over
 * `window`: `{ values, points, resolution, curve, maps }`, where `maps` is id → `{ offset,
 * low, high, activation }` and a map's values are `values[offset … offset + points]`.
 */
function readMaps(values, network, window) {
  const neurons = network.nodes.filter((node) => node.layer > 0);
  const curve = window.up === undefined;
  const points = curve ? window.resolution : window.resolution * window.resolution;
  const ends = neurons.length * points;
  const maps = new Map(neurons.map((node, k) => [node.id, {
    offset: k * points,
    low: values[ends + k],
    high: values[ends + neurons.length + k],
    activation: node.activation,
  }]));
  return { values, points, resolution: window.resolution, curve, maps };
}

/**
 * Controller over `engine.plane`: `update(state, network, axes, ranges)` returns the frame's maps
 * (`{ ..., axes, ranges }`, see readMaps), or `{ error }` when the core refuses the window; the
 * same object while nothing changed. `prefill(state, window, maps)` hands over the core's answer (its Float64Array
 * or `{ error }`) computed elsewhere, for the next `update` at that state and window.
 */
export function createPlaneGrid(engine) {
  let last = null;
  let lastState = null;
  let lastKey = '';
  let prefilled = null;

  function compute(state, window, key) {
    if (prefilled?.state === state && prefilled.key === key) {
      const { maps } = prefilled;
      prefilled = null;
      if (maps.error) throw maps.error;
      return maps;
    }
    // The maps depend on the weights and the shown example, not on the training set: leaving
    // the samples out spares the core reading them every frame.
    const { samples, ...withoutSamples } = state;
    return engine.plane(samples ? withoutSamples : state, window);
  }

  return {
    prefill(state, window, maps) {
      prefilled = { state, key: JSON.stringify(window), maps };
    },

    update(state, network, axes, ranges) {
      const window = coreWindow(axes, ranges);
      const key = JSON.stringify(window);
      if (state === lastState && key === lastKey) return last;
      lastState = state;
      lastKey = key;
      try {
        last = { ...readMaps(compute(state, window, key), network, window), axes, ranges };
      } catch (error) {
        last = { error, axes, ranges };
      }
      return last;
    },
  };
}
