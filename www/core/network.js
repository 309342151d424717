// The network a state describes, as the core describes it (see `describe` in src/describe.rs):
// its neurons, edges, editable parameters with their symbols, hints and slider ranges, the
// parameter groups and the stage list. Nothing on the page writes a shape or a symbol itself:
// every view reads them from here.

/**
 * A frozen model of `description`: the core's fields plus lookups —
 * `param(name)` (throws on an unknown name), `node(id)`, `stageCount`, `paramKeys` (the state's
 * JSON keys in order: x, t, w1, b1, …, lr), `nodeOfParam(name)` (the picture node a bias, input
 * or target is drawn on) and `key` (the same for every state of this architecture).
 */
export function createNetwork(description) {
  const params = new Map(description.params.map((param) => [param.name, param]));
  const nodes = new Map(description.nodes.map((node) => [node.id, node]));
  const nodeOfParam = new Map(description.params.filter((p) => p.node).map((p) => [p.name, p.node]));
  const paramOfNode = new Map([...nodeOfParam].map(([param, node]) => [node, param]));
  return Object.freeze({
    ...description,
    key: architectureKey(description.widths, description.activations),
    depth: description.widths.length - 1,
    stageCount: description.stages.length,
    paramKeys: Object.freeze([...new Set(description.params.map((p) => p.key))]),
    param(name) {
      const found = params.get(name);
      if (!found) throw new Error(`unknown parameter ${name}`);
      return found;
    },
    hasParam: (name) => params.has(name),
    node: (id) => nodes.get(id),
    nodeOfParam: (name) => nodeOfParam.get(name) ?? null,
    paramOfNode: (id) => paramOfNode.get(id) ?? null,
  });
}

/** A short text that names an architecture: `2-2-1 sigmoid,sigmoid`. */
export function architectureKey(widths, activations) {
  return `${widths.join('-')} ${activations.join(',')}`;
}

/** The widths and activations of `state`, read from its shapes: `{ widths, activations }`. */
export function architectureOf(state) {
  const widths = [state.x.length];
  for (let l = 1; Array.isArray(state[`w${l}`]); l += 1) widths.push(state[`w${l}`][0]?.length ?? 0);
  const depth = widths.length - 1;
  const activations = state.activations ?? Array(depth).fill('sigmoid');
  return { widths, activations };
}
