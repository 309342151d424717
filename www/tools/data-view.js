// The Data panel: generate a seeded dataset (picker, size, noise, seed, Generate), bring the
// learner's own data in and out as CSV (import a file, paste from the clipboard, export), how
// training uses it (training-settings.js), the sample counts and, for classification, the accuracy
// on the training and the test samples; and a warning when the link grows too long to share.
// Every change goes through the core and is one undo step; a refused one leaves the data as it was.

import { htmlElement, setAttribute, setDisabled, setText } from '../lib/dom.js';
import { formatNumber, fullValue } from '../lib/format.js';
import { csvFileName, csvText, parseCsv } from '../model/csv.js';
import { isWhole, numberField, percent, within } from './number-field.js';
import { createTrainingSettings } from './training-settings.js';
import { download } from './transfer.js';

const DATASETS = [
  { value: 'xor', label: 'XOR (its 4 points)' },
  { value: 'xor_clouds', label: 'XOR clouds' },
  { value: 'circle', label: 'Circle' },
  { value: 'blobs', label: 'Two Gaussian blobs' },
  { value: 'spirals', label: 'Two spirals' },
  { value: 'sine', label: 'Sine curve (1 input, regression)' },
];
const SPEC_DEFAULT = { name: 'circle', size: 200, noise: 0.05, seed: 1 };

/**
 * Builds the panel into `container`. `engine` generates and imports; `current()` is the state now;
 * `commands` gives `data(transform, what, failure)` and `setting(key, value, fallback, what)`;
 * `saveState()` downloads the state as JSON. Controller: `update(snapshot)` each frame and
 * `linkLength(length, limit)`, told how long the address is.
 */
