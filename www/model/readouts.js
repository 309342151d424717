// While training, the maps change on every frame and must be repainted on every frame; the rest
// of the page need not be. Numbers written as text that change 60 times a second cannot be read,
// and in Chromium any change to a panel repaints that whole panel: a frame that changed every
// panel (the picture's labels, the parameter grid, the table of values, the samples, the
// training readouts) took 15 ms of the page's thread, a frame that changed only the plane 2.
// So during a run each readout is a slot with a period, and a frame rewrites at most one slot,
// the most overdue: most frames repaint only the plane and the maps, none repaints two panels.
// A slot too big for one frame (the parameter grid: 105 cells) is written in `parts`, one part
// each time its turn comes. The frame a run starts in and the one after it ends rewrite every
// slot whole.

/** The items of a slot written whole. */
export const EVERY_ITEM = () => true;
const NO_ITEM = () => false;

/**
 * Creates the schedule of `slots` (name → `{ period, parts }`: the ms between its turns while
 * training, and how many turns write all of its items; `parts` defaults to 1).
 * Controller: `frame(now, running)` starts a frame; `due(name)` says whether the slot has this
 * frame (always when not training, and as a run starts); `items(name)` returns the function
 * `(i, count)` that says whether the slot's item `i` of `count` is written in this frame;
 * `behind()` says whether this frame, the first after a run, owes the rewrite of every slot.
 */
export function createReadouts(slots) {
  const names = Object.keys(slots);
  const writtenAt = new Map(names.map((name) => [name, -Infinity]));
  const turns = new Map(names.map((name) => [name, 0]));
  let running = false;
  let every = true;
  let stale = false;
  let owed = false;
  let chosen = null;

  const due = (name) => every || name === chosen;

  return {
    frame(now, isRunning) {
      every = !isRunning || !running;
      running = isRunning;
      owed = every && stale;
      stale = !every;
      chosen = null;
      if (every) return;
      let most = 1;
      for (const name of names) {
        const overdue = (now - writtenAt.get(name)) / slots[name].period;
        if (overdue >= most) {
          most = overdue;
          chosen = name;
        }
      }
      if (chosen === null) return;
      writtenAt.set(chosen, now);
      turns.set(chosen, turns.get(chosen) + 1);
    },

    due,

    items(name) {
      if (!due(name)) return NO_ITEM;
      const parts = slots[name].parts ?? 1;
      if (every || parts === 1) return EVERY_ITEM;
      // Item i of count belongs to part ⌊i·parts/count⌋.
      const part = (turns.get(name) - 1) % parts;
      return (i, count) => Math.floor((i * parts) / count) === part;
    },

    behind: () => owed,
  };
}
