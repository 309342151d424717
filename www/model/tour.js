// Guided walk-throughs as data (see www/tours/): where each step starts, the numbers its text
// cites and whether its task is done. Nothing here touches the DOM, so Node tests resolve every
// text against the real core.
//
// A step's `setup` says where it starts, as plain JSON: `{ preset, arch?, init?, set?, train?,
// then?, stage? }` — the example, then another architecture (`{ widths, activations }`, reshaped
// by the core), every weight drawn anew from seed `init`, fields of the state replaced (`set`),
// `train` training steps taken, fields replaced after them (`then`), and `stage` stages of the
// pass played (a count, or a stage's id: up to and including it). `variants` name other setups, each
// written as changes to the step's own (`{ set: { update_order: 'simultaneous' } }`).
//
// A text cites numbers only through templates, filled from the core at that step:
//   {loss} {y.0} {h1.0} {z1.0} {grad.w2.0.0} {slope.z1.0} {next.w2.0.0}   the pass at the setup
//   {w2.0.0} {x.0} {lr}     the state's own numbers
//   {J}  {after.J}          the training loss now, and after one update
//   {before.loss}           the pass before the update, once the setup has played it
//   {…@name}                the same in variant `name`;  {…:8}  with 8 significant digits
//   {sym:w2.0.0}            a parameter's symbol, w⁽²⁾₁, as the core names it

import { formatNumber, symbolText } from '../lib/format.js';
import { decodeTourLink } from './link.js';
import { readOption } from './state.js';

const TEMPLATE = /\{([^{}]+)\}/g;

/** Every setup field, merged: a variant's `set` adds to the step's. */
function merged(base, change = {}) {
  return {
    ...base,
    ...change,
    set: { ...(base.set ?? {}), ...(change.set ?? {}) },
    then: { ...(base.then ?? {}), ...(change.then ?? {}) },
  };
}

/**
 * Where `setup` starts: `{ origin, state, stageIndex }` as a link opens it (the state the pass
 * starts from, its first `stageIndex` stages played). Throws an Error naming what is wrong.
 */
export function setupAt(engine, presets, setup) {
  const origin = presets.find((preset) => preset.id === setup.preset);
  if (!origin) throw new Error(`there is no example “${setup.preset}”`);
  let state = { ...origin.state };
  if (setup.arch) state = { ...engine.reshape(state, setup.arch) };
  if (setup.init !== undefined && setup.init !== null) state = { ...engine.reinitialize(state, setup.init) };
  state = { ...state, ...(setup.set ?? {}) };
  if (setup.train) state = { ...engine.trainRun(state, setup.train).state };
  state = { ...state, ...(setup.then ?? {}) };
  const valid = engine.validateState(state);
  const network = engine.network(valid);
  return { origin, state: valid, stageIndex: Math.min(stagesPlayed(network.stages, setup.stage ?? 0), network.stageCount) };
}

/** How many stages `stage` stands for: a count, or a stage's id (`grad_w1`: up to and including it). */
function stagesPlayed(stages, stage) {
  if (typeof stage === 'number') return stage;
  const index = stages.findIndex((s) => s.id === stage);
  if (index < 0) throw new Error(`this network has no stage “${stage}”`);
  return index + 1;
}

/**
 * The setup a walk-through link (`tour=<id>&step=<n>`) opens, with `tour: { id, index }`; null
 * when `text` is not a walk-through link. Throws an Error saying what is wrong.
 */
export function decodeTourStart(text, tours, engine, presets) {
  const place = decodeTourLink(text, tours);
  if (!place) return null;
  const step = tours.find((tour) => tour.id === place.id).steps[place.index];
  return { ...setupAt(engine, presets, step.setup), tour: place };
}

const objective = (evaluation) => evaluation.batch?.loss ?? evaluation.loss;

/** The values a setup's templates read: the pass as the page shows it at that stage. */
function environment(engine, presets, setup) {
  const { state, stageIndex } = setupAt(engine, presets, setup);
  const network = engine.network(state);
  const start = engine.evaluate(state);
  const updated = stageIndex === network.stageCount;
  const shown = updated ? engine.evaluate(start.next) : start;
  const shownState = updated ? start.next : state;
  const after = engine.evaluate(shown.next);
  return {
    network,
    read(path) {
      const [head, ...rest] = path.split('.');
      if (path === 'J') return objective(shown);
      if (path === 'after.J') return objective(after);
      if (head === 'after') return walk(after, rest);
      if (head === 'before') {
        if (!updated) throw new Error(`${path} needs a setup whose update has been played`);
        return walk(start, rest) ?? walk(state, rest);
      }
      if (head in shown) return walk(shown, [head, ...rest]);
      return walk(shownState, [head, ...rest]);
    },
  };
}

function walk(value, keys) {
  return keys.reduce((at, key) => (at === undefined || at === null ? undefined : at[key]), value);
}

/**
 * Step `step`'s text with every template filled from the core. Throws an Error naming a
 * template that does not resolve to a finite number (or a known symbol).
 */
export function stepText(engine, presets, step) {
  const environments = new Map();
  const at = (variant) => {
    if (!environments.has(variant)) {
      const change = variant ? step.variants?.[variant] : {};
      if (!change) throw new Error(`the step has no variant “${variant}”`);
      environments.set(variant, environment(engine, presets, merged(step.setup, change)));
    }
    return environments.get(variant);
  };
  return step.text.replace(TEMPLATE, (_, template) => {
    if (template.startsWith('sym:')) return symbolText(at('').network.param(template.slice(4)).symbol);
    const [body, digits] = template.split(':');
    const [path, variant = ''] = body.split('@');
    const env = at(variant);
    const value = env.read(path);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`{${template}} is not a number of this step (got ${value})`);
    }
    return formatNumber(value, digits ? Number(digits) : 4);
  });
}

/** Whether the stage a task names has been played (or, with `back`, not yet); false on a network without it. */
function reached({ reach, back }, snapshot) {
  const index = snapshot.network.stages.findIndex((s) => s.id === reach);
  if (index < 0) return false;
  return back ? snapshot.stageIndex <= index : snapshot.stageIndex > index;
}

/** What a step's task counts since the step opened: updates (stage steps or training steps). */
export function createProgress() {
  let updates = 0;
  let last = null;
  return {
    reset(snapshot) {
      updates = 0;
      last = snapshot;
    },
    follow(snapshot) {
      if (snapshot === last) return;
      const { change } = snapshot;
      if (change.kind === 'train') updates += change.run.steps;
      else if (snapshot.beforeUpdate && snapshot.beforeUpdate !== last?.beforeUpdate) updates += 1;
      last = snapshot;
    },
    get updates() {
      return updates;
    },
  };
}

/**
 * Whether `task` is done at `snapshot` (with the step's `progress`). Tasks:
 * `{ reach }` the stage with that id played (or `{ reach: 'grad_w1', back: true }`: stepped back
 * before it); `{ below }` the training loss below it;
 * `{ above }` above it; `{ option, value }` the option chosen; `{ updates }` that many updates.
 * Every condition a task lists must hold.
 */
export function taskDone(task, snapshot, progress) {
  const loss = objective(snapshot.evaluation);
  const checks = [
    task.reach === undefined || reached(task, snapshot),
    task.below === undefined || loss < task.below,
    task.above === undefined || loss > task.above,
    task.option === undefined || readOption(snapshot.state, task.option) === task.value,
    task.updates === undefined || progress.updates >= task.updates,
  ];
  return checks.every(Boolean);
}
