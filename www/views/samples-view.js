// The training samples, when the state has some (XOR): each sample's input, target, output and
// loss; which one the picture shows (pick another to see its own pass); the mean loss J; and
// whether updates use the batch's mean gradient or one sample at a time.

import { htmlElement, setHidden, setText } from '../lib/dom.js';
import { formatEditable, formatNumber, fullValue } from '../lib/format.js';
import { createRadioGroup } from '../lib/radio-group.js';
import { OPTIONS, readOption, shownSample } from '../model/state.js';

const listText = (values) => values.map(formatEditable).join(', ');
const sameValues = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);
/** Whether two training sets hold the same numbers (training hands out a new, equal one each frame). */
const sameSamples = (a, b) => a === b || (a && b && a.length === b.length
  && a.every((sample, i) => sameValues(sample.x, b[i].x) && sameValues(sample.t, b[i].t)));
/** The most samples listed: a dataset's hundreds are for the plane; the list stays short and cheap to redraw. */
const MAX_ROWS = 32;

function buildRow(list, sample, index, onPick) {
  const row = htmlElement('label', { class: 'sample', 'data-sample': String(index) }, list);
  const input = htmlElement('input', { type: 'radio', name: 'sample', value: String(index) }, row);
  htmlElement('span', { class: 'sample-io' }, row, `x (${listText(sample.x)}) → t ${listText(sample.t)}`);
  const output = htmlElement('span', { class: 'sample-output' }, row);
  input.addEventListener('change', () => {
    if (input.checked) onPick(index);
  });
  return { input, output };
}

/**
 * Builds the panel into `container` (hidden while the state has no samples). `onPick(index)` shows
 * a sample; `onMode(value)` sets batch or per-sample updates. Controller: `update(snapshot)`,
 * cheap when nothing changed.
 */
export function createSamplesView(container, { onPick, onMode }) {
  const list = htmlElement('div', {
    class: 'samples', role: 'radiogroup', 'aria-label': 'Sample shown in the picture',
  }, container);
  const more = htmlElement('p', { class: 'samples-more' }, container);
  more.hidden = true;
  const mean = htmlElement('p', { class: 'samples-mean' }, container);
  const mode = createRadioGroup(container, { attribute: 'data-mode', ...OPTIONS.mode }, onMode);
  let rows = [];
  let shownSamples;
  let shownEvaluation;

  return {
    update({ state, evaluation }) {
      setHidden(container, !state.samples);
      if (!state.samples) return;
      if (!sameSamples(state.samples, shownSamples)) {
        shownSamples = state.samples;
        list.replaceChildren();
        rows = state.samples.slice(0, MAX_ROWS).map((sample, index) => buildRow(list, sample, index, onPick));
        more.hidden = state.samples.length <= MAX_ROWS;
        setText(more, `The first ${MAX_ROWS} of ${state.samples.length} samples are listed; J and the training use them all.`);
      }
      const shown = shownSample(state);
      rows.forEach(({ input }, index) => {
        if (input.checked !== (index === shown)) input.checked = index === shown;
      });
      mode.show(readOption(state, 'mode'));
      if (evaluation === shownEvaluation) return;
      shownEvaluation = evaluation;
      evaluation.batch.samples.slice(0, rows.length).forEach((result, index) => {
        const { output } = rows[index];
        setText(output, `y ${formatNumber(result.y[0])} · E ${formatNumber(result.loss)}${result.test ? ' · test' : ''}`);
        output.title = `y = ${fullValue(result.y[0])}\nE = ${fullValue(result.loss)}`;
      });
      const count = state.samples.length;
      const training = count - (evaluation.test?.count ?? 0);
      const over = training === count ? `the ${count} samples` : `the ${training} training samples`;
      const penalty = evaluation.batch.penalty ? ' + ½λ·Σw²' : '';
      setText(mean, `J = mean of E over ${over}${penalty} = ${formatNumber(evaluation.batch.loss)}`);
      mean.title = `J = ${fullValue(evaluation.batch.loss)}`;
    },
  };
}