export function createDataView(container, { engine, current, commands, saveState }) {
  const generator = htmlElement('div', { class: 'tool-controls' }, container);
  const pickerLabel = htmlElement('label', { class: 'field' }, generator, 'Dataset');
  const picker = htmlElement('select', { 'data-dataset': '' }, pickerLabel);
  // Shown, not chosen, while the samples are the learner's own (imported, edited, a preset's).
  htmlElement('option', { value: '', disabled: '' }, picker, 'Your own data');
  for (const { value, label } of DATASETS) htmlElement('option', { value }, picker, label);
  const size = numberField(generator, 'Points', { min: '4', max: '500', step: '1', 'data-dataset-size': '' });
  const noise = numberField(generator, 'Noise', { min: '0', max: '0.5', step: '0.01', 'data-dataset-noise': '' });
  const seed = numberField(generator, 'Seed', { min: '0', max: '4294967295', step: '1', 'data-dataset-seed': '' });
  const generate = htmlElement('button', { type: 'button', class: 'button button--small', 'data-action': 'generate' }, generator, 'Generate');

  const files = htmlElement('div', { class: 'tool-controls' }, container);
  const importLabel = htmlElement('label', { class: 'button button--small file-button' }, files, 'Import CSV…');
  const fileInput = htmlElement('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'data-csv-import': '' }, importLabel);
  const paste = htmlElement('button', { type: 'button', class: 'button button--small', 'data-action': 'paste-csv' }, files, 'Paste CSV');
  const exportButton = htmlElement('button', { type: 'button', class: 'button button--small', 'data-action': 'export-csv' }, files, 'Export CSV');
  const pasteArea = htmlElement('textarea', {
    class: 'data-paste', rows: '4', 'data-csv-paste': '', 'aria-label': 'Paste CSV here (x1,x2,t with a header row)',
    placeholder: 'Paste CSV here: x1,x2,t then one row per sample',
  }, container);
  pasteArea.hidden = true;
  const message = htmlElement('p', { class: 'data-message', role: 'alert', 'data-data-message': '' }, container);

  const tell = (text) => setText(message, text);
  const training = createTrainingSettings(container, { commands, tell });
  const readout = htmlElement('p', { class: 'data-readout', 'data-data-readout': '' }, container);
  const linkWarning = htmlElement('div', { class: 'data-link-warning', 'data-link-warning': '' }, container);
  linkWarning.hidden = true;
  const linkText = htmlElement('p', {}, linkWarning);
  const linkExport = htmlElement('button', { type: 'button', class: 'button button--small' }, linkWarning, 'Export CSV');
  const linkSave = htmlElement('button', { type: 'button', class: 'button button--small' }, linkWarning, 'Save state (JSON)');

  function readSpec() {
    const spec = { name: picker.value, size: size.valueAsNumber, noise: noise.valueAsNumber, seed: seed.valueAsNumber };
    const bad = [[size, isWhole(4, 500)(spec.size)], [noise, within(0, 0.5)(spec.noise)],
      [seed, isWhole(0, 4294967295)(spec.seed)]];
    for (const [field, good] of bad) setAttribute(field, 'aria-invalid', good ? null : 'true');
    return bad.every(([, good]) => good) ? spec : null;
  }

  /** The generator's fields for `spec`, or (null) the picker on "Your own data", which nothing generates. */
  function showSpec(spec) {
    if (spec === null) {
      picker.value = '';
      generate.disabled = true;
      return;
    }
    lastSpec = spec;
    generate.disabled = false;
    picker.value = spec.name;
    size.value = String(spec.size);
    noise.value = String(spec.noise);
    seed.value = String(spec.seed);
    const xor = spec.name === 'xor';
    size.disabled = xor;
    noise.disabled = xor;
  }

  generate.addEventListener('click', () => {
    const spec = readSpec();
    if (!spec) {
      tell('The dataset needs 4 to 500 points, a noise from 0 to 0.5 and a whole seed of 0 or more.');
      return;
    }
    const label = DATASETS.find((d) => d.value === spec.name).label;
    const refusal = commands.data((state) => engine.generateDataset(state, spec),
      `Generated “${label}”: ${spec.name === 'xor' ? 4 : spec.size} points from seed ${spec.seed}; no stage played.`,
      `The ${label} dataset could not be used`);
    tell(refusal ?? '');
  });
  picker.addEventListener('change', () => {
    generate.disabled = false;
    size.disabled = picker.value === 'xor';
    noise.disabled = picker.value === 'xor';
  });

  /** The state training on the samples of CSV `text`, the shown example the first; throws an Error. */
  function withCsv(state, text) {
    const samples = parseCsv(text, state.x.length, state.t.length);
    const next = { ...state, samples, x: samples[0].x, t: samples[0].t };
    delete next.dataset;
    return engine.validateState(next);
  }

  function importText(text, source) {
    let next;
    try {
      next = withCsv(current(), text);
    } catch (error) {
      tell(`${source} could not be imported: ${error.message}. The data on screen stays as it was.`);
      return;
    }
    const refusal = commands.data(() => next, `Imported ${next.samples.length} samples from ${source}; no stage played.`,
      `${source} could not be imported`);
    tell(refusal ?? '');
  }

  fileInput.addEventListener('change', async () => {
    const [file] = fileInput.files;
    fileInput.value = '';
    if (file) importText(await file.text(), `“${file.name}”`);
  });
  paste.addEventListener('click', async () => {
    let text = null;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      text = null;
    }
    if (text) {
      pasteArea.hidden = true;
      importText(text, 'the clipboard');
      return;
    }
    pasteArea.hidden = false;
    pasteArea.focus();
    tell('The browser did not let the page read the clipboard: paste the CSV into the box below (Ctrl+V or ⌘V).');
  });
  pasteArea.addEventListener('paste', (event) => {
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain');
    pasteArea.value = '';
    importText(text, 'the pasted text');
  });

  function exportCsv() {
    const state = current();
    if (!state.samples) {
      tell('There are no samples to export: generate a dataset or import a file first.');
      return;
    }
    const name = csvFileName(state);
    download(new Blob([csvText(state.samples, state.x.length, state.t.length)], { type: 'text/csv' }), name);
    tell(`Saved ${state.samples.length} samples as ${name}.`);
  }
  exportButton.addEventListener('click', exportCsv);
  linkExport.addEventListener('click', exportCsv);
  linkSave.addEventListener('click', saveState);

  let shownState = null;
  let shownDataset = '';
  let shownSamples;
  let lastSpec = SPEC_DEFAULT;
  let shownEvaluation = null;

  function showReadout({ state, evaluation }) {
    const count = state.samples?.length ?? 0;
    const test = evaluation.test?.count ?? 0;
    const trainAccuracy = evaluation.batch?.accuracy;
    const testAccuracy = evaluation.test?.accuracy;
    setAttribute(readout, 'data-sample-count', String(count));
    setAttribute(readout, 'data-test-samples', String(test));
    setAttribute(readout, 'data-train-accuracy', trainAccuracy === undefined ? null : fullValue(trainAccuracy));
    setAttribute(readout, 'data-test-accuracy', testAccuracy === undefined ? null : fullValue(testAccuracy));
    setAttribute(readout, 'data-test-loss', evaluation.test ? fullValue(evaluation.test.loss) : null);
    if (count === 0) {
      setText(readout, 'No samples: training uses the one example (x, t). Generate a dataset or import a file.');
      return;
    }
    const source = state.dataset ? `${state.dataset.name}, seed ${state.dataset.seed}` : 'your own data';
    const parts = [`${count} samples (${source}): ${count - test} train · ${test} test`];
    if (trainAccuracy !== undefined) {
      parts.push(`accuracy: train ${percent(trainAccuracy)}${testAccuracy === undefined ? '' : ` · test ${percent(testAccuracy)}`}`);
    }
    if (evaluation.test) parts.push(`test loss ${formatNumber(evaluation.test.loss)}`);
    if (evaluation.batch?.penalty) parts.push(`J includes ½λ·Σw² = ${formatNumber(evaluation.batch.penalty)}`);
    setText(readout, `${parts.join('. ')}.`);
  }

  for (const element of [picker, size, noise, seed, generate, fileInput, paste, exportButton]) element.disabled = false;
  showSpec(SPEC_DEFAULT);

  return {
    update(snapshot) {
      const { state, evaluation } = snapshot;
      if (state !== shownState) {
        shownState = state;
        training.update(state);
        // Only a change of the data itself resets the fields (a training frame's state carries an
        // equal dataset), so what the learner typed into them stays.
        const dataset = state.dataset ? `${state.dataset.name},${state.dataset.size},${state.dataset.noise},${state.dataset.seed}` : '';
        if (dataset && dataset !== shownDataset) showSpec(state.dataset);
        else if (!dataset && state.samples && (state.samples !== shownSamples || shownDataset)) showSpec(null);
        else if (!state.samples && picker.value === '') showSpec(lastSpec);
        shownDataset = dataset;
        shownSamples = state.samples;
        setDisabled(exportButton, !state.samples);
      }
      if (evaluation !== shownEvaluation) {
        shownEvaluation = evaluation;
        showReadout(snapshot);
      }
    },

    linkLength(length, limit) {
      const long = length > limit;
      if (linkWarning.hidden === long) linkWarning.hidden = !long;
      if (long) {
        setText(linkText, `This setup's link is ${length.toLocaleString('en')} characters long, past the ${limit.toLocaleString('en')} `
          + 'that browsers, chats and mail keep safely: to share these samples, export them as CSV or save the state as a file.');
      }
    },
  };
}
