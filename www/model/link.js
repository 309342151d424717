// A link to the learner's exact setup, as the URL hash and the saved session hold it: short and
// readable.
//
//   #preset=xor&sample=3&w2=0.7,-0.45&lr=2&loss=half&stage=6
//   #preset=seed&arch=2-3-2-1&act=tanh,tanh,sigmoid&x=0.5,0.3&t=0.7&w1=…&b1=…&w2=…&b2=…&w3=…&b3=…
//
// Fields, in the order they are written; all but `preset` only when they differ from the preset:
//   preset     the example the setup starts from (Reset returns there): seed, xor, mazur, …
//   sample     with samples, the one the picture shows, counting from 1 (it stands for x and t)
//   arch act   the layer widths (inputs first) and each layer's activation; with either, every
//              parameter below is written
//   x t w1 b1 … wL bL lr   a parameter's JSON key and its numbers in index order, comma-separated
//              (w1=w1[0][0],w1[0][1],w1[1][0],w1[1][1]); written whole when any number differs,
//              each as String(number), which reads back as the same float (and -0 as -0)
//   loss update order mode   the options by their short names: loss=squared|half|ce,
//              update=descent|ascent, order=simultaneous|output-first, mode=batch|each
//   biases     `fixed` when the update leaves the biases as they are
//   init       the seed new weights are drawn from
//   samples    the samples when they are not the preset's: the x then the t of each, `;` between,
//              or none
//   data       instead of the samples, when they are a generated dataset's points: its name, size,
//              noise and seed (data=circle,200,0.05,7); opening the link generates them again
//   test batch shuffle l2   the training settings: test_fraction, batch_size, shuffle_seed, l2
//   stage      how many stages of the pass are played
//   practice   practice mode is on: `on`, or the pass's score right,hints,missed (e.g. 5,1,0)
// A walk-through's step has its own link, `#tour=<id>&step=<n>` (n from 1): it opens that step
// with the setup the step starts from.
//
// The parameters are those the pass started from: a link at the last stage holds them from before
// the update, and opening it replays the update. Reading checks the state with the core, whose
// Error names the bad field ("w1[0][1] must be a finite number, got NaN").

import { architectureKey, architectureOf } from '../core/network.js';
import { practiceFieldText, readPracticeField } from './practice.js';
import { OPTIONS, readOption, shownSample, withSample } from './state.js';

const OPTION_FIELDS = Object.entries(OPTIONS).map(([key, option]) => ({ key, ...option }));
/** The training settings: their short names in a link and their defaults (left out of the state). */
const SETTINGS = [
  { key: 'test_fraction', link: 'test', fallback: 0 },
  { key: 'batch_size', link: 'batch', fallback: 10 },
  { key: 'shuffle_seed', link: 'shuffle', fallback: 1 },
  { key: 'l2', link: 'l2', fallback: 0 },
];
const FIXED_FIELDS = ['preset', 'sample', 'arch', 'act', 'x', 't', 'lr', ...OPTION_FIELDS.map((option) => option.link),
  'biases', 'init', 'samples', 'data', ...SETTINGS.map((setting) => setting.link), 'stage', 'practice'];

/** The longest address every browser, chat and mail program keeps whole. */
export const SAFE_LINK_LENGTH = 2000;
const LAYER_FIELD = /^[wb][1-9]$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const numberText = (value) => (Object.is(value, -0) ? '-0' : String(value));
const numbersText = (values) => values.map(numberText).join(',');
const readNumber = (text) => (DECIMAL.test(text) ? Number(text) : NaN);
const sameValues = (a, b) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
const isField = (name) => FIXED_FIELDS.includes(name) || LAYER_FIELD.test(name);

/** The JSON keys of a state's numbers, in link order: x, t, w1, b1, …, wL, bL, lr. */
function paramKeys(state) {
  const { widths } = architectureOf(state);
  const layers = widths.slice(1).flatMap((_, l) => [`w${l + 1}`, `b${l + 1}`]);
  return ['x', 't', ...layers, 'lr'];
}

/** The numbers under `key`, flattened row by row. */
const valuesOf = (state, key) => [state[key]].flat(2).filter((v) => v !== undefined);

function samplesText(samples) {
  return samples ? samples.map(({ x, t }) => numbersText([...x, ...t])).join(';') : 'none';
}

function withSamples(state, text) {
  const next = { ...state };
  delete next.samples;
  if (text === 'none') return next;
  const inputs = state.x.length;
  next.samples = text.split(';').map((sample) => {
    const values = sample.split(',').map(readNumber);
    return { x: values.slice(0, inputs), t: values.slice(inputs) };
  });
  return next;
}

