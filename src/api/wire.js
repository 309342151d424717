// The JavaScript half of the core's wire (see wire.rs beside it): the core's results cross as a
// skeleton, JSON in which every number is replaced by its position in a Float64Array, and the
// numbers. A skeleton is parsed and compiled into a builder once, kept by its hash; a result is a
// fresh copy built by it, each number read from the array (a view on the wasm's memory, read
// before this returns).

const skeletons = new Map();
/** Enough for every shape a session shows at once; past it the oldest is parsed again if needed. */
const KEEP = 64;

/** Whether the skeleton with `hash` is kept, so the core need not send its text. */
export function wireKnows(hash) {
  return skeletons.has(hash);
}

/** The result `skeleton` (empty when `wireKnows(hash)`) describes, with `numbers` in place. */
export function wireBuild(hash, skeleton, numbers) {
  let build = skeletons.get(hash);
  if (build === undefined) {
    build = compile(JSON.parse(skeleton));
    if (skeletons.size >= KEEP) skeletons.delete(skeletons.keys().next().value);
    skeletons.set(hash, build);
  }
  return build(numbers);
}

/**
 * A function that builds a fresh copy of the parsed skeleton `node` with every number `k`
 * replaced by `numbers[k]`: the walk over the skeleton is done once, here.
 */
function compile(node) {
  if (typeof node === 'number') return (numbers) => numbers[node];
  if (node === null || typeof node !== 'object') return () => node;
  if (Array.isArray(node)) {
    const parts = node.map(compile);
    return (numbers) => {
      const out = [];
      for (let i = 0; i < parts.length; i += 1) out.push(parts[i](numbers));
      return out;
    };
  }
  const keys = Object.keys(node);
  const parts = keys.map((key) => compile(node[key]));
  return (numbers) => {
    const out = {};
    for (let i = 0; i < keys.length; i += 1) out[keys[i]] = parts[i](numbers);
    return out;
  };
}
