// The JavaScript half of the core's wire (see wire.rs beside it): the core's results cross as a
// skeleton, JSON in which every number is replaced by its position in a Float64Array, and the
// numbers. A skeleton is parsed and compiled into a builder once, kept by its hash; a result is a
// fresh copy built by it, each number read from the array (a view on the wasm's memory, read
// before this returns). Arguments cross the other way as one Float64Array of tokens (see
// from_js.rs). The wasm holds no float formatting (see src/num.rs): the numbers in its
// messages, its strings and its scripts come as marks, written here as JavaScript writes numbers.

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

/**
 * The result whose skeleton has `hash`, with `numbers` in place; `undefined` if that skeleton is
 * not kept (then the core sends it, to `wireBuild`).
 */
export function wireBuildKnown(hash, numbers) {
  const build = skeletons.get(hash);
  return build === undefined ? undefined : build(numbers);
}

/** The result `skeleton` describes, with `numbers` in place; the skeleton is kept by its `hash`. */
export function wireBuild(hash, skeleton, numbers) {
  const build = compile(JSON.parse(skeleton));
  if (skeletons.size >= KEEP) skeletons.delete(skeletons.keys().next().value);
  skeletons.set(hash, build);
  return build(numbers);
}

/**
 * A function that builds a fresh copy of the parsed skeleton `node` with every number `k`
 * replaced by `numbers[k]`: the walk over the skeleton is done once, here. Small arrays and an
 * object's properties are built by straight-line code rather than a loop: a loop's one store,
 * shared by every key of every shape, was the slow part of a small result (the seed's snapshot
 * took about 1.6 µs to build in Node with loops, 1.1 µs like this).
 */
function compile(node) {
  if (typeof node === 'number') return (numbers) => numbers[node];
  if (typeof node === 'string') {
    const text = words(node);
    return () => text;
  }
  if (node === null || typeof node !== 'object') return () => node;
  if (Array.isArray(node)) return compileArray(node);
  const keys = Object.keys(node);
  const parts = keys.map((key) => compile(node[key]));
  const groups = [];
  for (let i = 0; i < keys.length; i += SET.length - 1) {
    const end = Math.min(i + SET.length - 1, keys.length);
    groups.push(SET[end - i](keys.slice(i, end), parts.slice(i, end)));
  }
  if (groups.length === 1) {
    const [set] = groups;
    return (numbers) => {
      const out = {};
      set(out, numbers);
      return out;
    };
  }
  return (numbers) => {
    const out = {};
    for (let i = 0; i < groups.length; i += 1) groups[i](out, numbers);
    return out;
  };
}

/** `SET[n]`, for n from 1: a function that sets `n` keys of an object, each from its part. */
const SET = [
  null,
  ([k0], [p0]) => (out, numbers) => {
    out[k0] = p0(numbers);
  },
  ([k0, k1], [p0, p1]) => (out, numbers) => {
    out[k0] = p0(numbers);
    out[k1] = p1(numbers);
  },
  ([k0, k1, k2], [p0, p1, p2]) => (out, numbers) => {
    out[k0] = p0(numbers);
    out[k1] = p1(numbers);
    out[k2] = p2(numbers);
  },
  ([k0, k1, k2, k3], [p0, p1, p2, p3]) => (out, numbers) => {
    out[k0] = p0(numbers);
    out[k1] = p1(numbers);
    out[k2] = p2(numbers);
    out[k3] = p3(numbers);
  },
];

