// The pass's buttons: Step backprop, Step back, Finish and Reset.

import { setDisabled } from '../lib/dom.js';

/**
 * Wires the `[data-action]` buttons in `container` to `actions` ({ step, back, finish, reset })
 * and enables them. Controller: `update(snapshot)`, which disables what cannot be done.
 */
export function createToolbarView(container, actions) {
  const buttons = new Map();
  for (const button of container.querySelectorAll('button[data-action]')) {
    buttons.set(button.dataset.action, button);
    button.addEventListener('click', () => actions[button.dataset.action]());
    button.disabled = false;
  }

  return {
    update(snapshot) {
      setDisabled(buttons.get('back'), snapshot.stageIndex === 0);
      setDisabled(buttons.get('finish'), snapshot.stageIndex === snapshot.network.stageCount);
    },
  };
}
