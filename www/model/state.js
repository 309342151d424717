// Reading and changing the state's numbers by name, its options and its samples. A parameter's
// name follows the DOM contract and the state JSON: `x.0`, `t.0`, `lr`, `w1.0.1` (neuron 0 of
// layer 0 → neuron 1 of layer 1), `b2.0`; the name is its JSON key and its indices, so no table is
// needed to read or write it (its symbol, hint and range come from the core: see network.js).
// One table of options drives their controls and their short names in links.

/**
 * The state's options: for each key, its choices (the core's default first) and their labels;
 * `link` is the option's short name in a link, and each choice's short value there.
 */
export const OPTIONS = Object.freeze({
  loss_fn: {
    legend: 'Loss',
    link: 'loss',
    choices: [
      { value: 'squared', link: 'squared', label: 'E = (y − t)²', hint: 'the seed notebook' },
      { value: 'half_squared', link: 'half', label: 'E = ½(y − t)²', hint: 'most textbooks' },
      { value: 'cross_entropy', link: 'ce', label: 'cross-entropy', hint: '−[t ln y + (1 − t) ln(1 − y)]' },
    ],
  },
  update: {
    legend: 'Update',
    link: 'update',
    choices: [
      { value: 'descent', link: 'descent', label: 'p − η·∂E/∂p', hint: 'gradient descent' },
      { value: 'ascent', link: 'ascent', label: 'p + η·∂E/∂p', hint: 'the notebook\'s bug' },
    ],
  },
  update_order: {
    legend: 'Update order',
    link: 'order',
    choices: [
      { value: 'simultaneous', link: 'simultaneous', label: 'simultaneous', hint: 'every gradient at the old weights' },
      { value: 'output_first', link: 'output-first', label: 'output first', hint: 'Mazur\'s earlier bug: δ through updated weights' },
    ],
  },
  mode: {
    legend: 'Updates use',
    link: 'mode',
    choices: [
      { value: 'batch', link: 'batch', label: 'the batch', hint: 'one step on the mean ∂J/∂p' },
      { value: 'per_sample', link: 'each', label: 'each sample', hint: 'one step per sample, in turn' },
      { value: 'mini_batch', link: 'mini', label: 'mini-batches', hint: 'one step per shuffled mini-batch' },
    ],
  },
});

/** The value of option `key` in `state`: the core leaves defaults out of the JSON. */
export function readOption(state, key) {
  return state[key] ?? OPTIONS[key].choices[0].value;
}

/** The choice of option `key` that `state` uses: `{ value, label, hint }`. */
export function optionChoice(state, key) {
  const value = readOption(state, key);
  return OPTIONS[key].choices.find((choice) => choice.value === value);
}

/** The index of the sample the picture shows (the one whose x and t are the state's), or −1. */
export function shownSample(state) {
  const samples = state.samples ?? [];
  return samples.findIndex((sample) => sample.x.every((value, i) => value === state.x[i])
    && sample.t.every((value, i) => value === state.t[i]));
}

/** A new state showing sample `index`: its x and t become the state's. */
export function withSample(state, index) {
  const { x, t } = state.samples[index];
  return { ...state, x, t };
}

/** A parameter's JSON key and indices: `w1.0.1` → `{ key: 'w1', indices: [0, 1] }`. */
export function parseName(name) {
  const [key, ...indices] = name.split('.');
  return { key, indices: indices.map(Number) };
}

/** The value of parameter `name` in `state`. */
export function readParam(state, name) {
  return paramReader(name)(state);
}

/** A function that reads parameter `name` of a state, its name parsed once: for hot loops. */
export function paramReader(name) {
  const { key, indices } = parseName(name);
  return (state) => indices.reduce((value, index) => value?.[index], state[key]);
}

/** A new state equal to `state` except that parameter `name` is `value`; `state` is not changed. */
export function withParam(state, name, value) {
  const { key, indices } = parseName(name);
  return { ...state, [key]: replaceAt(state[key], indices, value) };
}

function replaceAt(container, [index, ...rest], value) {
  if (index === undefined) return value;
  const copy = container.slice();
  copy[index] = replaceAt(container[index], rest, value);
  return copy;
}
