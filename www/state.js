// The state's editable properties: one table drives the controls, their labels and (later) the URL.
// Names follow the DOM contract and the state JSON's indices: `w1.i.j` is input i → hidden j.

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
