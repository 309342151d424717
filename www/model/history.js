// The record of updates since the learner last jumped elsewhere: the training loss J after each
// update and, with a test split, the held-out samples' loss (the loss curve), and the weights
// visited (the landscape's trajectory). Step-backprop
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
 * 1, 2 … updates), `testLosses` (the test loss beside each, or null without a test split), `path` (`[{ step, weights }]`, weights in the network's `weights` order), `lowest`,
 * `highest` and `version`, which grows whenever the history changes.
 */
export function createHistory() {
  const history = { losses: [], testLosses: [], path: [], lowest: Infinity, highest: -Infinity, version: 0 };
  let seen = null;

  function push(loss, test = null) {
    history.losses.push(loss);
    history.testLosses.push(test);
    for (const value of test === null ? [loss] : [loss, test]) {
      history.lowest = Math.min(history.lowest, value);
      history.highest = Math.max(history.highest, value);
    }
  }

  function clear() {
    history.losses = [];
    history.testLosses = [];
    history.path = [];
    history.lowest = Infinity;
    history.highest = -Infinity;
  }

  /** Removes the last update; with it the only one, nothing is left to plot. */
  function undoLast() {
    const losses = history.losses.length > 2 ? history.losses.slice(0, -1) : [];
    const tests = history.testLosses;
    const path = history.path.slice(0, -1);
    clear();
    losses.forEach((loss, k) => push(loss, tests[k]));
    if (losses.length > 0) history.path = path;
  }

  /** Applies one change of the pass; returns whether the history changed. */
  function apply(snapshot, previous, now) {
    const { change } = snapshot;
    if (isUpdate(snapshot)) {
      if (history.losses.length === 0 && previous) {
        push(previous.loss, previous.test);
        history.path.push({ step: 0, weights: previous.weights });
      }
      if (change.kind === 'train') {
        const tests = change.run.test_losses ?? [];
        change.run.losses.slice(1).forEach((loss, k) => push(loss, tests[k + 1] ?? null));
      }
      push(now.loss, now.test);
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
    seen = {
      loss: objectiveLoss(snapshot.evaluation), test: snapshot.evaluation.test?.loss ?? null, weights: weightsOf(snapshot),
    };
    if (apply(snapshot, previous, seen)) history.version += 1;
  };
  return history;
}