/** Which fields stand for x and t: `sample` when the picture shows one of the samples. */
function shownSampleField(state, base) {
  const index = state.samples ? shownSample(state) : -1;
  // A shown x of −0 where the sample has 0 is the same point, but `sample` would not keep its sign.
  const exact = index >= 0 && ['x', 't'].every((key) => sameValues(state[key], state.samples[index][key]));
  if (!exact) return null;
  const moved = ['x', 't'].some((key) => !sameValues(valuesOf(state, key), valuesOf(base, key)));
  return moved ? String(index + 1) : '';
}

/**
 * The link text (without `#`) of the pass that started at `state` from preset `origin`; `practice`
 * is the practice score when practice mode is on (else null).
 */
export function encodeLink({ origin, state, stageIndex, practice = null }) {
  const base = origin.state;
  const fields = [['preset', origin.id]];
  const sample = shownSampleField(state, base);
  if (sample) fields.push(['sample', sample]);
  const arch = architectureOf(state);
  const baseArch = architectureOf(base);
  const reshaped = arch.widths.join() !== baseArch.widths.join();
  const reactivated = arch.activations.join() !== baseArch.activations.join();
  if (reshaped) fields.push(['arch', arch.widths.join('-')]);
  if (reactivated || (reshaped && arch.activations.some((name) => name !== 'sigmoid'))) {
    fields.push(['act', arch.activations.join(',')]);
  }
  for (const key of paramKeys(state)) {
    if (sample !== null && (key === 'x' || key === 't')) continue;
    const values = valuesOf(state, key);
    if (reshaped || reactivated || !sameValues(values, valuesOf(base, key))) fields.push([key, numbersText(values)]);
  }
  for (const option of OPTION_FIELDS) {
    const value = readOption(state, option.key);
    if (value !== readOption(base, option.key)) {
      fields.push([option.link, option.choices.find((choice) => choice.value === value).link]);
    }
  }
  if ((state.train_biases ?? true) !== (base.train_biases ?? true)) {
    fields.push(['biases', state.train_biases === false ? 'fixed' : 'trained']);
  }
  if ((state.init_seed ?? 1) !== (base.init_seed ?? 1)) fields.push(['init', String(state.init_seed ?? 1)]);
  const { dataset } = state;
  const samples = samplesText(state.samples);
  if (dataset) fields.push(['data', [dataset.name, dataset.size, dataset.noise, dataset.seed].map(String).join(',')]);
  else if (samples !== samplesText(base.samples)) fields.push(['samples', samples]);
  for (const { key, link, fallback } of SETTINGS) {
    if ((state[key] ?? fallback) !== (base[key] ?? fallback)) fields.push([link, String(state[key] ?? fallback)]);
  }
  if (stageIndex > 0) fields.push(['stage', String(stageIndex)]);
  if (practice) fields.push(['practice', practiceFieldText(practice)]);
  return fields.map(([name, value]) => `${name}=${value}`).join('&');
}

function readFields(text) {
  let decoded;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw new Error('it holds a stray % that is not part of an escape like %2C');
  }
  const fields = new Map();
  for (const part of decoded.split('&').filter(Boolean)) {
    const [name, value = ''] = part.split(/=(.*)/s, 2);
    if (!isField(name)) {
      throw new Error(`“${name}” is not one of its fields (${FIXED_FIELDS.join(', ')}, and w1, b1, … for the layers)`);
    }
    if (fields.has(name)) throw new Error(`it gives “${name}” twice`);
    fields.set(name, value);
  }
  return fields;
}

function readIndex(text, name, low, high) {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= low && value <= high)) {
    throw new Error(`${name} must be a whole number from ${low} to ${high}, got “${text}”`);
  }
  return value;
}

/** The numbers of `key` in the state's shape; a wrong count is left for the core to name. */
function shaped(state, key, values) {
  const current = state[key];
  if (typeof current === 'number') return { ...state, [key]: values.length === 1 ? values[0] : values };
  if (!Array.isArray(current) || valuesOf(state, key).length !== values.length) return { ...state, [key]: values };
  if (!Array.isArray(current[0])) return { ...state, [key]: values };
  const columns = current[0].length;
  return { ...state, [key]: current.map((_, i) => values.slice(i * columns, (i + 1) * columns)) };
}

function readArch(fields, base) {
  const baseArch = architectureOf(base);
  const widths = fields.has('arch')
    ? fields.get('arch').split('-').map((text) => readIndex(text, 'arch', 1, 8)) : baseArch.widths;
  const sameDepth = widths.length === baseArch.widths.length;
  const activations = fields.has('act') ? fields.get('act').split(',')
    : (sameDepth ? baseArch.activations : Array(widths.length - 1).fill('sigmoid'));
  return { widths, activations };
}

