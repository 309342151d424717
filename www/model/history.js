// The record of updates since the learner last jumped elsewhere: the training loss J after each
// update (the loss curve) and the weights visited (the landscape's trajectory). Step-backprop
// updates add one point each, a training frame adds its steps; undoing an update removes it.

import { objectiveLoss } from './objective.js';
import { readParam } from './state.js';

const STARTS = new Set(['load', 'preset', 'reset', 'open']);

const weightsOf = ({ state, network }) => network.weights.map((name) => readParam(state, name));
const sameWeights = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);

function isUpdate({ change, stageIndex, network }) {
  if (change.kind === 'train') return change.run.steps > 0;
  return change.kind === 'finish' || (change.kind === 'step' && stageIndex === network.stageCount);
}

/**
 * An empty history. `follow(snapshot)` is given every change of the pass; read `losses` (J after 0,
 * 1, 2 … updates), `path` (`[{ step, weights }]`, weights in the network's `weights` order), `lowest`,
 * `highest` and `version`, which grows whenever the history changes.
 */
export function createHistory() {
  const history = { losses: [], path: [], lowest: Infinity, highest: -Infinity, version: 0 };
  let seen = null;

  function push(loss) {
    history.losses.push(loss);
    history.lowest = Math.min(history.lowest, loss);
    history.highest = Math.max(history.highest, loss);
  }

  function clear() {
    history.losses = [];
    history.path = [];
    history.lowest = Infinity;
    history.highest = -Infinity;
  }

  /** Removes the last update; with it the only one, nothing is left to plot. */
  function undoLast() {
    const losses = history.losses.length > 2 ? history.losses.slice(0, -1) : [];
    const path = history.path.slice(0, -1);
    clear();
    for (const loss of losses) push(loss);
    if (losses.length > 0) history.path = path;
  }

  /** Applies one change of the pass; returns whether the history changed. */
  function apply(snapshot, previous, now) {
    const { change } = snapshot;
    if (isUpdate(snapshot)) {
      if (history.losses.length === 0 && previous) {
        push(previous.loss);
        history.path.push({ step: 0, weights: previous.weights });
      }
      if (change.kind === 'train') for (const loss of change.run.losses.slice(1)) push(loss);
      push(now.loss);
      history.path.push({ step: history.losses.length - 1, weights: now.weights });
      return true;
    }
    if (change.kind === 'back' && snapshot.stageIndex === snapshot.network.stageCount - 1 && history.losses.length > 1) {
      undoLast();
      return true;
    }
    // Anything else that moved the weights or changed J leaves the recorded path: start afresh.
    const jumped = STARTS.has(change.kind) || !previous || now.loss !== previous.loss
      || !sameWeights(now.weights, previous.weights);
    if (!jumped || history.losses.length === 0) return false;
    clear();
    return true;
  }

  history.follow = (snapshot) => {
    const previous = seen;
    seen = { loss: objectiveLoss(snapshot.evaluation), weights: weightsOf(snapshot) };
    if (apply(snapshot, previous, seen)) history.version += 1;
  };
  return history;
}
