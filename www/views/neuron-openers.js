// What opens a neuron's zoomed graph: a click on a neuron past the inputs in the picture, or
// choosing it in the "Zoom into" menu (the keyboard's way; the picture itself stays one image).

import { htmlElement } from '../lib/dom.js';
import { symbolText } from '../lib/format.js';

const ROLES = { hidden: 'hidden', output: 'output' };

/**
 * Wires the neurons drawn in `picture` and the `<select>` `picker` to `openGraph(nodeId, opener)`.
 * Controller: `refresh(network)` after the picture was rebuilt, `show(nodeId)` (null: none).
 */
export function bindNeuronOpeners(picture, picker, openGraph) {
  let network = null;
  const neuronOf = (id) => {
    const node = id ? network?.node(id) : null;
    return node && node.layer > 0 ? node : null;
  };

  picture.addEventListener('click', (event) => {
    const element = event.target.closest?.('[data-node]');
    const node = element && neuronOf(element.dataset.node);
    if (node) openGraph(node.id, picker);
  });
  picker.addEventListener('change', () => {
    if (neuronOf(picker.value)) openGraph(picker.value, picker);
  });

  return {
    refresh(next) {
      network = next;
      const chosen = picker.value;
      picker.replaceChildren();
      htmlElement('option', { value: '' }, picker, 'a neuron…');
      for (const node of network.nodes.filter((n) => n.layer > 0)) {
        htmlElement('option', { value: node.id }, picker, `${symbolText(node.symbol)} (${ROLES[node.role] ?? node.role} layer ${node.layer})`);
      }
      picker.value = neuronOf(chosen) ? chosen : '';
      picker.disabled = false;
    },
    show(nodeId) {
      picker.value = nodeId ?? '';
    },
  };
}