/**
 * Reads link `text` (without `#`) against `presets`, checked by `core` (the engine: its
 * validateState, reshape and network). Returns `{ origin, state, stageIndex, practice }`
 * (`practice` the score when practice mode is on, else null); throws an Error saying what is wrong.
 */
export function decodeLink(text, presets, core) {
  const fields = readFields(text);
  const presetId = fields.get('preset') ?? presets[0].id;
  const origin = presets.find((preset) => preset.id === presetId);
  if (!origin) {
    throw new Error(`there is no example “${presetId}” (the examples are ${presets.map((p) => p.id).join(', ')})`);
  }
  let state = { ...origin.state };
  const arch = readArch(fields, origin.state);
  const baseArch = architectureOf(origin.state);
  if (architectureKey(arch.widths, arch.activations) !== architectureKey(baseArch.widths, baseArch.activations)) {
    state = { ...core.reshape(state, arch) };
  }
  if (fields.has('samples') && fields.has('data')) throw new Error('it gives both samples and data; a link holds one of them');
  if (fields.has('samples')) state = withSamples(state, fields.get('samples'));
  if (fields.has('data')) {
    const [name, size, noise, seed] = fields.get('data').split(',');
    state = { ...core.generateDataset(state, { name, size: readNumber(size ?? ''), noise: readNumber(noise ?? ''), seed: readNumber(seed ?? '') }) };
  }
  if (fields.has('sample')) {
    const count = state.samples?.length ?? 0;
    if (count === 0) throw new Error(`sample=${fields.get('sample')} picks a sample, but this setup has none`);
    state = withSample(state, readIndex(fields.get('sample'), 'sample', 1, count) - 1);
  }
  for (const key of paramKeys(state)) {
    if (fields.has(key)) state = shaped(state, key, fields.get(key).split(',').map(readNumber));
  }
  for (const name of fields.keys()) {
    if (LAYER_FIELD.test(name) && !(name in state)) throw new Error(`${name} is not a layer of this ${arch.widths.join('-')} network`);
  }
  for (const option of OPTION_FIELDS) {
    const value = fields.get(option.link);
    if (value !== undefined) state[option.key] = option.choices.find((choice) => choice.link === value)?.value ?? value;
  }
  if (fields.has('biases')) {
    const value = fields.get('biases');
    if (value !== 'fixed' && value !== 'trained') throw new Error(`biases must be “fixed” or “trained”, got “${value}”`);
    state.train_biases = value === 'trained';
  }
  if (fields.has('init')) state.init_seed = readIndex(fields.get('init'), 'init', 0, 4294967295);
  for (const { key, link } of SETTINGS) {
    if (fields.has(link)) state[key] = readNumber(fields.get(link));
  }
  const valid = core.validateState(state);
  const last = core.network(valid).stageCount;
  const stageIndex = fields.has('stage') ? readIndex(fields.get('stage'), 'stage', 0, last) : 0;
  const practice = fields.has('practice') ? readPracticeField(fields.get('practice')) : null;
  return { origin, state: valid, stageIndex, practice };
}

/** The preset a state loaded from a file starts from: `current` if the samples match, else one that does. */
export function originFor(state, presets, current) {
  const samples = samplesText(state.samples);
  return [current, ...presets].find((preset) => samplesText(preset.state.samples) === samples) ?? current;
}

/**
 * The link of a pass's snapshot (see pass.js): its preset, the state it started from and its
 * stage, and the practice score when practice mode is on.
 */
export function snapshotLink({ origin, state, beforeUpdate, stageIndex }, practice = null) {
  return encodeLink({ origin, state: (beforeUpdate ?? { state }).state, stageIndex, practice });
}

/** The link text of step `step` (from 1) of walk-through `id`. */
export function tourLink({ id, step }) {
  return `tour=${id}&step=${step}`;
}

/**
 * Reads a walk-through link (`tour=<id>&step=<n>`) against `tours`: `{ id, index }` (index from
 * 0), or null when `text` names no walk-through. Throws an Error saying what is wrong.
 */
export function decodeTourLink(text, tours) {
  const fields = new URLSearchParams(text);
  if (!fields.has('tour')) return null;
  const extra = [...fields.keys()].filter((name) => name !== 'tour' && name !== 'step');
  if (extra.length > 0) throw new Error(`a walk-through link holds only tour and step, not “${extra[0]}”`);
  const id = fields.get('tour');
  const tour = tours.find((candidate) => candidate.id === id);
  if (!tour) throw new Error(`there is no walk-through “${id}” (the walk-throughs are ${tours.map((t) => t.id).join(', ')})`);
  const step = fields.has('step') ? readIndex(fields.get('step'), 'step', 1, tour.steps.length) : 1;
  return { id, index: step - 1 };
}
