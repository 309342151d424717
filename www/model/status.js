// The status line's sentence for each change of the pass: what the stage found, what was undone,
// which preset, option or sample was chosen, which link or file was opened, or that an edit
// restarted the pass.

import { formatEditable, formatNumber, symbolText } from '../lib/format.js';
import { objectiveLoss, objectiveSymbol } from './objective.js';
import { optionChoice, OPTIONS } from './state.js';

/** A quantity as text: `∂E/∂w⁽²⁾₁`, `σ′(z⁽²⁾)`, `h₁`. */
export function quantityText(expr) {
  if (expr.kind === 'grad') return `∂${expr.loss}/∂${symbolText(expr.of)}`;
  if (expr.kind === 'slope') return `${slopeName(expr.function)}(${symbolText(expr.of)})`;
  return symbolText(expr.symbol);
}

const SLOPE_NAMES = { sigmoid: 'σ′', tanh: 'tanh′', relu: 'ReLU′', linear: 'linear′' };
const slopeName = (name) => SLOPE_NAMES[name] ?? `${name}′`;

/** How many results a stage line reads out before it says how many more there are. */
const READ_OUT = 6;

function stageResult(stage, stageCount) {
  const results = stage.formulas
    .filter((formula) => formula.kind !== 'slope')
    .map((formula) => `${quantityText(formula.lhs)} = ${formatNumber(formula.value)}`);
  const more = results.length > READ_OUT ? ` and ${results.length - READ_OUT} more (see the card)` : '';
  return `Stage ${stage.index} of ${stageCount}, ${stage.title}: ${results.slice(0, READ_OUT).join(', ')}${more}.`;
}

function lossChange({ state, beforeUpdate, evaluation }) {
  const before = formatNumber(objectiveLoss(beforeUpdate.evaluation));
  return `${objectiveSymbol(state)} went from ${before} to ${formatNumber(objectiveLoss(evaluation))}.`;
}

/** Where the pass stands: the last stage's result, or that none has been played. */
function positionText(snapshot, stage) {
  const { stageIndex, origin, network } = snapshot;
  const count = network.stageCount;
  if (stageIndex === 0) return `No stage played of “${origin.title}”.`;
  if (stageIndex < count) return stageResult(stage, count);
  return `Stage ${count} of ${count}, ${stage.title}: every parameter took its step; ${lossChange(snapshot)}`;
}

function namesText(names, network) {
  return names.map((name) => symbolText(network.param(name).symbol)).join(' and ');
}

function sampleText({ state }, index) {
  const { x, t } = state.samples[index];
  const input = x.map(formatEditable).join(', ');
  const target = t.length === 1 ? formatEditable(t[0]) : `(${t.map(formatEditable).join(', ')})`;
  return `sample ${index + 1} of ${state.samples.length}, x = (${input}), t = ${target}`;
}

function optionText({ state, stageIndex }, key) {
  const follows = stageIndex > 0 ? 'the stages played so far are replayed under it.' : 'every number follows.';
  if (key === 'train_biases') {
    return state.train_biases === false
      ? `Biases fixed: updates leave every bias as it is; ${follows}` : `Biases trained: updates change them too; ${follows}`;
  }
  const { label, hint } = optionChoice(state, key);
  return `${OPTIONS[key].legend}: ${label} (${hint}); ${follows}`;
}

/**
 * The sentence for `snapshot` (see pass.js) whose last stage played is `stage` (or null), or null
 * when the status line should keep what it says (a plain edit outside a pass).
 */
export function statusMessage(snapshot, stage) {
  const { change, stageIndex } = snapshot;
  switch (change.kind) {
    case 'load':
      return 'Ready. Drag a parameter, press Step backprop, or Train.';
    case 'preset':
      return `Loaded “${snapshot.origin.title}”; no stage played.`;
    case 'reset':
      return `Reset to the start of “${snapshot.origin.title}”; no stage played.`;
    case 'edit':
      return change.restarted
        ? `${namesText(change.names, snapshot.network)} changed: the pass restarted and its gradients were cleared.`
        : null;
    case 'option':
      return optionText(snapshot, change.key);
    case 'sample':
      return `Showing ${sampleText(snapshot, change.sample)}: its own forward and backward pass.`;
    case 'train':
      return null;
    case 'samples':
      return `${change.what}: ${snapshot.state.samples?.length ?? 1} training point${snapshot.state.samples?.length === 1 ? '' : 's'}; `
        + 'the pass restarted.';
    case 'architecture':
      return `${change.what}: the network is now ${snapshot.network.widths.join('-')} `
        + `(${snapshot.network.activations.join(', ')}), ${snapshot.network.weights.length} weights and biases; `
        + 'every weight that still exists kept its value.';
    case 'exercise':
      return `New exercise (seed ${change.seed}): numbers of one decimal for the same network; no stage played.`;
    case 'data':
      return change.what;
    case 'reinit':
      return `Every weight was drawn anew from seed ${change.seed}; no stage played.`;
    case 'finish':
      return `Finished the pass: every parameter took its step; ${lossChange(snapshot)}`;
    case 'back':
      if (stageIndex === 0) return 'Back at the start of the pass.';
      if (stageIndex === snapshot.network.stageCount - 1) {
        return `Update undone, parameters restored. ${stageResult(stage, snapshot.network.stageCount)}`;
      }
      return `Stepped back. ${stageResult(stage, snapshot.network.stageCount)}`;
    case 'step':
      if (change.sample !== undefined) return `Next pass on ${sampleText(snapshot, change.sample)}. ${stageResult(stage, snapshot.network.stageCount)}`;
      return positionText(snapshot, stage);
    case 'undo':
      return `Undone. ${positionText(snapshot, stage)}`;
    case 'redo':
      return `Redone. ${positionText(snapshot, stage)}`;
    case 'open':
      return `Opened ${change.source}, starting from “${snapshot.origin.title}”. ${positionText(snapshot, stage)}`;
    default:
      throw new Error(`unknown change ${change.kind}`);
  }
}

/** The sentence for a training run that ended (see trainer.js), at `snapshot`. */
export function trainingMessage({ reason, taken, target, error }, snapshot) {
  const { test, batch } = snapshot.evaluation;
  const accuracy = (value) => `${formatNumber(value * 100, 3)} %`;
  const held = test ? `, test loss ${formatNumber(test.loss)}${test.accuracy === undefined ? ''
    : ` (accuracy: train ${accuracy(batch.accuracy)}, test ${accuracy(test.accuracy)})`}` : '';
  const loss = `${objectiveSymbol(snapshot.state)} = ${formatNumber(objectiveLoss(snapshot.evaluation))}${held}`;
  const steps = `${taken} step${taken === 1 ? '' : 's'}`;
  switch (reason) {
    case 'target':
      return taken === 0
        ? `${loss} is already at or below the target ${formatNumber(target)}: lower the target to train further.`
        : `Trained ${steps}: ${loss} reached the target ${formatNumber(target)}.`;
    case 'limit':
      return `Trained ${steps}: ${loss}.`;
    case 'paused':
      return `Training paused after ${steps}: ${loss}.`;
    case 'error':
      return `Training stopped after ${steps}: step ${taken + 1} failed (${error.message}). `
        + 'The parameters stay at the last good step.';
    default:
      throw new Error(`unknown training outcome ${reason}`);
  }
}
