// The list of the pass's ten stages, marking those played and the current one.

import { htmlElement, setAttribute } from './dom.js';

/** Builds the list into `container` from the stages' `titles`. Controller: `update(stageIndex)`. */
export function createStageListView(container, titles) {
  const list = htmlElement('ol', { class: 'stage-list' }, container);
  const items = titles.map((title, i) => {
    const item = htmlElement('li', { class: 'stage-item' }, list);
    htmlElement('span', { class: 'stage-number', 'aria-hidden': 'true' }, item, String(i + 1));
    htmlElement('span', { class: 'stage-title' }, item, title);
    return item;
  });

  return {
    update(stageIndex) {
      items.forEach((item, i) => {
        item.classList.toggle('is-done', i < stageIndex - 1);
        item.classList.toggle('is-current', i === stageIndex - 1);
        setAttribute(item, 'aria-current', i === stageIndex - 1 ? 'step' : null);
      });
    },
  };
}
