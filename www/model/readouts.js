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
//
// While a slider is dragged, every panel follows each input when it can: a frame writes the most
// overdue slot (in its part) and every other slot whole whose cost, as measured the last times it
// was written, fits in what is left of the frame's budget, so a small network's panels all follow
// the drag and a 4-8-8-8-4's take turns, and a slot that is slow to write waits for its turn
// instead of making its frame late.

/** The items of a slot written whole. */
export const EVERY_ITEM = () => true;
const NO_ITEM = () => false;

/** How long a dragging frame may go on writing slots beyond the most overdue one. */
const DRAG_BUDGET_MS = 3;
/**
 * A slot's cost is the longest of its recent whole writes: each new one counts in full, the
 * remembered one fades by this factor, so one slow write (a GC) is forgotten in a few turns.
 */
const COST_MEMORY = 0.75;

/**
 * Creates the schedule of `slots` (name → `{ period, parts, only }`: the ms between its turns
 * while busy, how many turns write all of its items, `parts` defaulting to 1, and the one pace it
 * is scheduled at, if it is due on every frame at the others); `clock()` tells the time within a
 * frame (`performance.now` by default).
 * Controller: `frame(now, pace)` starts a frame, at `pace` `null` (nothing going on: every slot
 * is due), `'one'` (training: only the most overdue slot) or `'budget'` (dragging: the most
 * overdue slot, and, whole, any other whose measured cost fits in what is left of the frame's budget);
 * `due(name)` says whether the slot has this frame (always at no pace, and as a busy spell
 * starts); `items(name)` returns the function `(i, count)` that says whether the slot's item `i`
 * of `count` is written in this frame; `behind()` says whether this frame, the first after a busy
 * spell, owes the rewrite of every slot; `end()` ends the frame's writing (so that the last slot
 * written is measured too).
 */
export function createReadouts(slots, clock = () => performance.now()) {
  const names = Object.keys(slots);
  const writtenAt = new Map(names.map((name) => [name, -Infinity]));
  const turns = new Map(names.map((name) => [name, 0]));
  let busy = false;
  let every = true;
  let stale = false;
  let owed = false;
  let chosen = null;
  let pace = null;
  let frameNow = 0;
  let budgetEnds = -Infinity;
  /** This frame's answers beyond the chosen slot: name → true (whole) or false. */
  const granted = new Map();
  /**
   * What each slot's whole write costs (ms), measured from the moment it is asked for and due
   * to the next question about another slot, or the frame's `end()`.
   */
  const costs = new Map(names.map((name) => [name, 0]));
  /** The slot being written: `{ name, at, whole }`, or null. */
  let writing = null;

  /** Whether the slot is left out of this frame's schedule (due on every frame at this pace). */
  const unscheduled = (name) => slots[name].only !== undefined && slots[name].only !== pace;
  const whole = (name) => every || name !== chosen || (slots[name].parts ?? 1) === 1;

  function finish() {
    if (writing === null) return;
    const { name, at } = writing;
    if (writing.whole) costs.set(name, Math.max(clock() - at, COST_MEMORY * costs.get(name)));
    writing = null;
  }

  /** Whether the slot has this frame: beyond the chosen one, only if its cost fits the budget left. */
  function answer(name) {
    if (every || name === chosen || unscheduled(name)) return true;
    if (!granted.has(name)) {
      const grant = clock() + costs.get(name) < budgetEnds;
      granted.set(name, grant);
      if (grant) writtenAt.set(name, frameNow);
    }
    return granted.get(name);
  }

  function due(name) {
    if (writing?.name === name) return true;
    finish();
    const yes = answer(name);
    if (yes) writing = { name, at: clock(), whole: whole(name) };
    return yes;
  }

  return {
    frame(now, framePace) {
      finish();
      pace = framePace;
      every = pace === null || !busy;
      busy = pace !== null;
      owed = every && stale;
      stale = !every;
      chosen = null;
      frameNow = now;
      granted.clear();
      budgetEnds = pace === 'budget' ? clock() + DRAG_BUDGET_MS : -Infinity;
      if (every) {
        for (const name of names) writtenAt.set(name, now);
        return;
      }
      let most = 1;
      for (const name of names) {
        if (unscheduled(name)) continue;
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
      if (every || parts === 1 || name !== chosen) return EVERY_ITEM;
      // Item i of count belongs to part ⌊i·parts/count⌋.
      const part = (turns.get(name) - 1) % parts;
      return (i, count) => Math.floor((i * parts) / count) === part;
    },

    behind: () => owed,

    /** Ends the frame's writing, so that the last slot written is measured too. */
    end: finish,
  };
}
