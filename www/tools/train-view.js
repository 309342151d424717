// The Train panel's controls: Train / Pause, the speed (steps per animation frame), when to stop
// (after a number of steps, or once J falls to a target) and the step count so far.

import { setAttribute, setText } from '../lib/dom.js';
import { formatNumber, fullValue } from '../lib/format.js';
import { objectiveLoss, objectiveSymbol } from '../model/objective.js';

const MAX_STEPS = 1000000;

/** The field's number, or `fallback` when empty; null when it is not acceptable. */
function readField(field, accept, fallback) {
  if (field.value.trim() === '') return fallback;
  const value = field.valueAsNumber;
  return Number.isFinite(value) && accept(value) ? value : null;
}

/**
 * Wires the controls in `container`: `[data-action="train"]`, `[data-speed]`, `[data-max-steps]`,
 * `[data-target]` and the `[data-train-readout]`. `onToggle()` hears Train / Pause.
 * Controller: `settings()` (`{ steps, target, stepsPerFrame }`, or null after marking the bad
 * field), `target()` (the target loss shown, or null) and `update(snapshot, history, running)`.
 */
export function createTrainView(container, onToggle) {
  const button = container.querySelector('[data-action="train"]');
  const speed = container.querySelector('[data-speed]');
  const maxSteps = container.querySelector('[data-max-steps]');
  const target = container.querySelector('[data-target]');
  const readout = container.querySelector('[data-train-readout]');
  const stepsOf = (value) => Number.isInteger(value) && value >= 1 && value <= MAX_STEPS;
  const readSteps = () => readField(maxSteps, stepsOf, null);
  const readTarget = () => readField(target, (value) => value >= 0, undefined);

  button.addEventListener('click', onToggle);
  for (const field of [maxSteps, target]) {
    field.addEventListener('input', () => setAttribute(field, 'aria-invalid', null));
  }
  button.disabled = false;

  return {
    settings() {
      const steps = readSteps();
      const stopBelow = readTarget();
      setAttribute(maxSteps, 'aria-invalid', steps === null ? 'true' : null);
      setAttribute(target, 'aria-invalid', stopBelow === null ? 'true' : null);
      if (steps === null || stopBelow === null) return null;
      return { steps, target: stopBelow ?? null, stepsPerFrame: () => Number(speed.value) };
    },

    target: () => readTarget() ?? null,

    update(snapshot, history, running) {
      setText(button, running ? 'Pause' : 'Train');
      button.classList.toggle('is-running', running);
      const loss = objectiveLoss(snapshot.evaluation);
      const steps = Math.max(history.losses.length - 1, 0);
      setText(readout, `Step ${steps} · ${objectiveSymbol(snapshot.state)} = ${formatNumber(loss)}`);
      readout.title = `${objectiveSymbol(snapshot.state)} = ${fullValue(loss)}`;
    },
  };
}
