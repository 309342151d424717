// The status line's sentence for each change of the pass: what the stage found, what was undone,
// or that an edit restarted the pass.

import { formatNumber, symbolText } from './format.js';
import { STAGE_COUNT } from './pass.js';
import { paramByName } from './state.js';

function quantityText(expr) {
  if (expr.kind === 'grad') return `∂E/∂${symbolText(expr.of)}`;
  if (expr.kind === 'sigma_prime') return `σ′(${symbolText(expr.of)})`;
  return symbolText(expr.symbol);
}

function stageResult(stage) {
  const results = stage.formulas
    .filter((formula) => formula.path)
    .map((formula) => `${quantityText(formula.lhs)} = ${formatNumber(formula.value)}`);
  return `Stage ${stage.index} of ${STAGE_COUNT}, ${stage.title}: ${results.join(', ')}.`;
}

function lossChange({ beforeUpdate, evaluation }) {
  return `E went from ${formatNumber(beforeUpdate.evaluation.loss)} to ${formatNumber(evaluation.loss)}.`;
}

/**
 * The sentence for `snapshot` (see pass.js) whose last stage played is `stage` (or null), or null
 * when the status line should keep what it says (a plain edit outside a pass).
 */
export function statusMessage(snapshot, stage) {
  const { change, stageIndex } = snapshot;
  switch (change.kind) {
    case 'load':
      return 'Ready. Drag a parameter, or press Step backprop.';
    case 'reset':
      return 'Reset to the seed values; no stage played.';
    case 'edit':
      return change.restarted
        ? `${symbolText(paramByName(change.name).symbol)} changed: the pass restarted and its gradients were cleared.`
        : null;
    case 'finish':
      return `Finished the pass: every parameter took its step; ${lossChange(snapshot)}`;
    case 'back':
      if (stageIndex === 0) return 'Back at the start of the pass.';
      if (stageIndex === STAGE_COUNT - 1) return `Update undone, parameters restored. ${stageResult(stage)}`;
      return `Stepped back. ${stageResult(stage)}`;
    case 'step':
      if (stageIndex < STAGE_COUNT) return stageResult(stage);
      return `Stage ${STAGE_COUNT} of ${STAGE_COUNT}, ${stage.title}: every parameter took its step; ${lossChange(snapshot)}`;
    default:
      throw new Error(`unknown change ${change.kind}`);
  }
}
