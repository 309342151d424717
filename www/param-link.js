// Linked highlighting: pointing at or focusing a parameter anywhere — its edge or neuron in the
// picture, its slider, its row in the gradient check — marks it `.is-linked` everywhere. Clicking
// an edge or neuron pins the mark until it is clicked again.

/** Parameters drawn on a node rather than an edge: biases on their neuron, x and t on theirs. */
const NODE_OF_PARAM = { 'b1.0': 'h.0', 'b1.1': 'h.1', 'b2.0': 'y.0', 'x.0': 'x.0', 'x.1': 'x.1', 't.0': 't.0' };
const PARAM_OF_NODE = Object.fromEntries(Object.entries(NODE_OF_PARAM).map(([param, node]) => [node, param]));

/** The parameter that `target` stands for, or null. */
function paramAt(target) {
  const element = target.closest('[data-edge], [data-node], [data-fd], [data-param]');
  if (!element) return null;
  const { edge, node, fd, param } = element.dataset;
  return edge ?? fd ?? param ?? PARAM_OF_NODE[node] ?? null;
}

function elementsOf(root, name) {
  const selectors = [`[data-edge="${name}"]`, `[data-fd="${name}"]`, `[data-param="${name}"]`];
  if (NODE_OF_PARAM[name]) selectors.push(`[data-node="${NODE_OF_PARAM[name]}"]`);
  return root.querySelectorAll(selectors.join(', '));
}

/** Links the parameters shown in `regions` (elements under `root`); `picture` takes pinning clicks. */
export function linkParams(root, regions, picture) {
  let pointed = null;
  let focused = null;
  let pinned = null;
  let shown = null;

  function show() {
    const name = pointed ?? focused ?? pinned;
    if (name === shown) return;
    if (shown) for (const element of elementsOf(root, shown)) element.classList.remove('is-linked');
    shown = name;
    if (name) for (const element of elementsOf(root, name)) element.classList.add('is-linked');
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
  });
}
