// While training, the numbers the page writes as text change on every frame: far too fast to
// read, and rewriting them all (the picture's labels, the parameter panel, the table of values:
// about 8 ms in Chromium for a 2-8-8-1 network) was most of a training frame (issue 12). So
// during a run each text readout is rewritten in rolling shares: every frame rewrites the next
// few of its items, so that each item is fresh every `interval` ms and every frame carries the
// same small share. The maps, the edges' thickness and the loss curve follow every frame; once
// the run ends, every item is rewritten on the next frame.

/** The share that rewrites every item. */
export const EVERY_ITEM = Object.freeze({ full: true, has: () => true });

/**
 * Creates the schedule. Controller: `frame(now, running)` starts a frame; `part(name)` returns
 * the function a view calls with its item count to get this frame's share `{ full, has(i) }`
 * (always {@link EVERY_ITEM} when not training); `behind()` says whether an item skipped during
 * the run still waits for its rewrite.
 */
export function createReadouts(interval) {
  const cursors = new Map();
  const partial = new Set();
  let running = false;
  let elapsed = 0;
  let last = null;

  function share(name, count) {
    if (!running || count === 0) {
      partial.delete(name);
      return EVERY_ITEM;
    }
    const take = Math.min(count, Math.max(1, Math.ceil((count * elapsed) / interval)));
    const from = (cursors.get(name) ?? 0) % count;
    cursors.set(name, (from + take) % count);
    partial.add(name);
    return { full: false, has: (i) => (i - from + count) % count < take };
  }

  return {
    frame(now, isRunning) {
      running = isRunning;
      elapsed = last === null ? interval : Math.min(now - last, interval);
      last = now;
    },

    part: (name) => (count) => share(name, count),

    behind: () => partial.size > 0,
  };
}
