// The list of the pass's stages, marking those played and the current one; it follows the
// network's tape (a forward stage per layer, then the loss and the backward stages).

import { htmlElement, setAttribute } from '../lib/dom.js';

/** Builds the list into `container`. Controller: `update(network, stageIndex)`. */
export function createStageListView(container) {
  const list = htmlElement('ol', { class: 'stage-list' }, container);
  let items = [];
  let built = null;

  function build(network) {
    list.replaceChildren();
    items = network.stages.map(({ title, index }) => {
      const item = htmlElement('li', { class: 'stage-item' }, list);
      htmlElement('span', { class: 'stage-number', 'aria-hidden': 'true' }, item, String(index));
      htmlElement('span', { class: 'stage-title' }, item, title);
      return item;
    });
    built = network;
  }

  return {
    update(network, stageIndex) {
      if (network !== built) build(network);
      items.forEach((item, i) => {
        item.classList.toggle('is-done', i < stageIndex - 1);
        item.classList.toggle('is-current', i === stageIndex - 1);
        setAttribute(item, 'aria-current', i === stageIndex - 1 ? 'step' : null);
      });
    },
  };
}