function compileArray(node) {
  // Numbers at consecutive positions (a layer's values, a row of weights).
  const from = node[0];
  if (node.length > 0 && node.every((k, i) => k === from + i)) {
    if (node.length === 1) return (numbers) => [numbers[from]];
    if (node.length === 2) return (numbers) => [numbers[from], numbers[from + 1]];
    const to = from + node.length;
    return (numbers) => {
      const out = [];
      for (let k = from; k < to; k += 1) out.push(numbers[k]);
      return out;
    };
  }
  const parts = node.map(compile);
  if (parts.length === 0) return () => [];
  if (parts.length === 1) {
    const [p0] = parts;
    return (numbers) => [p0(numbers)];
  }
  if (parts.length === 2) {
    const [p0, p1] = parts;
    return (numbers) => [p0(numbers), p1(numbers)];
  }
  return (numbers) => {
    const out = [];
    for (let i = 0; i < parts.length; i += 1) out.push(parts[i](numbers));
    return out;
  };
}

/** The kinds of a value in the tokens `wireWrite` writes (see from_js.rs). */
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;

/** The tokens of the value being written and its numbers, kept from one call to the next. */
let tokens = new Float64Array(1024);
let length = 0;
let numbers = new Float64Array(256);
let count = 0;
/** Whether a value is being written (a getter may call the core while it is). */
let writing = false;
/** Why the last value could not be written. */
let why = '';

/** `array`, or a copy of it twice as long once `used` entries fill it. */
function roomIn(array, used) {
  if (used < array.length) return array;
  const more = new Float64Array(array.length * 2);
  more.set(array);
  return more;
}

function put(token) {
  tokens = roomIn(tokens, length);
  tokens[length] = token;
  length += 1;
}

function putNumber(n) {
  put(NUMBER);
  numbers = roomIn(numbers, count);
  numbers[count] = n;
  count += 1;
}

function putString(text) {
  put(STRING);
  put(text.length);
  for (let i = 0; i < text.length; i += 1) put(text.charCodeAt(i));
}

function putValue(v, depth, maxDepth, maxLen) {
  switch (typeof v) {
    case 'number': putNumber(v); return;
    case 'bigint': putNumber(Number(v)); return;
    case 'string': putString(v); return;
    case 'boolean': put(v ? TRUE : FALSE); return;
    case 'undefined': put(NULL); return;
    case 'object': break;
    default: throw new TypeError(`invalid type: a ${typeof v}, expected a JSON value`);
  }
  if (v === null || depth > maxDepth) {
    put(NULL);
    return;
  }
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const count = Math.min(v.length ?? 0, maxLen + 1);
    put(ARRAY);
    put(count);
    for (let i = 0; i < count; i += 1) putValue(v[i], depth + 1, maxDepth, maxLen);
    return;
  }
  const keys = Object.keys(v);
  const count = Math.min(keys.length, maxLen + 1);
  put(OBJECT);
  put(count);
  for (let i = 0; i < count; i += 1) {
    putString(keys[i]);
    putValue(v[keys[i]], depth + 1, maxDepth, maxLen);
  }
}

/**
 * `value` written for the core (see from_js.rs) as tokens: the number of its shape's tokens,
 * its shape (each value its kind, then a string's length and UTF-16 code units or a container's
 * count and entries, an object's each a key string and a value), then its numbers in order.
 * Containers deeper than `maxDepth` and entries past `maxLen + 1` are left out: the core refuses
 * such input before reaching them. A value that cannot be written gives no tokens, and `wireWhy`
 * says why.
 */
export function wireWrite(value, maxDepth, maxLen) {
  const outer = [tokens, length, numbers, count];
  const nested = writing;
  if (nested) [tokens, numbers] = [new Float64Array(1024), new Float64Array(256)];
  writing = true;
  length = 1;
  count = 0;
  try {
    putValue(value, 0, maxDepth, maxLen);
    tokens[0] = length - 1;
    const shape = length;
    for (let k = 0; k < count; k += 1) put(numbers[k]);
    return tokens.subarray(0, shape + count);
  } catch (error) {
    why = error instanceof Error ? error.message : String(error);
    return tokens.subarray(0, 0);
  } finally {
    writing = nested;
    if (nested) [tokens, length, numbers, count] = outer;
  }
}

/** Why the last `wireWrite` wrote no tokens. */
export function wireWhy() {
  return why;
}
