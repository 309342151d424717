// A link to the learner's exact setup, as the URL hash and the saved session hold it: short and
// readable, written and read from the tables in state.js.
//
//   #preset=xor&sample=3&w2=0.7,-0.45&lr=2&loss=half&stage=6
//
// Fields, in the order they are written; all but `preset` only when they differ from the preset:
//   preset     the example the setup starts from (Reset returns there): seed, xor, saturated, ascent
//   sample     with samples, the one the picture shows, counting from 1 (it stands for x and t)
//   x t w1 b1 w2 b2 lr   a parameter's JSON key and its numbers in index order, comma-separated
//              (w1=w1[0][0],w1[0][1],w1[1][0],w1[1][1]); written whole when any number differs,
//              each as String(number), which reads back as the same float (and -0 as -0)
//   loss update mode     the options by their short names: loss=squared|half,
//              update=descent|ascent, mode=batch|each
//   samples    the samples when they are not the preset's: x1,x2,t of each, `;` between, or none
//   stage      how many stages of the pass are played, 1 … 10
// The parameters are those the pass started from: a link at stage 10 holds them from before the
// update, and opening it replays the update. Reading checks the state with the core, whose Error
// names the bad field ("w1[0][1] must be a finite number, got NaN").

import { STAGE_COUNT } from './pass.js';
import { OPTIONS, PARAMS, PARAM_KEYS, readOption, readParam, shownSample, withParam, withSample } from './state.js';

const PARAMS_OF_KEY = new Map(PARAM_KEYS.map((key) => [key, PARAMS.filter((param) => param.key === key)]));
const OPTION_FIELDS = Object.entries(OPTIONS).map(([key, option]) => ({ key, ...option }));
const FIELDS = ['preset', 'sample', ...PARAM_KEYS, ...OPTION_FIELDS.map((option) => option.link), 'samples', 'stage'];
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const numberText = (value) => (Object.is(value, -0) ? '-0' : String(value));
const numbersText = (values) => values.map(numberText).join(',');
const readNumber = (text) => (DECIMAL.test(text) ? Number(text) : NaN);
const valuesOf = (state, key) => PARAMS_OF_KEY.get(key).map((param) => readParam(state, param.name));
const sameValues = (a, b) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

function samplesText(samples) {
  return samples ? samples.map(({ x, t }) => numbersText([...x, ...t])).join(';') : 'none';
}

function withSamples(state, text) {
  const next = { ...state };
  delete next.samples;
  if (text === 'none') return next;
  next.samples = text.split(';').map((sample) => {
    const values = sample.split(',').map(readNumber);
    return { x: values.slice(0, 2), t: values.slice(2) };
  });
  return next;
}

/** Which fields stand for x and t: `sample` when the picture shows one of the samples. */
function shownSampleField(state, base) {
  const index = state.samples ? shownSample(state) : -1;
  if (index < 0) return null;
  const moved = ['x', 't'].some((key) => !sameValues(valuesOf(state, key), valuesOf(base, key)));
  return moved ? String(index + 1) : '';
}

/** The link text (without `#`) of the pass that started at `state` from preset `origin`. */
export function encodeLink({ origin, state, stageIndex }) {
  const base = origin.state;
  const fields = [['preset', origin.id]];
  const sample = shownSampleField(state, base);
  if (sample) fields.push(['sample', sample]);
  for (const key of PARAM_KEYS) {
    if (sample !== null && (key === 'x' || key === 't')) continue;
    const values = valuesOf(state, key);
    if (!sameValues(values, valuesOf(base, key))) fields.push([key, numbersText(values)]);
  }
  for (const option of OPTION_FIELDS) {
    const value = readOption(state, option.key);
    if (value !== readOption(base, option.key)) {
      fields.push([option.link, option.choices.find((choice) => choice.value === value).link]);
    }
  }
  const samples = samplesText(state.samples);
  if (samples !== samplesText(base.samples)) fields.push(['samples', samples]);
  if (stageIndex > 0) fields.push(['stage', String(stageIndex)]);
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
    if (!FIELDS.includes(name)) throw new Error(`“${name}” is not one of its fields (${FIELDS.join(', ')})`);
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
  const params = PARAMS_OF_KEY.get(key);
  if (values.length !== params.length) return { ...state, [key]: values };
  return params.reduce((next, param, i) => withParam(next, param.name, values[i]), state);
}

/**
 * Reads link `text` (without `#`) against `presets`; `validate` is the core's validateState.
 * Returns `{ origin, state, stageIndex }`; throws an Error saying what is wrong.
 */
export function decodeLink(text, presets, validate) {
  const fields = readFields(text);
  const presetId = fields.get('preset') ?? presets[0].id;
  const origin = presets.find((preset) => preset.id === presetId);
  if (!origin) {
    throw new Error(`there is no example “${presetId}” (the examples are ${presets.map((p) => p.id).join(', ')})`);
  }
  let state = { ...origin.state };
  if (fields.has('samples')) state = withSamples(state, fields.get('samples'));
  if (fields.has('sample')) {
    const count = state.samples?.length ?? 0;
    if (count === 0) throw new Error(`sample=${fields.get('sample')} picks a sample, but this setup has none`);
    state = withSample(state, readIndex(fields.get('sample'), 'sample', 1, count) - 1);
  }
  for (const key of PARAM_KEYS) {
    if (fields.has(key)) state = shaped(state, key, fields.get(key).split(',').map(readNumber));
  }
  for (const option of OPTION_FIELDS) {
    const value = fields.get(option.link);
    if (value !== undefined) state[option.key] = option.choices.find((choice) => choice.link === value)?.value ?? value;
  }
  const stageIndex = fields.has('stage') ? readIndex(fields.get('stage'), 'stage', 0, STAGE_COUNT) : 0;
  return { origin, state: validate(state), stageIndex };
}

/** The preset a state loaded from a file starts from: `current` if the samples match, else one that does. */
export function originFor(state, presets, current) {
  const samples = samplesText(state.samples);
  return [current, ...presets].find((preset) => samplesText(preset.state.samples) === samples) ?? current;
}

/** The link of a pass's snapshot (see pass.js): its preset, the state it started from and its stage. */
export function snapshotLink({ origin, state, beforeUpdate, stageIndex }) {
  return encodeLink({ origin, state: (beforeUpdate ?? { state }).state, stageIndex });
}
