// The Undo and Redo buttons.

import { setDisabled } from '../lib/dom.js';

/**
 * Wires the `[data-action="undo"]` and `[data-action="redo"]` buttons in `container` to
 * `actions` ({ undo, redo }). Controller: `update(canUndo, canRedo)`.
 */
export function createUndoView(container, actions) {
  const buttons = ['undo', 'redo'].map((name) => {
    const button = container.querySelector(`[data-action="${name}"]`);
    button.addEventListener('click', () => actions[name]());
    return button;
  });

  return {
    update(...enabled) {
      buttons.forEach((button, i) => {
        setDisabled(button, !enabled[i]);
      });
    },
  };
}
