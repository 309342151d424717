// The architecture control: one row per layer (inputs, each hidden layer, the output) with its
// width, buttons to add or remove a neuron and, past the inputs, its activation; buttons to add or
// remove a hidden layer; the seed new weights are drawn from, Re-initialise, and whether biases are
// trained. Every change goes through the core (reshape), so it is validated and undoable.

import { htmlElement, setText, setValue } from '../lib/dom.js';

const ACTIVATION_LABELS = { sigmoid: 'sigmoid σ', tanh: 'tanh', relu: 'ReLU', linear: 'linear' };

function layerName(layer, depth) {
  if (layer === 0) return 'Inputs';
  if (layer === depth) return 'Output';
  return depth === 2 ? 'Hidden layer' : `Hidden layer ${layer}`;
}

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Builds the control into `container` (the `[data-arch]` element). `actions`: `reshape(arch, { done,
 * doing })`,
 * `reinitialize(seed)`, `trainBiases(on)`; each returns why it was refused, or null.
 * Controller: `update(snapshot)`.
 */
export function createArchView(container, actions) {
  const layers = htmlElement('div', { class: 'arch-layers' }, container);
  const layerButtons = htmlElement('div', { class: 'arch-buttons' }, container);
  const addLayer = htmlElement('button', { type: 'button', class: 'button button--small' }, layerButtons, 'Add hidden layer');
  const removeLayer = htmlElement('button', { type: 'button', class: 'button button--small' }, layerButtons, 'Remove hidden layer');
  const init = htmlElement('div', { class: 'arch-init' }, container);
  const seedLabel = htmlElement('label', { class: 'arch-seed' }, init);
  htmlElement('span', {}, seedLabel, 'Seed');
  const seed = htmlElement('input', { type: 'number', min: '0', max: '4294967295', step: '1', inputmode: 'numeric', 'data-init-seed': '' }, seedLabel);
  const reinit = htmlElement('button', { type: 'button', class: 'button button--small', 'data-action': 'reinitialize' }, init, 'Re-initialise');
  const biasesLabel = htmlElement('label', { class: 'arch-biases' }, container);
  const biases = htmlElement('input', { type: 'checkbox', 'data-train-biases': '' }, biasesLabel);
  htmlElement('span', {}, biasesLabel, 'Train biases');
  const message = htmlElement('p', { class: 'arch-message', role: 'status' }, container);
  let current = null;
  let built = null;
  let selects = [];

  const arch = () => ({ widths: [...current.network.widths], activations: [...current.network.activations] });

  /** Reshapes to `next`; `done` and `doing` word the change for the status line and a refusal. */
  function apply(next, done, doing) {
    const refusal = actions.reshape(next, { done, doing });
    setText(message, refusal ?? '');
  }

  function resize(layer, delta) {
    const next = arch();
    next.widths[layer] += delta;
    const name = layerName(layer, current.network.depth).toLowerCase();
    if (layer === 0) apply(next, delta > 0 ? 'Added an input' : 'Removed an input', delta > 0 ? 'Adding an input' : 'Removing an input');
    else if (delta > 0) apply(next, `Added a neuron to the ${name}`, `Adding a neuron to the ${name}`);
    else apply(next, `Removed a neuron from the ${name}`, `Removing a neuron from the ${name}`);
  }

  /** Which control of the rows has the focus: `[layer, 'add' | 'remove' | 'select']`, or null. */
  function focused() {
    const element = document.activeElement;
    const row = element?.closest?.('[data-layer]');
    if (!row || !layers.contains(row)) return null;
    const kind = element.tagName === 'SELECT' ? 'select' : element.getAttribute('aria-label');
    return [row.dataset.layer, kind];
  }

  function refocus(where) {
    if (!where) return;
    const [layer, kind] = where;
    const row = layers.querySelector(`[data-layer="${layer}"]`);
    const target = kind === 'select' ? row?.querySelector('select') : row?.querySelector(`button[aria-label="${kind}"]`);
    const control = target && !target.disabled ? target : row?.querySelector('button:not(:disabled), select');
    (control ?? addLayer).focus();
  }

  function build(network) {
    const where = focused();
    layers.replaceChildren();
    selects = [];
    const { limits, depth } = network;
    network.widths.forEach((width, layer) => {
      const row = htmlElement('div', { class: 'arch-layer', 'data-layer': String(layer), role: 'group' }, layers);
      const title = htmlElement('span', { class: 'arch-layer-name', id: `arch-layer-${layer}` }, row, layerName(layer, depth));
      row.setAttribute('aria-labelledby', title.id);
      const max = layer === 0 ? limits.inputs : (layer === depth ? limits.outputs : limits.width);
      const word = layer === 0 ? 'input' : (layer === depth ? 'output' : 'neuron');
      htmlElement('span', { class: 'arch-width', 'data-width': String(width) }, row, plural(width, word));
      const remove = htmlElement('button', {
        type: 'button', class: 'button button--icon', 'aria-label': 'Remove neuron', title: `Remove a neuron from the ${layerName(layer, depth).toLowerCase()}`,
      }, row, '−');
      const add = htmlElement('button', {
        type: 'button', class: 'button button--icon', 'aria-label': 'Add neuron', title: `Add a neuron to the ${layerName(layer, depth).toLowerCase()}`,
      }, row, '+');
      remove.disabled = width <= 1;
      add.disabled = width >= max;
      remove.addEventListener('click', () => resize(layer, -1));
      add.addEventListener('click', () => resize(layer, 1));
      if (layer > 0) {
        const select = htmlElement('select', { 'aria-label': `Activation of the ${layerName(layer, depth).toLowerCase()}` }, row);
        for (const name of limits.activations) select.add(new Option(ACTIVATION_LABELS[name] ?? name, name));
        select.value = network.activations[layer - 1];
        selects.push(select);
        select.addEventListener('change', () => {
          const next = arch();
          next.activations[layer - 1] = select.value;
          const name = `the ${layerName(layer, depth).toLowerCase()}`;
          const label = ACTIVATION_LABELS[select.value] ?? select.value;
          apply(next, `Switched ${name} to ${label}`, `Switching ${name} to ${label}`);
        });
      }
    });
    addLayer.disabled = depth - 1 >= limits.hidden_layers;
    removeLayer.disabled = depth <= 1;
    built = network;
    refocus(where);
  }

  addLayer.addEventListener('click', () => {
    const next = arch();
    const depth = next.widths.length - 1;
    const below = depth > 1 ? next.widths[depth - 1] : 2;
    const activation = depth > 1 ? next.activations[depth - 2] : 'sigmoid';
    next.widths.splice(depth, 0, below);
    next.activations.splice(depth - 1, 0, activation);
    apply(next, 'Added a hidden layer', 'Adding a hidden layer');
  });
  removeLayer.addEventListener('click', () => {
    const next = arch();
    const depth = next.widths.length - 1;
    next.widths.splice(depth - 1, 1);
    next.activations.splice(depth - 2, 1);
    apply(next, 'Removed a hidden layer', 'Removing a hidden layer');
  });
  reinit.addEventListener('click', () => {
    const value = seed.valueAsNumber;
    if (!Number.isInteger(value) || value < 0 || value > 4294967295) {
      setText(message, 'The seed must be a whole number from 0 to 4294967295.');
      return;
    }
    setText(message, actions.reinitialize(value) ?? '');
  });
  biases.addEventListener('change', () => {
    setText(message, actions.trainBiases(biases.checked) ?? '');
  });
  for (const control of [addLayer, removeLayer, reinit, seed, biases]) control.disabled = false;

  return {
    update(snapshot) {
      current = snapshot;
      if (snapshot.network !== built) build(snapshot.network);
      // A refused choice leaves its select showing it: show the network's again.
      selects.forEach((select, i) => setValue(select, snapshot.network.activations[i]));
      const seedValue = String(snapshot.state.init_seed ?? 1);
      if (document.activeElement !== seed) setValue(seed, seedValue);
      const trained = snapshot.state.train_biases !== false;
      if (biases.checked !== trained) biases.checked = trained;
    },
  };
}
