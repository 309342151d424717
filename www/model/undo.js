// Undo and redo over whole snapshots of the pass (see pass.js): its state, preset, options and
// stage. Each command the learner gives is one step; the changes of one continuous interaction
// — a slider dragged, a number typed, a point dragged on the landscape — share a gesture name
// and merge into one step, which ends when the pointer or key is released or the field is left
// (its change event).

import { isTextField } from '../lib/dom.js';

const LIMIT = 500;

/**
 * An undo history starting at `snapshot`. Controller: `record(snapshot, gesture)` after each
 * change (`gesture` null for a command on its own), `endGesture()`, `canUndo`, `canRedo`, and
 * `undo(restore)` / `redo(restore)`, which hand the snapshot to go back to to `restore` and keep
 * what it returns as the present; each returns false when there is nothing to undo or redo.
 */
export function createUndo(snapshot) {
  let present = snapshot;
  let openGesture = null;
  const past = [];
  const future = [];

  function move(from, to, restore) {
    if (from.length === 0) return false;
    to.push(present);
    present = restore(from.pop());
    openGesture = null;
    return true;
  }

  return {
    get canUndo() {
      return past.length > 0;
    },

    get canRedo() {
      return future.length > 0;
    },

    record(next, gesture) {
      if (next === present) return;
      if (gesture === null || gesture !== openGesture) {
        past.push(present);
        if (past.length > LIMIT) past.shift();
      }
      present = next;
      future.length = 0;
      openGesture = gesture;
    },

    endGesture() {
      openGesture = null;
    },

    undo: (restore) => move(past, future, restore),
    redo: (restore) => move(future, past, restore),
  };
}

/**
 * Calls `ended()` whenever an interaction in `target` (the document) ends: the pointer or a key
 * let go, or a control's value committed (main.js ends the undo gesture and a slider's drag).
 */
export function endGesturesOn(target, ended) {
  for (const type of ['pointerup', 'pointercancel', 'change']) {
    target.addEventListener(type, ended, true);
  }
  // A key released in a text field does not end its gesture: typing "0.25" is one step.
  target.addEventListener('keyup', (event) => {
    if (!isTextField(event.target)) ended();
  }, true);
}
