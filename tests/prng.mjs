// Mulberry32: a small seeded random generator shared by the JS tests, so a failure can be
// replayed from the seed it prints.

/** Returns a function giving numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
