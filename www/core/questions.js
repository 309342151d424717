// Practice mode's questions as the core sends them — one Float64Array (see `practice` in
// src/api/mod.rs) — read back into `{ tolerance, stages: [[{ value, mistakes: [{ kind, value }] }]] }`.

/** Reads `flat` with `kinds`, the mistakes' names in the order of their codes; throws if it is cut short. */
export function decodeQuestions(flat, kinds) {
  let at = 0;
  const next = () => {
    if (at >= flat.length) throw new Error('the practice questions are cut short');
    const value = flat[at];
    at += 1;
    return value;
  };
  const tolerance = next();
  const stages = Array.from({ length: next() }, () => Array.from({ length: next() }, () => {
    const value = next();
    const mistakes = Array.from({ length: next() }, () => ({ kind: kinds[next()], value: next() }));
    return { value, mistakes };
  }));
  return { tolerance, stages };
}
