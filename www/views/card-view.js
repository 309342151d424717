// The chain-rule card: the current stage's title, what it means, and its formulas with the live
// numbers substituted. Before the first stage it says how to start.

import { htmlElement } from '../lib/dom.js';
import { formulaParts } from './mathml.js';

const PHASE_NAMES = { forward: 'Forward', loss: 'Loss', backward: 'Backward', update: 'Update' };

function renderIntro(body) {
  htmlElement('p', { class: 'card-explanation' }, body,
    'Press Step backprop (or → / Space) to play one pass of training a stage at a time: forward to '
    + 'the loss, backward through the chain rule, then the update. Each stage shows its formula here, '
    + 'with the live numbers.');
}

function renderStage(body, stage) {
  htmlElement('p', { class: 'card-explanation' }, body, stage.explanation);
  const list = htmlElement('ul', { class: 'formulas' }, body);
  for (const formula of stage.formulas) {
    const item = htmlElement('li', { class: 'formula', 'data-target': formula.target }, list);
    item.append(...formulaParts(formula));
  }
}

/** Builds the card into `container`. Controller: `update(stage, stageCount)`, `stage` null
 * before the pass. */
export function createCardView(container) {
  const header = htmlElement('div', { class: 'card-header' }, container);
  const counter = htmlElement('span', { class: 'card-counter' }, header);
  const title = htmlElement('h2', { class: 'card-title', id: 'card-title' }, header);
  const phase = htmlElement('span', { class: 'phase-badge' }, header);
  const body = htmlElement('div', { class: 'card-body' }, container);
  let shown;
  let shownCount;

  return {
    update(stage, stageCount) {
      if (stage === shown && stageCount === shownCount) return;
      shown = stage;
      shownCount = stageCount;
      body.replaceChildren();
      if (stage === null) {
        counter.textContent = `0 / ${stageCount}`;
        title.textContent = 'The chain rule, stage by stage';
        phase.hidden = true;
        renderIntro(body);
        return;
      }
      counter.textContent = `${stage.index} / ${stageCount}`;
      title.textContent = stage.title;
      phase.hidden = false;
      phase.textContent = PHASE_NAMES[stage.phase];
      phase.dataset.phase = stage.phase;
      renderStage(body, stage);
    },
  };
}
