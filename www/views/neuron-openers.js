// Every neuron past the inputs in the picture opens its zoomed graph: by a click, or by Enter or
// Space once focused (each is a button in the tab order, named after its symbol).

import { setAttribute } from '../lib/dom.js';
import { symbolText } from '../lib/format.js';

/**
 * Wires the neurons drawn in `picture` to `openGraph(nodeId, element)`. Controller:
 * `refresh(network)`, after the picture was rebuilt for another architecture.
 */
export function bindNeuronOpeners(picture, openGraph) {
  let network = null;
  const neuronAt = (target) => {
    const element = target.closest?.('[data-node]');
    const node = element && network?.node(element.dataset.node);
    return node && node.layer > 0 ? { node, element } : null;
  };

  picture.addEventListener('click', (event) => {
    const found = neuronAt(event.target);
    if (found) openGraph(found.node.id, found.element);
  });
  picture.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const found = neuronAt(event.target);
    if (!found) return;
    event.preventDefault();
    openGraph(found.node.id, found.element);
  });

  return {
    refresh(next) {
      network = next;
      for (const element of picture.querySelectorAll('[data-node]')) {
        const node = network.node(element.dataset.node);
        if (!node || node.layer === 0) continue;
        setAttribute(element, 'tabindex', '0');
        setAttribute(element, 'role', 'button');
        setAttribute(element, 'aria-label', `${symbolText(node.symbol)}: open its computational graph`);
      }
    },
  };
}
