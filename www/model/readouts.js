// While training, the maps change on every frame and must be repainted on every frame; the rest
// of the page need not be. Numbers written as text that change 60 times a second cannot be read,
// and in Chromium any change to a panel repaints that whole panel: a frame that changed every
// panel (the picture's labels, the parameter grid, the table of values, the samples, the
// training readouts) took 15 ms of the page's thread, a frame that changed only the plane 2.
// So during a run each readout is a slot with a period, and a frame rewrites at most one slot,
// the most overdue: most frames repaint only the plane and the maps, none repaints two panels.
// A slot with more items than a turn writes (a 4-8-8-8-4's parameter grid: 229 cells) is written
// in parts, one part each time its turn comes, and its turns come as many times more often, so
// that each item is still rewritten once per period. The frame a run starts in and the one after
// it ends rewrite every slot whole.
//
// While a slider is dragged, every panel follows each input when it can: a frame writes the most
// overdue slot (in its part) and every other slot of one part whose cost, as measured the last
// times it was written whole, fits in what is left of the frame's budget. A small network's panels
// therefore all follow the drag. A big network's panels in parts take turns: their script time
// says little of what they cost, as Chromium lays out and repaints a whole grid or table when one
// of its cells changes (a 4-8-8-8-4's parameter grid: ~1 ms of script, ~4 ms more of rendering).

/** The items of a slot written whole. */
export const EVERY_ITEM = () => true;
const NO_ITEM = () => false;

/** How long a dragging frame may go on writing slots beyond the most overdue one. */
const DRAG_BUDGET_MS = 3;
/**
 * A slot's cost is the middle of its last three whole writes in busy frames (of two, the smaller),
 * so that one slow write (a GC, a busy machine) does not hold it back; what is remembered fades by
 * this factor on every busy frame, so that a slot that slow writes put past the budget is tried
 * again a few frames later. A frame that writes every slot is no measure: after the page was
 * built it costs 30 ms, and the first frame of a drag up to 3 ms, where the drag's next frames
 * cost 0.5. A slot never measured is tried whole.
 */
const COST_FADE = 0.9;
const COST_WRITES = 3;

/** The cost that `writes` (ms) stand for: see COST_WRITES. */
function costOf(writes) {
  const sorted = [...writes].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[(sorted.length - 1) >> 1];
}

/**
 * Creates the schedule of `slots` (name → `{ period, turn, only }`: the ms between two rewrites of
 * each of its items while busy; the most items one turn writes, `turn` defaulting to all of them;
 * and the one pace it is scheduled at, if it is due on every frame at the others); `clock()` tells
 * the time within a frame (`performance.now` by default).
 * Controller: `frame(now, pace)` starts a frame, at `pace` `null` (nothing going on: every slot
 * is due), `'one'` (training: only the most overdue slot) or `'budget'` (dragging: the most
 * overdue slot, and, whole, any other of one part whose measured cost fits in what is left of the
 * frame's budget); `due(name)` says whether the slot has this frame (always at no pace, and as a
 * busy spell starts); `items(name)` returns the function `(i, count)` that says whether the slot's
 * item `i` of `count` is written in this frame; `behind()` says whether this frame, the first after
 * a busy spell, owes the rewrite of every slot; `end()` ends the frame's writing (so that the last
 * slot written is measured too).
 */
export function createReadouts(slots, clock = () => performance.now()) {
  const names = Object.keys(slots);
  /**
   * Each slot's `writtenAt` (its last turn), `turns`, `writes` (ms of its last whole writes, each
   * measured from the moment it is asked for and due to the next question about another slot, or
   * the frame's `end()`) and `count` (of the items it had when last written).
   */
  const state = new Map(names.map((name) => [name, { writtenAt: -Infinity, turns: 0, writes: [], count: 0 }]));
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
  /** The slot being written: `{ name, at, whole }`, or null. */
  let writing = null;

  /** Whether the slot is left out of this frame's schedule (due on every frame at this pace). */
  const unscheduled = (name) => slots[name].only !== undefined && slots[name].only !== pace;
  /** In how many parts the slot is written, for `count` items. */
  const partsOf = (name, count = state.get(name).count) => Math.max(1, Math.ceil(count / (slots[name].turn ?? Infinity)));
  const whole = (name) => every || name !== chosen || partsOf(name) === 1;

  function finish() {
    if (writing === null) return;
    const { name, at } = writing;
    const slot = state.get(name);
    if (writing.whole && !every) {
      slot.writes.push(clock() - at);
      if (slot.writes.length > COST_WRITES) slot.writes.shift();
    }
    writing = null;
  }

  /** Whether the slot has this frame: beyond the chosen one, only whole and if its cost fits the budget. */
  function answer(name) {
    if (every || name === chosen || unscheduled(name)) return true;
    if (!granted.has(name)) {
      const grant = partsOf(name) === 1 && clock() + costOf(state.get(name).writes) < budgetEnds;
      granted.set(name, grant);
      if (grant) state.get(name).writtenAt = frameNow;
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
        for (const slot of state.values()) slot.writtenAt = now;
        return;
      }
      for (const { writes } of state.values()) {
        for (let i = 0; i < writes.length; i += 1) writes[i] *= COST_FADE;
      }
      let most = 1;
      for (const name of names) {
        if (unscheduled(name)) continue;
        // A slot in parts has its turns as many times more often.
        const overdue = ((now - state.get(name).writtenAt) * partsOf(name)) / slots[name].period;
        if (overdue >= most) {
          most = overdue;
          chosen = name;
        }
      }
      if (chosen === null) return;
      const slot = state.get(chosen);
      slot.writtenAt = now;
      slot.turns += 1;
    },

    due,

    items(name) {
      if (!due(name)) return NO_ITEM;
      const slot = state.get(name);
      if (whole(name)) {
        return (i, count) => {
          slot.count = count;
          return true;
        };
      }
      const turn = slot.turns;
      // Item i of count belongs to part ⌊i·parts/count⌋.
      return (i, count) => {
        slot.count = count;
        const parts = partsOf(name, count);
        return Math.floor((i * parts) / count) === (turn - 1) % parts;
      };
    },

    behind: () => owed,

    /** Ends the frame's writing, so that the last slot written is measured too. */
    end: finish,
  };
}
