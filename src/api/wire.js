// The JavaScript half of the core's wire (see wire.rs beside it): the core's results cross as a
// skeleton, JSON in which every number is replaced by its position in a Float64Array, and the
// numbers. A skeleton is parsed and compiled into a builder once, kept by its hash; a result is a
// fresh copy built by it, each number read from the array (a view on the wasm's memory, read
// before this returns). Arguments cross the other way in the same form (see from_js.rs). The
// wasm holds no float formatting (see src/num.rs): the numbers in its messages, its strings and
// its scripts come as marks, written here as JavaScript writes numbers.

/** A number the core wrote as a mark and its 64 bits in hex (see src/num.rs): `\ue000` in a sentence, `\ue001` in Python. */
const MARK = /([\ue000\ue001])([0-9a-f]{16})/g;
const bits = new DataView(new ArrayBuffer(8));

/** `text` with every number mark written as JavaScript writes the number (a Python float for `\ue001`). */
function words(text) {
  if (!text.includes('\ue000') && !text.includes('\ue001')) return text;
  return text.replace(MARK, (_, kind, hex) => {
    bits.setBigUint64(0, BigInt(`0x${hex}`));
    const written = String(bits.getFloat64(0));
    return kind === '\ue001' && /^-?\d+$/.test(written) ? `${written}.0` : written;
  });
}

/** The core's text (a script), its numbers written. */
export function wireText(text) {
  return words(text);
}

/** The Error the core throws, its message's numbers written. */
export function wireError(message) {
  return new Error(words(message));
}

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
  if (typeof node === 'string') {
    const text = words(node);
    return () => text;
  }
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

/** The numbers of the last value written, until the core takes them. */
let written = [];

/**
 * `value` written for the core (see from_js.rs): its skeleton, JSON in which every number is
 * replaced by its position, its numbers kept for `wireTake`. Containers deeper than `maxDepth`
 * and entries past `maxLen + 1` are left out: the core refuses such input before reaching them.
 * A value that cannot be written gives `!` and why.
 */
export function wireWrite(value, maxDepth, maxLen) {
  const numbers = [];
  const number = (n) => {
    numbers.push(n);
    return String(numbers.length - 1);
  };
  function write(v, depth) {
    switch (typeof v) {
      case 'number': return number(v);
      case 'bigint': return number(Number(v));
      case 'string': return JSON.stringify(v);
      case 'boolean': return v ? 'true' : 'false';
      case 'undefined': return 'null';
      case 'object': break;
      default: throw new TypeError(`invalid type: a ${typeof v}, expected a JSON value`);
    }
    if (v === null || depth > maxDepth) return 'null';
    const parts = [];
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const count = Math.min(v.length ?? 0, maxLen + 1);
      for (let i = 0; i < count; i += 1) parts.push(write(v[i], depth + 1));
      return `[${parts.join(',')}]`;
    }
    const keys = Object.keys(v);
    const count = Math.min(keys.length, maxLen + 1);
    for (let i = 0; i < count; i += 1) parts.push(`${JSON.stringify(keys[i])}:${write(v[keys[i]], depth + 1)}`);
    return `{${parts.join(',')}}`;
  }
  try {
    const skeleton = write(value, 0);
    written = numbers;
    return skeleton;
  } catch (error) {
    written = [];
    return `!${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The numbers of the last `wireWrite`, as a Float64Array the core copies. */
export function wireTake() {
  const numbers = Float64Array.from(written);
  written = [];
  return numbers;
}
