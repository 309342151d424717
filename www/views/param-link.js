// Linked highlighting: pointing at or focusing a parameter anywhere — its edge or neuron in the
// picture, its slider, its row in the gradient check — marks it `.is-linked` everywhere. Clicking
// an edge or neuron pins the mark until it is clicked again.

/**
 * Links the parameters shown in `regions` (elements under `root`); `picture` takes pinning clicks.
 * `network()` is the network on screen, which says on which neuron a bias, an input or a target is
 * drawn. Returns `{ pinned() }`, the parameter pinned now (or null), and calls `onPin(name)` when the
 * learner pins or unpins one.
 */
export function linkParams(root, regions, picture, network, onPin = () => {}) {
  /** The parameter that `target` stands for, or null. */
  function paramAt(target) {
    const element = target.closest('[data-edge], [data-node], [data-fd], [data-param], [data-label-for]');
    if (!element) return null;
    const { edge, node, fd, param, labelFor } = element.dataset;
    return edge ?? fd ?? param ?? labelFor ?? (node ? network().paramOfNode(node) : null) ?? null;
  }

  function elementsOf(name) {
    const selectors = [`[data-edge="${name}"]`, `[data-fd="${name}"]`, `[data-param="${name}"]`, `[data-label-for="${name}"]`];
    const node = network().nodeOfParam(name);
    if (node) selectors.push(`[data-node="${node}"]`);
    return root.querySelectorAll(selectors.join(', '));
  }

  let pointed = null;
  let focused = null;
  let pinned = null;
  let shown = null;

  function show() {
    const name = pointed ?? focused ?? pinned;
    if (name === shown) return;
    if (shown) for (const element of root.querySelectorAll('.is-linked')) element.classList.remove('is-linked');
    shown = name;
    if (name) for (const element of elementsOf(name)) element.classList.add('is-linked');
  }

  for (const region of regions) {
    region.addEventListener('pointerover', (event) => {
      pointed = paramAt(event.target);
      show();
    });
    region.addEventListener('pointerleave', () => {
      pointed = null;
      show();
    });
    region.addEventListener('focusin', (event) => {
      focused = paramAt(event.target);
      show();
    });
    region.addEventListener('focusout', () => {
      focused = null;
      show();
    });
  }
  picture.addEventListener('click', (event) => {
    const name = paramAt(event.target);
    pinned = name === pinned ? null : name;
    show();
    onPin(pinned);
  });

  return {
    pinned: () => pinned,
    /** Marks the parameter again after the views were rebuilt (a new architecture). */
    refresh() {
      const name = shown;
      shown = null;
      if (name && !network().hasParam(name)) pinned = pointed = focused = null;
      show();
    },
  };
}
