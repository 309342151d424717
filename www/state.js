// The state's editable properties: one table drives the controls, their labels and the link
// (link.js writes each JSON key of PARAMS as one field, and each option under its `link` name).
// Names follow the DOM contract and the state JSON's indices: `w1.i.j` is input i → hidden j.
// The options (loss convention, update rule, batch or per-sample) and the samples live here too.

const WEIGHT_RANGE = { min: -4, max: 4, step: 0.01 };

function param(name, symbol, hint, range) {
  const [key, ...indices] = name.split('.');
  return Object.freeze({ name, key, indices: indices.map(Number), symbol, hint, ...range });
}

function symbol(base, sub = '', sup = '') {
  return Object.freeze({ base, sub, sup });
}

/** Every parameter the learner can edit, in display order. */
export const PARAMS = Object.freeze([
  param('x.0', symbol('x', '1'), 'input 1', { min: -2, max: 2, step: 0.01 }),
  param('x.1', symbol('x', '2'), 'input 2', { min: -2, max: 2, step: 0.01 }),
  param('t.0', symbol('t'), 'target', { min: 0, max: 1, step: 0.01 }),
  param('w1.0.0', symbol('w', '11', '(1)'), 'x₁ → h₁', WEIGHT_RANGE),
  param('w1.0.1', symbol('w', '12', '(1)'), 'x₁ → h₂', WEIGHT_RANGE),
  param('w1.1.0', symbol('w', '21', '(1)'), 'x₂ → h₁', WEIGHT_RANGE),
  param('w1.1.1', symbol('w', '22', '(1)'), 'x₂ → h₂', WEIGHT_RANGE),
  param('b1.0', symbol('b', '1', '(1)'), 'bias of h₁', WEIGHT_RANGE),
  param('b1.1', symbol('b', '2', '(1)'), 'bias of h₂', WEIGHT_RANGE),
  param('w2.0.0', symbol('w', '1', '(2)'), 'h₁ → y', WEIGHT_RANGE),
  param('w2.1.0', symbol('w', '2', '(2)'), 'h₂ → y', WEIGHT_RANGE),
  param('b2.0', symbol('b', '', '(2)'), 'bias of y', WEIGHT_RANGE),
  param('lr', symbol('η'), 'learning rate', { min: 0.001, max: 5, step: 0.001 }),
]);

/** The parameters grouped by layer, as the controls show them. */
export const PARAM_GROUPS = Object.freeze([
  { title: 'Input and target', names: ['x.0', 'x.1', 't.0'] },
  { title: 'Hidden layer: W⁽¹⁾, b⁽¹⁾', names: ['w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1'] },
  { title: 'Output layer: W⁽²⁾, b⁽²⁾', names: ['w2.0.0', 'w2.1.0', 'b2.0'] },
  { title: 'Learning rate', names: ['lr'] },
]);

/** The weights and biases, in the core's order: what training, the gradient check and the map move. */
export const WEIGHT_NAMES = Object.freeze([
  'w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1', 'w2.0.0', 'w2.1.0', 'b2.0',
]);

/** The JSON keys of the parameters, in the table's order: `x`, `t`, `w1`, `b1`, `w2`, `b2`, `lr`. */
export const PARAM_KEYS = Object.freeze([...new Set(PARAMS.map((p) => p.key))]);

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
  mode: {
    legend: 'Updates use',
    link: 'mode',
    choices: [
      { value: 'batch', link: 'batch', label: 'the batch', hint: 'one step on the mean ∂J/∂p' },
      { value: 'per_sample', link: 'each', label: 'each sample', hint: 'one step per sample, in turn' },
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

const PARAMS_BY_NAME = new Map(PARAMS.map((p) => [p.name, p]));

/** The table entry for `name`; throws on an unknown name. */
export function paramByName(name) {
  const found = PARAMS_BY_NAME.get(name);
  if (!found) throw new Error(`unknown parameter ${name}`);
  return found;
}

/** The value of parameter `name` in `state`. */
export function readParam(state, name) {
  const { key, indices } = paramByName(name);
  return indices.reduce((value, index) => value[index], state[key]);
}

/** A new state equal to `state` except that parameter `name` is `value`; `state` is not changed. */
export function withParam(state, name, value) {
  const { key, indices } = paramByName(name);
  return { ...state, [key]: replaceAt(state[key], indices, value) };
}

function replaceAt(container, [index, ...rest], value) {
  if (index === undefined) return value;
  const copy = container.slice();
  copy[index] = replaceAt(container[index], rest, value);
  return copy;
}
